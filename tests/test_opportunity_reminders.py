"""Paid opportunities (issue 8, acceptance line 5): reminders before sign-up
closes, to members who might want it, and before each session, to those
taking part. Each goes once, however often the daily task runs."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from members.models import Skill, User
from notifications.models import Notification
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, Session
from opportunities.reminders import closing_reminders_send, session_reminders_send
from opportunities.services import opportunity_move, opportunity_select, sign_up_create
from opportunities.tasks import closing_reminders, session_reminders

pytestmark = pytest.mark.django_db

S = Opportunity.Status
MEMBERS = ["member@example.org", "member2@example.org", "member3@example.org"]
OTHERS = [
    "lead@example.org",
    "staff@example.org",
    "admin@example.org",
    "supporter@example.org",
]


def person(email):
    return User.objects.get(email=email)


def reminded(opportunity_or_session, prefix):
    """The demo accounts reminded about this, by email address."""
    return set(
        Notification.objects.filter(
            kind="reminder",
            dedupe_key__startswith=f"{prefix}:{opportunity_or_session.pk}:",
        ).values_list("recipient__email", flat=True)
    ) & set(MEMBERS + OTHERS)


def closing_in(days, **fields):
    return OpportunityFactory(
        closes_on=timezone.localdate() + timedelta(days=days), **fields
    )


# Before sign-up closes -----------------------------------------------------------


def test_members_not_signed_up_hear_three_days_before_sign_up_closes(demo_site):
    opportunity = closing_in(3)
    sign_up_create(opportunity=opportunity, member=person("member2@example.org"))
    sent = closing_reminders_send(today=timezone.localdate())
    # Signed up already: no reminder. Paused (member3): none either.
    assert reminded(opportunity, "opportunity-closing") == {"member@example.org"}
    assert (
        sent
        == Notification.objects.filter(
            dedupe_key__startswith=f"opportunity-closing:{opportunity.pk}:"
        ).count()
    )
    note = Notification.objects.get(
        recipient__email="member@example.org", kind="reminder"
    )
    assert note.subject == (
        f"Sign-up closes on {opportunity.closes_on:%A %-d %B}: {opportunity.title}"
    )
    assert note.url.endswith(f"/opportunities/{opportunity.pk}/")


def test_staff_the_lead_and_supporters_get_no_closing_reminder(demo_site):
    opportunity = closing_in(2)
    closing_reminders_send(today=timezone.localdate())
    assert reminded(opportunity, "opportunity-closing") == {
        "member@example.org",
        "member2@example.org",
    }


def test_only_members_with_one_of_the_skills_asked_for_hear(demo_site):
    welsh = closing_in(3, title="Check our Welsh leaflet")
    welsh.skills.add(Skill.objects.get(name="Welsh language"))  # Dafydd's
    policy = closing_in(3, title="Respond to a consultation")
    policy.skills.add(
        Skill.objects.get(name="Policy and consultation responses"),  # Niamh's
        Skill.objects.get(name="Film and video"),  # Dafydd's too
    )
    closing_reminders_send(today=timezone.localdate())
    assert reminded(welsh, "opportunity-closing") == {"member@example.org"}
    assert reminded(policy, "opportunity-closing") == {
        "member@example.org",
        "member2@example.org",
    }
    # Matching two skills still means one reminder.
    assert (
        Notification.objects.filter(
            recipient__email="member@example.org",
            dedupe_key__startswith=f"opportunity-closing:{policy.pk}:",
        ).count()
        == 1
    )


def test_running_twice_reminds_once_and_a_new_closing_date_reminds_again(demo_site):
    opportunity = closing_in(3)
    today = timezone.localdate()
    first = closing_reminders_send(today=today)
    assert first >= 2
    assert closing_reminders_send(today=today) == 0
    assert closing_reminders_send(today=today + timedelta(days=1)) == 0
    opportunity.closes_on += timedelta(days=1)
    opportunity.save()
    assert closing_reminders_send(today=today + timedelta(days=1)) == first
    assert (
        Notification.objects.filter(
            recipient__email="member@example.org", kind="reminder"
        ).count()
        == 2
    )


@pytest.mark.parametrize(
    ("days", "status", "expected"),
    [
        (4, S.OPEN, False),  # too early
        (3, S.OPEN, True),
        (0, S.OPEN, True),  # the last day to sign up
        (-1, S.OPEN, False),  # already closed
        (3, S.DRAFT, False),
        (3, S.CLOSED, False),
        (3, S.CANCELLED, False),
    ],
)
def test_the_closing_reminder_is_for_open_opportunities_closing_soon(
    demo_site, days, status, expected
):
    opportunity = closing_in(days, status=status)
    closing_reminders_send(today=timezone.localdate())
    assert bool(reminded(opportunity, "opportunity-closing")) == expected


def test_the_task_counts_from_the_day_it_was_meant_for(demo_site):
    opportunity = closing_in(3)
    long_ago = (timezone.now() - timedelta(days=10)).isoformat()
    assert closing_reminders(intended_for=long_ago) == 0
    three_days_before = timezone.make_aware(
        datetime.combine(opportunity.closes_on - timedelta(days=3), time(8))
    ).isoformat()
    sent = closing_reminders(intended_for=three_days_before)
    assert sent >= 2
    assert closing_reminders() == 0


# Before each session -------------------------------------------------------------


def taking_part(chosen, others=(), days=2, where="Room 4, Town Hall"):
    """An opportunity with one session `days` from today, and a selection."""
    opportunity = OpportunityFactory(sessions=0, title="Join the film panel")
    session = Session.objects.create(
        opportunity=opportunity,
        starts_at=timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=days), time(10))
        ),
        ends_at=timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=days), time(12, 30))
        ),
        where=where,
    )
    entries = [
        sign_up_create(opportunity=opportunity, member=person(email))
        for email in [*chosen, *others]
    ]
    opportunity_move(opportunity=opportunity, to=S.CLOSED)
    opportunity_select(
        opportunity=opportunity,
        chosen=entries[: len(chosen)],
        reason="Film experience",
        by=person("lead@example.org"),
    )
    return session


def test_only_the_people_selected_hear_two_days_before_a_session(demo_site):
    session = taking_part(["member@example.org"], ["member2@example.org"])
    sent = session_reminders_send(today=timezone.localdate())
    assert sent == 1
    assert reminded(session, "session-reminder") == {"member@example.org"}
    note = Notification.objects.get(
        recipient__email="member@example.org", kind="reminder"
    )
    starts = session.starts_at
    assert note.subject == (
        f"Reminder: Join the film panel on {starts:%A %-d %B} at 10:00"
    )
    assert f"When: {starts:%A %-d %B}, 10:00 to 12:30." in note.body
    assert "Where: Room 4, Town Hall." in note.body


def test_a_session_reminder_goes_once_and_again_if_the_session_moves(demo_site):
    session = taking_part(["member@example.org"])
    today = timezone.localdate()
    assert session_reminders_send(today=today) == 1
    assert session_reminders_send(today=today) == 0
    assert session_reminders_send(today=today + timedelta(days=1)) == 0
    session.starts_at += timedelta(days=1)
    session.ends_at += timedelta(days=1)
    session.save()
    assert session_reminders_send(today=today + timedelta(days=1)) == 1


def test_a_paused_person_gets_no_session_reminder(demo_site):
    session = taking_part(["member3@example.org"])
    assert session_reminders_send(today=timezone.localdate()) == 0
    assert reminded(session, "session-reminder") == set()


@pytest.mark.parametrize(("days", "expected"), [(3, 0), (2, 1), (1, 1), (0, 0)])
def test_the_session_reminder_comes_in_the_two_days_before(demo_site, days, expected):
    taking_part(["member@example.org"], days=days)
    assert session_reminders_send(today=timezone.localdate()) == expected


def test_no_session_reminder_before_the_selection_or_after_a_cancellation(
    demo_site,
):
    session = taking_part(["member@example.org"])
    opportunity = session.opportunity
    opportunity_move(opportunity=opportunity, to=S.CANCELLED)
    assert session_reminders_send(today=timezone.localdate()) == 0
    still_open = OpportunityFactory(sessions=0, title="Still open")
    Session.objects.create(
        opportunity=still_open,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
    )
    sign_up_create(opportunity=still_open, member=person("member@example.org"))
    assert session_reminders_send(today=timezone.localdate()) == 0


def test_the_session_task_counts_from_the_day_it_was_meant_for(demo_site):
    taking_part(["member@example.org"])
    long_ago = (timezone.now() - timedelta(days=10)).isoformat()
    assert session_reminders(intended_for=long_ago) == 0
    assert session_reminders() == 1
    assert session_reminders() == 0
