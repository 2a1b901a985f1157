"""Publishing and accepting the Charter."""

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.exceptions import NotAllowed
from members.models import User
from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify

from .models import WELSH, CharterAcceptance, CharterVersion
from .selectors import charter_welsh_fixed, members_to_accept


def _summary(english: str, welsh: str) -> str:
    return welsh if welsh and get_language() == WELSH else english


# What changed, in the language the notification is worded in (notify words
# it once per language of its readers).
_in_reader_language = lazy(_summary, str)


@transaction.atomic
def charter_publish(
    *,
    body: str,
    summary_of_changes: str,
    published_by: User,
    easy_read: str | None = None,
    body_cy: str = "",
    summary_of_changes_cy: str = "",
    easy_read_cy: str | None = None,
) -> CharterVersion:
    """A new version (with its Welsh, if ready), and a notification asking
    every active member to read and accept it (once: the key is the version)."""
    latest = CharterVersion.objects.aggregate(n=Max("number"))["n"] or 0
    version = CharterVersion.objects.create(
        number=latest + 1,
        body=body,
        summary_of_changes=summary_of_changes,
        easy_read=easy_read or "",
        body_cy=body_cy,
        summary_of_changes_cy=summary_of_changes_cy,
        easy_read_cy=easy_read_cy or "",
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
        body=format_lazy(
            _("What changed: {summary}"),
            summary=_in_reader_language(summary_of_changes, summary_of_changes_cy),
        ),
        url=reverse("charter:current"),
        dedupe_key=f"charter:{version.number}",
        target=version,
    )
    return version


def charter_welsh_set(
    *,
    version: CharterVersion,
    body_cy: str,
    summary_of_changes_cy: str = "",
    easy_read_cy: File | None = None,
) -> None:
    """Add the Welsh to a published version. A Welsh Easy Read file already
    there stays unless a new one is given."""
    if charter_welsh_fixed(version=version):
        raise NotAllowed(
            gettext(
                "Someone has accepted this version in Welsh, so its Welsh text "
                "is fixed now. Publish a new version to change it."
            )
        )
    version.body_cy = body_cy
    version.summary_of_changes_cy = summary_of_changes_cy
    fields = ["body_cy", "summary_of_changes_cy"]
    if easy_read_cy:
        version.easy_read_cy = easy_read_cy
        fields.append("easy_read_cy")
    version.save(update_fields=fields)


@transaction.atomic
def charter_accept(
    *,
    user: User,
    version: CharterVersion,
    on_behalf_by: User | None = None,
    language: str = settings.LANGUAGE_CODE,
) -> CharterAcceptance:
    """Record acceptance, with the language of the text that was read;
    accepting twice keeps the first record (two clicks at once meet the
    unique constraint, which get_or_create already handles)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language!r}")
    acceptance, created = CharterAcceptance.objects.get_or_create(
        user=user,
        version=version,
        defaults={"on_behalf_by": on_behalf_by, "language": language},
    )
    if created and on_behalf_by:
        on_behalf_record(
            member=user,
            actor=on_behalf_by,
            action=f"Accepted version {version.number} of the Charter",
        )
    return acceptance
