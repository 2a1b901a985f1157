"""The site's own frame and emails in Welsh (issue 21): the header, footer
and error pages under /cy/, and an account email with its lines kept."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_missing_welsh_page_is_in_welsh_with_a_welsh_header_and_footer(
    client, demo_site
):
    response = client.get("/cy/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Heb ddod o hyd i'r dudalen" in html
    assert "Hwb Cydgynhyrchu" in html  # header and title
    assert "Neidio i'r prif gynnwys" in html  # skip link
    assert "Gosodiadau darllen: maint testun, lliwiau a ffont" in html  # footer
    assert "Skip to main content" not in html


def test_a_plain_text_email_in_welsh_keeps_its_lines():
    context = {
        "first_name": "Ann",
        "sign_in_url": "https://example.org/s",
        "minutes": 15,
        "site_name": "Hwb",
    }
    with translation.override("cy"):
        text = render_to_string("emails/sign_in_link.txt", context)
    lines = text.splitlines()
    assert lines[0] == "Eich dolen i fewngofnodi"
    assert lines[2] == "Helo Ann,"
    assert lines[4].endswith("am 15 munud:")
    assert lines[5] == "https://example.org/s"
    english = render_to_string("emails/sign_in_link.txt", context).splitlines()
    assert len(lines) == len(english)
