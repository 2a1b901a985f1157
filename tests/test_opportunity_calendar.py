"""Paid opportunities (issue 8, acceptance line 4): the people taking part
get each session as a calendar invitation, to download or in their email."""

from datetime import UTC

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from members.models import User
from notifications.emails import email_message
from notifications.models import Delivery, Notification
from notifications.outbox import outbox_send_due
from notifications.services import preferences_save
from opportunities.calendar import session_ics
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, SignUp
from opportunities.services import opportunity_move, opportunity_select, sign_up_create
from tests.people import sign_in

pytestmark = pytest.mark.django_db

S = Opportunity.Status


def person(email):
    return User.objects.get(email=email)


def selection_made(opportunity, chosen, others=()):
    """Sign these people up, close sign-up and let the lead choose."""
    entries = {
        email: sign_up_create(opportunity=opportunity, member=person(email))
        for email in [*chosen, *others]
    }
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    opportunity_select(
        opportunity=opportunity,
        chosen=[entries[email] for email in chosen],
        reason="They know the topic well.",
        by=person("lead@example.org"),
    )
    opportunity.refresh_from_db()
    return entries


def event_of(content: bytes):
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def download_url(session):
    return reverse(
        "opportunities:session_calendar", args=[session.opportunity_id, session.pk]
    )


# The file ------------------------------------------------------------------------


def test_the_invitation_has_the_session_s_time_title_place_and_link(demo_site):
    opportunity = OpportunityFactory(sessions=1)
    session = opportunity.sessions.get()
    session.where = "Room 4, Town Hall, Llandrindod Wells"
    session.save()
    content = session_ics(session)
    calendar, event = event_of(content)
    assert calendar["METHOD"] == "PUBLISH"
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTEND") == session.ends_at
    # In UTC, so every calendar program puts it at the same moment.
    starts_utc = session.starts_at.astimezone(UTC)
    assert f"DTSTART:{starts_utc:%Y%m%dT%H%M%S}Z".encode() in content
    assert "DTSTAMP" in event
    assert str(event["SUMMARY"]) == "Review a leaflet for carers"
    assert str(event["LOCATION"]) == "Room 4, Town Hall, Llandrindod Wells"
    description = str(event["DESCRIPTION"])
    assert "Read a draft leaflet and tell us what is unclear." in description
    page = reverse("opportunities:detail", args=[opportunity.pk])
    assert f"Details: http://testserver{page}" in description


def test_a_file_sent_again_updates_the_same_calendar_entry(demo_site):
    first, second = OpportunityFactory(sessions=2).sessions.all()
    uid = str(event_of(session_ics(first))[1]["UID"])
    assert uid == f"session-{first.pk}@testserver"
    assert str(event_of(session_ics(first))[1]["UID"]) == uid
    assert str(event_of(session_ics(second))[1]["UID"]) != uid


@pytest.mark.parametrize(
    ("where", "location", "mode", "expected"),
    [
        ("Room 4", "Town Hall", "in_person", "Room 4"),
        ("", "Town Hall, Stirling", "in_person", "Town Hall, Stirling"),
        ("", "", "online", "Online"),
    ],
)
def test_the_place_is_the_session_s_then_the_opportunity_s(
    demo_site, where, location, mode, expected
):
    opportunity = OpportunityFactory(sessions=1, location=location)
    opportunity.mode = mode
    opportunity.save()
    session = opportunity.sessions.get()
    session.where = where
    session.save()
    assert str(event_of(session_ics(session))[1]["LOCATION"]) == expected


# Downloading it ------------------------------------------------------------------


def test_a_selected_member_downloads_each_session_from_the_page(client, demo_site):
    opportunity = OpportunityFactory(sessions=2)
    selection_made(opportunity, ["member@example.org"])
    sign_in(client, "member@example.org")
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    content = page.content.decode()
    for session in opportunity.sessions.all():
        starts = timezone.localtime(session.starts_at)
        # Each link says which session it is, for screen reader users.
        label = f"Add the {starts:%-d %B, %H:%M} session to your calendar (.ics)"
        assert f'href="{download_url(session)}" download>{label}</a>' in content
        response = client.get(download_url(session))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == (
            "attachment; filename="
            f'"review-a-leaflet-for-carers-{starts:%Y-%m-%d-%H%M}.ics"'
        )
        _, event = event_of(response.content)
        assert event.decoded("DTSTART") == session.starts_at


def test_a_supporter_acting_for_a_selected_member_downloads_it(client, demo_site):
    opportunity = OpportunityFactory(sessions=1)
    selection_made(opportunity, ["member2@example.org"])
    url = download_url(opportunity.sessions.get())
    sign_in(client, "supporter@example.org")
    assert client.get(url).status_code == 404  # not while not acting for her
    client.post(
        reverse("members:acting_start", args=[person("member2@example.org").pk])
    )
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),  # selected
        ("member2@example.org", 404),  # signed up, not selected
        ("member3@example.org", 404),  # never signed up
        ("lead@example.org", 200),  # organises it
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
    ],
)
def test_only_those_taking_part_and_the_lead_download_it(
    client, demo_site, email, status
):
    opportunity = OpportunityFactory(sessions=1)
    selection_made(opportunity, ["member@example.org"], ["member2@example.org"])
    sign_in(client, email)
    assert client.get(download_url(opportunity.sessions.get())).status_code == status


def test_signing_in_comes_first(client, demo_site):
    opportunity = OpportunityFactory(sessions=1)
    response = client.get(download_url(opportunity.sessions.get()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_member_only_signed_up_sees_no_calendar_links(client, demo_site):
    opportunity = OpportunityFactory(sessions=2)
    sign_up_create(opportunity=opportunity, member=person("member@example.org"))
    sign_in(client, "member@example.org")
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "to your calendar (.ics)" not in page.content.decode()
    session = opportunity.sessions.first()
    assert client.get(download_url(session)).status_code == 404


def test_a_session_of_another_opportunity_is_not_found(client, demo_site):
    mine = OpportunityFactory(sessions=1)
    selection_made(mine, ["member@example.org"])
    other = OpportunityFactory(sessions=1, title="Someone else's")
    sign_in(client, "member@example.org")
    url = reverse(
        "opportunities:session_calendar", args=[mine.pk, other.sessions.get().pk]
    )
    assert client.get(url).status_code == 404


def test_a_cancelled_opportunity_offers_no_invitation(client, demo_site):
    opportunity = OpportunityFactory(sessions=1)
    selection_made(opportunity, ["member@example.org"])
    opportunity_move(opportunity=opportunity, to=S.CANCELLED)
    sign_in(client, "member@example.org")
    page = client.get(reverse("opportunities:detail", args=[opportunity.pk]))
    assert "to your calendar (.ics)" not in page.content.decode()
    assert client.get(download_url(opportunity.sessions.get())).status_code == 404


# In the email --------------------------------------------------------------------


def calendar_files(message):
    return [
        (name, content)
        for name, content, mimetype in message.attachments
        if mimetype == "text/calendar"
    ]


def test_the_selection_email_carries_one_invitation_per_session(demo_site):
    opportunity = OpportunityFactory(sessions=3)
    selection_made(opportunity, ["member@example.org"], ["member3@example.org"])
    outbox_send_due()
    (chosen,) = [m for m in mail.outbox if m.subject.startswith("You have been")]
    assert chosen.to == ["member@example.org"]
    files = calendar_files(chosen)
    assert len(files) == len(chosen.attachments) == 3
    assert len({name for name, _ in files}) == 3
    starts = sorted(
        event_of(content.encode())[1].decoded("DTSTART") for _, content in files
    )
    assert starts == [session.starts_at for session in opportunity.sessions.all()]
    (not_chosen,) = [m for m in mail.outbox if m.subject.startswith("Not selected")]
    assert not_chosen.to == ["member3@example.org"]
    assert not_chosen.attachments == []


def test_a_digest_carries_the_invitations_of_each_selection_in_it(demo_site):
    from notifications.digests import digests_send

    dafydd = person("member@example.org")
    preferences_save(user=dafydd, choices={"opportunity": Delivery.DAILY})
    films = OpportunityFactory(sessions=2, title="Film panel")
    leaflet = OpportunityFactory(sessions=1, title="Leaflet review")
    selection_made(films, ["member@example.org"])
    selection_made(leaflet, ["member@example.org"])
    mail.outbox.clear()
    assert digests_send(rhythm=Delivery.DAILY) >= 1
    email = dafydd.emails.get(template="emails/digest")
    message = email_message(email, connection=mail.get_connection())
    names = sorted(name for name, _ in calendar_files(message))
    assert len(names) == 3
    assert [name.split("-")[0] for name in names] == ["film", "film", "leaflet"]


def test_the_invitation_follows_the_sign_up_not_the_moment_of_sending(demo_site):
    # Someone who withdraws before a waiting digest goes gets no invitation.
    opportunity = OpportunityFactory(sessions=1)
    entries = selection_made(opportunity, ["member@example.org"])
    entry = entries["member@example.org"]
    email = Notification.objects.get(dedupe_key=f"selection:{entry.pk}").email
    SignUp.objects.filter(pk=entry.pk).update(status=SignUp.Status.WITHDRAWN)
    message = email_message(email, connection=mail.get_connection())
    assert calendar_files(message) == []
