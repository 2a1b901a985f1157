"""The Charter: versions, notification, acceptance and the lead's table."""

import pytest
from django.urls import reverse

from charter.models import CharterAcceptance, CharterVersion
from charter.services import charter_publish
from members.models import User
from notifications.models import Notification
from tests.people import sign_in

pytestmark = pytest.mark.django_db

CURRENT = reverse("charter:current")


def current_version():
    return CharterVersion.objects.order_by("-number").first()


def test_the_demo_charter_has_two_versions_and_one_member_still_to_accept(demo_site):
    assert list(CharterVersion.objects.values_list("number", flat=True)) == [2, 1]
    accepted = CharterAcceptance.objects.filter(version=current_version())
    assert list(accepted.values_list("user__email", flat=True)) == [
        "member@example.org"
    ]


def test_publishing_asks_every_active_member_once(demo_site):
    lead = User.objects.get(email="lead@example.org")
    version = charter_publish(
        body="## Commitment\nWe listen.",
        summary_of_changes="Shorter.",
        published_by=lead,
    )
    assert version.number == 3
    asked = Notification.objects.filter(dedupe_key="charter:3")
    assert set(asked.values_list("recipient__email", flat=True)) == {
        "member@example.org",
        "member2@example.org",
        # Paused, but the Charter is not a reminder: it waits for them.
        "member3@example.org",
        "member4@example.org",
    }
    assert all(n.kind == "charter" and n.url == CURRENT for n in asked)


def test_a_member_accepts_the_current_version(client, demo_site):
    sign_in(client, "member2@example.org")
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "Please read the new Charter" in dashboard
    page = client.get(CURRENT).content.decode()
    assert "Version 2" in page and "Accept the Charter" in page

    response = client.post(reverse("charter:accept", args=[2]), {"agree": "on"})
    assert response["Location"] == reverse("intranet:home")
    acceptance = CharterAcceptance.objects.get(
        user__email="member2@example.org", version__number=2
    )
    assert acceptance.on_behalf_by is None
    assert (
        "Please read the new Charter"
        not in client.get(reverse("intranet:home")).content.decode()
    )
    assert "You accepted this version on" in client.get(CURRENT).content.decode()


def test_accepting_without_ticking_the_box_is_explained_next_to_it(client, demo_site):
    sign_in(client, "member2@example.org")
    response = client.post(reverse("charter:accept", args=[2]), {})
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_agree_error"' in content
    assert "Tick the box" in content
    assert not CharterAcceptance.objects.filter(
        user__email="member2@example.org", version__number=2
    ).exists()


def test_accepting_twice_keeps_the_first_record(client, demo_site):
    sign_in(client, "member2@example.org")
    client.post(reverse("charter:accept", args=[2]), {"agree": "on"})
    client.post(reverse("charter:accept", args=[2]), {"agree": "on"})
    assert (
        CharterAcceptance.objects.filter(
            user__email="member2@example.org", version__number=2
        ).count()
        == 1
    )


def test_an_older_version_is_marked_and_cannot_be_accepted(client, demo_site):
    sign_in(client, "member2@example.org")
    page = client.get(reverse("charter:version", args=[1])).content.decode()
    assert "This is an older version" in page
    assert "Accept the Charter" not in page
    response = client.post(reverse("charter:accept", args=[1]), {"agree": "on"})
    assert response.status_code == 404


def test_staff_read_the_charter_but_are_not_asked_to_accept(client, demo_site):
    sign_in(client, "staff@example.org")
    assert "Accept the Charter" not in client.get(CURRENT).content.decode()
    response = client.post(reverse("charter:accept", args=[2]), {"agree": "on"})
    assert response.status_code == 404


def test_the_lead_sees_who_has_accepted_which_version(client, demo_site):
    sign_in(client, "lead@example.org")
    table = client.get(reverse("charter:acceptances")).content.decode()
    assert "Dafydd Pryce" in table and "Niamh Rafferty" in table
    row = table[table.index("Niamh Rafferty") :].split("</tr>")[0]
    assert "Version 1" in row and "Not yet" in row
    dashboard = client.get(reverse("intranet:home")).content.decode()
    section = dashboard[dashboard.index("Not yet accepted the current Charter") :]
    assert "Niamh Rafferty" in section.split("</section>")[0]


@pytest.mark.parametrize("name", ["charter:acceptances", "charter:publish"])
@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("lead@example.org", 200),
        ("member@example.org", 404),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        (None, 302),
    ],
)
def test_only_the_lead_publishes_and_sees_the_table(
    client, demo_site, name, email, status
):
    if email:
        sign_in(client, email)
    assert client.get(reverse(name)).status_code == status


def test_the_lead_publishes_a_new_version_from_the_current_text(client, demo_site):
    sign_in(client, "lead@example.org")
    form = client.get(reverse("charter:publish")).content.decode()
    assert "Cameras are optional" in form  # the current text to start from
    response = client.post(
        reverse("charter:publish"),
        {"body": "## Our commitment\nWe listen.", "summary_of_changes": "Shorter."},
    )
    assert response["Location"] == reverse("charter:acceptances")
    assert current_version().number == 3


def test_a_version_without_a_summary_is_refused_and_keeps_the_text(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("charter:publish"), {"body": "My new words", "summary_of_changes": ""}
    )
    content = response.content.decode()
    assert 'id="id_summary_of_changes_error"' in content
    assert "My new words" in content
    assert current_version().number == 2


def test_the_charter_text_is_escaped_with_headings(client, demo_site):
    lead = User.objects.get(email="lead@example.org")
    charter_publish(
        body="## Meetings\n\nWe meet <script>alert(1)</script> monthly.",
        summary_of_changes="Test.",
        published_by=lead,
    )
    sign_in(client, "member@example.org")
    content = client.get(CURRENT).content.decode()
    assert "<h2>Meetings</h2>" in content
    assert "&lt;script&gt;" in content and "<script>alert" not in content


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),
        ("member2@example.org", 200),
        ("lead@example.org", 200),
        ("staff@example.org", 200),
        (None, 302),
    ],
)
def test_the_easy_read_version_is_for_signed_in_people_only(
    client, demo_site, email, status
):
    if email:
        sign_in(client, email)
    response = client.get(reverse("charter:easy_read", args=[2]))
    assert response.status_code == status
    if status == 200:
        assert b"Easy Read" in b"".join(response.streaming_content)
        assert "no-store" in response["Cache-Control"]
        # Downloaded, never opened as a page of the site.
        assert response["Content-Disposition"].startswith("attachment;")
        assert "sandbox" in response["Content-Security-Policy"]


def test_a_version_without_easy_read_has_no_download(client, demo_site):
    sign_in(client, "member@example.org")
    assert client.get(reverse("charter:easy_read", args=[1])).status_code == 404
    assert (
        "Easy Read version"
        not in client.get(reverse("charter:version", args=[1])).content.decode()
    )
