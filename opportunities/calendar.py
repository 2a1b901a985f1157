"""Calendar invitations (.ics) for the sessions of a paid opportunity.

One file per session, because some calendar programs import only the first
event of a file. A session keeps the same UID, so a file sent again updates
the entry already in someone's calendar instead of adding a second one.
Imports only from Django, icalendar and notifications.emails."""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from notifications.emails import absolute_url

MIMETYPE = "text/calendar"
PRODID = "-//Co-production Hub//Paid opportunities//EN"


def session_uid(session) -> str:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"session-{session.pk}@{host}"


def session_filename(session) -> str:
    """Readable, and different for each session of the same opportunity."""
    starts = timezone.localtime(session.starts_at)
    name = slugify(session.opportunity.title)[:60].strip("-") or "session"
    return f"{name}-{starts:%Y-%m-%d-%H%M}.ics"


def session_ics(session) -> bytes:
    opportunity = session.opportunity
    link = absolute_url(reverse("opportunities:detail", kwargs={"pk": opportunity.pk}))
    event = Event.new(
        uid=session_uid(session),
        stamp=timezone.now().astimezone(UTC),
        start=session.starts_at.astimezone(UTC),
        end=session.ends_at.astimezone(UTC),
        summary=opportunity.title,
        description=f"{opportunity.summary}\n\nDetails: {link}",
        location=session.place,
        url=link,
    )
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", subcomponents=[event])
    return calendar.to_ical()


def session_attachments(opportunity) -> list[tuple[str, bytes, str]]:
    """One (filename, content, mimetype) per session, for an email."""
    return [
        (session_filename(session), session_ics(session), MIMETYPE)
        for session in opportunity.sessions.all()
    ]
