"""Publishing and accepting the Charter."""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from members.models import User
from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify

from .models import CharterAcceptance, CharterVersion
from .selectors import members_to_accept


@transaction.atomic
def charter_publish(
    *,
    body: str,
    summary_of_changes: str,
    published_by: User,
    easy_read: str | None = None,
) -> CharterVersion:
    """A new version, and a notification asking every active member to read
    and accept it (once: the key is the version)."""
    latest = CharterVersion.objects.aggregate(n=Max("number"))["n"] or 0
    version = CharterVersion.objects.create(
        number=latest + 1,
        body=body,
        summary_of_changes=summary_of_changes,
        easy_read=easy_read or "",
        published_by=published_by,
    )
    notify(
        recipients=members_to_accept(),
        kind=Kind.CHARTER,
        # Lazy: each member reads it in their own language.
        subject=format_lazy(
            _("Please read and accept version {number} of the Charter"),
            number=version.number,
        ),
        body=format_lazy(_("What changed: {summary}"), summary=summary_of_changes),
        url=reverse("charter:current"),
        dedupe_key=f"charter:{version.number}",
        target=version,
    )
    return version


@transaction.atomic
def charter_accept(
    *, user: User, version: CharterVersion, on_behalf_by: User | None = None
) -> CharterAcceptance:
    """Record acceptance; accepting twice keeps the first record (two clicks
    at once meet the unique constraint, which get_or_create already handles)."""
    acceptance, created = CharterAcceptance.objects.get_or_create(
        user=user, version=version, defaults={"on_behalf_by": on_behalf_by}
    )
    if created and on_behalf_by:
        on_behalf_record(
            member=user,
            actor=on_behalf_by,
            action=f"Accepted version {version.number} of the Charter",
        )
    return acceptance
