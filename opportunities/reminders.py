"""Reminders about paid opportunities, run daily by opportunities/tasks.py:
the closing date, to members who might want to sign up, and each session,
to those taking part. Each dedupe key names the thing and its date, so a
second run sends nothing twice and a changed date reminds again. They are
reminders, so notify() leaves out anyone who is paused."""

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from members import roles
from members.selectors import active_in_role
from notifications.models import Kind
from notifications.services import notify

from .dates import lazy_date
from .models import Opportunity, Session, SignUp

CLOSING_REMINDER_DAYS = 3
SESSION_REMINDER_DAYS = 2


def _url(opportunity) -> str:
    return reverse("opportunities:detail", kwargs={"pk": opportunity.pk})


def members_to_remind_of_closing(opportunity: Opportunity):
    """Active members not signed up who match: they have one of the skills
    it asks for, or it asks for none."""
    signed_up = SignUp.objects.filter(
        opportunity=opportunity, status__in=SignUp.ACTIVE
    ).values("member")
    people = active_in_role(group_name=roles.MEMBERS).exclude(pk__in=signed_up)
    skill_ids = [skill.pk for skill in opportunity.skills.all()]
    if skill_ids:
        people = people.filter(profile__skills__in=skill_ids)
    return people


def closing_reminders_send(*, today: date) -> int:
    """Remind matching members in the last days before sign-up closes (from
    CLOSING_REMINDER_DAYS before, so one opened late is not missed)."""
    closing = Opportunity.objects.filter(
        status=Opportunity.Status.OPEN,
        closes_on__gte=today,
        closes_on__lte=today + timedelta(days=CLOSING_REMINDER_DAYS),
    ).prefetch_related("skills")
    sent = 0
    for opportunity in closing:
        sent += len(
            notify(
                recipients=members_to_remind_of_closing(opportunity),
                kind=Kind.REMINDER,
                subject=format_lazy(
                    gettext_lazy("Sign-up closes on {date}: {title}"),
                    date=lazy_date(opportunity.closes_on, "l j F"),
                    title=opportunity.title,
                ),
                body=format_lazy(
                    "{summary}\n\n{ask}",
                    summary=opportunity.summary[:300],
                    ask=format_lazy(
                        gettext_lazy(
                            "If you would like to take part, sign up by {date}."
                        ),
                        date=lazy_date(opportunity.closes_on, "l j F"),
                    ),
                ),
                url=_url(opportunity),
                dedupe_key=f"opportunity-closing:{opportunity.pk}:"
                f"{opportunity.closes_on}",
                target=opportunity,
            )
        )
    return sent


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def session_reminder_text(session: Session) -> str:
    """Lazy: read in the language of whoever it is sent to."""
    starts = timezone.localtime(session.starts_at)
    ends = timezone.localtime(session.ends_at)
    return format_lazy(
        gettext_lazy(
            "When: {day}, {starts} to {ends}.\n"
            "Where: {place}.\n\n"
            "If you cannot come now, tell the engagement lead as soon as you can."
        ),
        day=lazy_date(starts, "l j F"),
        starts=f"{starts:%H:%M}",
        ends=f"{ends:%H:%M}",
        place=session.place,
    )


def session_reminders_send(*, today: date) -> int:
    """Remind the people selected of each session starting tomorrow or the
    day after (not on the day: it could arrive after the start)."""
    sessions = Session.objects.filter(
        opportunity__status__in=[
            Opportunity.Status.SELECTED,
            Opportunity.Status.IN_PROGRESS,
        ],
        starts_at__gte=_start_of(today + timedelta(days=1)),
        starts_at__lt=_start_of(today + timedelta(days=SESSION_REMINDER_DAYS + 1)),
    ).select_related("opportunity")
    sent = 0
    for session in sessions:
        opportunity = session.opportunity
        starts = timezone.localtime(session.starts_at)
        sent += len(
            notify(
                recipients=opportunity.sign_ups.filter(
                    status=SignUp.Status.SELECTED
                ).values_list("member", flat=True),
                kind=Kind.REMINDER,
                subject=format_lazy(
                    gettext_lazy("Reminder: {title} on {day} at {time}"),
                    title=opportunity.title,
                    day=lazy_date(starts, "l j F"),
                    time=f"{starts:%H:%M}",
                ),
                body=session_reminder_text(session),
                url=_url(opportunity),
                dedupe_key=f"session-reminder:{session.pk}:"
                f"{session.starts_at.isoformat()}",
                target=opportunity,
            )
        )
    return sent
