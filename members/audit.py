"""The record of who looked at someone else's private information: support
needs, development plans and receipts. Each read by anyone but the owner
(the lead, a supporter acting for them) is one entry in Wagtail's audit log
(ModelLogEntry), which the lead reads on People → Who looked at private
information.

An entry holds the fact only: who, when, what kind, and the owner's id. Never
the needs text, a goal or a file name, because administrators see every entry
in Wagtail's site history; nor the owner's name, which is read when the log is
shown, so anonymising someone (members/data_views.py) leaves no name behind.
Features call `private_read_log` from their views; this module imports no
feature."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

from .models import User

SUPPORT_NEEDS = "coproduction.view_support_needs"
PLAN = "coproduction.view_plan"
RECEIPT = "coproduction.view_receipt"


@dataclass(frozen=True)
class PrivateRead:
    label: str  # for Wagtail's filters
    message: str  # for Wagtail's history
    # The log page's "What" column (translated when shown), and the entry's
    # title (stored in English).
    what: str


ACTIONS = {
    SUPPORT_NEEDS: PrivateRead(
        "View support needs",
        "Viewed access and support needs",
        gettext_noop("Access and support needs"),
    ),
    PLAN: PrivateRead(
        "View plan", "Viewed a development plan", gettext_noop("Development plan")
    ),
    RECEIPT: PrivateRead(
        "View receipt", "Downloaded a receipt", gettext_noop("Receipt")
    ),
}


def log_actions_register(actions) -> None:
    """For the `register_log_actions` hook (members/wagtail_hooks.py)."""
    for action, read in ACTIONS.items():
        actions.register_action(action, read.label, read.message)


def private_read_log(*, viewer, owner, instance: Model, what: str) -> None:
    """Record that `viewer` was shown `owner`'s private `instance`. The owner
    reading their own (directly, not through a supporter) is not recorded."""
    if not viewer.is_authenticated or viewer.pk == owner.pk:
        return
    log(
        instance=instance,
        action=what,
        user=viewer,
        title=ACTIONS[what].what,
        data={"owner_id": owner.pk},
    )


def needs_read_log(*, viewer, owner, source: Model | None) -> None:
    """Record that `owner`'s access and support needs were shown, from their
    profile or a sign-up (`source`), if there were any to show."""
    if source is not None and source.support_needs:
        private_read_log(
            viewer=viewer, owner=owner, instance=source, what=SUPPORT_NEEDS
        )


def needs_reads_log(*, viewer, shown: Iterable[tuple[User, Model]]) -> None:
    """`needs_read_log` for every (owner, source) a page lists, written in one
    query however many people it lists."""
    if not viewer.is_authenticated:
        return
    context = get_active_log_context()
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(
                source, for_concrete_model=False
            ),
            object_id=str(source.pk),
            label=ACTIONS[SUPPORT_NEEDS].what,
            action=SUPPORT_NEEDS,
            timestamp=now,
            data={"owner_id": owner.pk},
            user=viewer,
            uuid=context.uuid,
        )
        for owner, source in shown
        if owner.pk != viewer.pk and source is not None and source.support_needs
    )


# Reads for the lead's page -----------------------------------------------------


@dataclass(frozen=True)
class PrivateReadEntry:
    when: datetime
    viewer: User | None
    owner: User | None
    what: str


def private_reads(*, owner: User | None = None):
    """Every recorded read, newest first; only `owner`'s if given."""
    entries = ModelLogEntry.objects.filter(action__in=ACTIONS).select_related("user")
    if owner is not None:
        entries = entries.filter(data__owner_id=owner.pk)
    return entries.order_by("-timestamp", "-pk")


def private_read_owners():
    """The people whose private information someone has looked at."""
    ids = (
        ModelLogEntry.objects.filter(action__in=ACTIONS)
        .values_list("data__owner_id", flat=True)
        .distinct()
    )
    return User.objects.filter(pk__in=[pk for pk in ids if pk is not None]).order_by(
        "first_name", "last_name", "email"
    )


def private_read_entries(log_entries) -> list[PrivateReadEntry]:
    """One page of log entries as the page shows them: the owners are read in
    one query, by id, so the names shown are the current ones."""
    log_entries = list(log_entries)
    owner_ids = {entry.data.get("owner_id") for entry in log_entries}
    owners = User.objects.in_bulk([pk for pk in owner_ids if pk is not None])
    return [
        PrivateReadEntry(
            when=entry.timestamp,
            viewer=entry.user,  # None once an account is deleted
            owner=owners.get(entry.data.get("owner_id")),
            what=gettext(ACTIONS[entry.action].what),
        )
        for entry in log_entries
    ]
