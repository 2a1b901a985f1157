"""“Ask for this in another format”: on every page, for everyone, reaching
the engagement lead as a request to answer."""

import pytest
from django.urls import reverse

from formats.models import FormatRequest
from notifications.models import Notification
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/stories/", "/who-we-are/"])
def test_every_page_offers_another_format(client, demo_site, path):
    page = client.get(path).content.decode()
    assert f"{reverse('formats:ask')}?page={path}" in page
    assert "Ask for this page in another format" in page


def test_a_visitor_asks_and_the_lead_hears(client, demo_site):
    form = client.get(reverse("formats:ask"), {"page": "/stories/"}).content.decode()
    assert 'value="/stories/"' in form
    response = client.post(
        reverse("formats:ask"),
        {
            "page_path": "/stories/",
            "format": "easy_read",
            "name": "Pat",
            "reply_to": "pat@example.net",
        },
    )
    assert "your request is sent" in response.content.decode()
    request = FormatRequest.objects.get(name="Pat")
    assert request.user is None
    note = Notification.objects.get(dedupe_key=f"format-request:{request.pk}")
    assert note.recipient.email == "lead@example.org"
    assert note.subject == "Pat asks for Easy Read"


def test_a_signed_in_member_finds_their_details_filled_in(client, demo_site):
    sign_in(client, "member@example.org")
    page = client.get(reverse("formats:ask"), {"page": "/"}).content.decode()
    assert 'value="Dafydd Pryce"' in page
    assert 'value="member@example.org"' in page


def test_a_missing_answer_keeps_what_was_typed(client, demo_site):
    response = client.post(
        reverse("formats:ask"),
        {"page_path": "/", "format": "", "name": "Pat", "details": "Page two"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose a format." in page
    assert "Enter an email address or a phone number." in page
    assert 'value="Pat"' in page
    assert "Page two" in page
    assert not FormatRequest.objects.filter(name="Pat").exists()


@pytest.mark.parametrize(
    "page",
    [
        "javascript:alert(1)",
        "https://elsewhere.example",
        "//elsewhere",
        # Browsers read a backslash as a slash: these leave the site too.
        "/\\elsewhere.example",
        "\\\\elsewhere.example",
        "/\\/elsewhere.example",
        # A control character browsers drop, before another site's address.
        "\x01//elsewhere.example",
        # This site's own address, written out in full, is not a path.
        "http://testserver/stories/",
    ],
)
def test_the_page_is_always_on_this_site(client, demo_site, page):
    form = client.get(reverse("formats:ask"), {"page": page}).content.decode()
    assert page not in form
    assert 'name="page_path" value="/"' in form
    assert 'You are asking about the page <a href="/">/</a>' in form
    client.post(
        reverse("formats:ask"),
        {"page_path": page, "format": "audio", "name": "X", "reply_to": "x@x.org"},
    )
    assert FormatRequest.objects.get(name="X").page_path == "/"


def test_a_page_on_this_site_is_kept_with_its_query(client, demo_site):
    page = "/stories/?tag=caring"
    form = client.get(reverse("formats:ask"), {"page": page}).content.decode()
    assert 'value="/stories/?tag=caring"' in form
    client.post(
        reverse("formats:ask"),
        {"page_path": page, "format": "audio", "name": "Y", "reply_to": "y@y.org"},
    )
    assert FormatRequest.objects.get(name="Y").page_path == page


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("lead@example.org", 200),
        ("member@example.org", 404),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
    ],
)
def test_only_the_lead_reads_the_requests(client, demo_site, email, status):
    sign_in(client, email)
    response = client.get(reverse("format_requests:list"))
    assert response.status_code == status
    assert ("pat@example.net" in response.content.decode()) == (status == 200)


def test_the_lead_marks_a_request_answered_and_it_is_kept(client, demo_site):
    lead = sign_in(client, "lead@example.org")
    request = FormatRequest.objects.get()
    client.post(reverse("format_requests:answer", args=[request.pk]))
    request.refresh_from_db()
    assert request.answered_by == lead
    waiting = client.get(reverse("format_requests:list")).content.decode()
    assert "pat@example.net" not in waiting
    answered = client.get(reverse("format_requests:list"), {"show": "answered"})
    assert "pat@example.net" in answered.content.decode()


def test_a_member_cannot_mark_a_request_answered(client, demo_site):
    sign_in(client, "member@example.org")
    request = FormatRequest.objects.get()
    assert (
        client.post(reverse("format_requests:answer", args=[request.pk])).status_code
        == 404
    )
    request.refresh_from_db()
    assert request.answered_at is None
