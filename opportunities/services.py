"""Every rule about paid opportunities: which change of state is allowed,
places and the waiting list, selection. Views, tasks and tests all come
here; a refused change raises NotAllowed with a message to show as is."""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify

from .models import Opportunity, SignUp


class NotAllowed(Exception):
    """A change the rules refuse; str() is the message for the person."""


S = Opportunity.Status

# Which status may follow which. Cancelling is possible until the work is done.
TRANSITIONS = {
    S.DRAFT: {S.OPEN, S.CANCELLED},
    S.OPEN: {S.CLOSED, S.CANCELLED},
    S.CLOSED: {S.OPEN, S.SELECTED, S.CANCELLED},
    S.SELECTED: {S.IN_PROGRESS, S.CANCELLED},
    S.IN_PROGRESS: {S.COMPLETED, S.CANCELLED},
    S.COMPLETED: set(),
    S.CANCELLED: set(),
}


def _url(opportunity) -> str:
    return reverse("opportunities:detail", kwargs={"pk": opportunity.pk})


def opportunity_move(*, opportunity: Opportunity, to: str) -> Opportunity:
    """Change an opportunity's status, if the rules allow it."""
    current = S(opportunity.status)
    target = S(to)
    if target not in TRANSITIONS[current]:
        raise NotAllowed(
            f"An opportunity that is “{current.label}” cannot become “{target.label}”."
        )
    if target == S.OPEN and not opportunity.sessions.exists():
        raise NotAllowed("Add at least one session before opening it for sign-up.")
    opportunity.status = target
    opportunity.save(update_fields=["status"])
    return opportunity


def places_taken(opportunity: Opportunity) -> int:
    return opportunity.sign_ups.filter(status__in=SignUp.HOLDING).count()


@transaction.atomic
def sign_up(
    *,
    opportunity: Opportunity,
    member,
    actor=None,
    note: str = "",
    support_needs: str = "",
    declines_fee: bool = False,
    today: date | None = None,
) -> SignUp:
    """Take a place if one is free, or join the waiting list in order. The
    opportunity row is locked first, so two people cannot both take the
    last place."""
    actor = actor or member
    today = today or timezone.localdate()
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status != S.OPEN:
        raise NotAllowed("This opportunity is not open for sign-up.")
    if today > opportunity.closes_on:
        raise NotAllowed(
            f"Sign-up closed on {opportunity.closes_on:%-d %B %Y}. "
            "Contact the engagement lead if you would still like to take part."
        )
    if opportunity.sign_ups.filter(member=member, status__in=SignUp.ACTIVE).exists():
        raise NotAllowed("You have already signed up for this opportunity.")
    full = places_taken(opportunity) >= opportunity.places
    now = timezone.now()
    entry = SignUp.objects.create(
        opportunity=opportunity,
        member=member,
        note=note,
        support_needs=support_needs,
        declines_fee=declines_fee,
        status=SignUp.Status.WAITING if full else SignUp.Status.SIGNED_UP,
        on_behalf_by=actor if actor.pk != member.pk else None,
        created_at=now,
        changed_at=now,
    )
    on_behalf_record(
        member=member, actor=actor, action=f"Signed up for “{opportunity.title}”"
    )
    return entry


def _set(entry: SignUp, status: str, reason: str = "") -> None:
    entry.status = status
    entry.reason = reason or entry.reason
    entry.changed_at = timezone.now()
    entry.save(update_fields=["status", "reason", "changed_at"])


@transaction.atomic
def withdraw(*, entry: SignUp, actor) -> SignUp | None:
    """Withdraw a sign-up. If it held a place before the work starts, the
    next person waiting is offered it and told. Returns that person's entry."""
    opportunity = Opportunity.objects.select_for_update().get(pk=entry.opportunity_id)
    entry.refresh_from_db()
    if entry.status not in SignUp.ACTIVE:
        raise NotAllowed("This sign-up has already been withdrawn or decided.")
    held_place = entry.status in SignUp.HOLDING
    _set(entry, SignUp.Status.WITHDRAWN)
    on_behalf_record(
        member=entry.member, actor=actor, action=f"Withdrew from “{opportunity.title}”"
    )
    if not held_place or opportunity.status not in (S.OPEN, S.CLOSED, S.SELECTED):
        return None
    following = (
        opportunity.sign_ups.filter(status=SignUp.Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if following is None:
        return None
    _set(following, SignUp.Status.OFFERED)
    notify(
        recipients=[following.member],
        kind=Kind.OPPORTUNITY,
        subject=f"A place has come up: {opportunity.title}",
        body="Someone has withdrawn and the place is yours if you still want "
        "it. If you cannot come now, withdraw so the next person can have it.",
        url=_url(opportunity),
        dedupe_key=f"place-offered:{following.pk}",
        target=opportunity,
    )
    return following


@transaction.atomic
def select(*, opportunity: Opportunity, chosen: list[SignUp], reason: str, by) -> None:
    """The lead's selection (or confirming first come, first served): the
    chosen are selected, every other active sign-up is not, and all are told."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status != S.CLOSED:
        raise NotAllowed("Close sign-up before making the selection.")
    if len(chosen) > opportunity.places:
        raise NotAllowed(
            f"There are {opportunity.places} places: choose at most "
            f"{opportunity.places} people."
        )
    if not reason.strip():
        raise NotAllowed("Write down why these people were chosen.")
    active = list(opportunity.sign_ups.filter(status__in=SignUp.ACTIVE))
    chosen_ids = {entry.pk for entry in chosen}
    if not chosen_ids <= {entry.pk for entry in active}:
        raise NotAllowed(
            "Only people who signed up and are still active can be chosen."
        )
    for entry in active:
        selected = entry.pk in chosen_ids
        _set(
            entry,
            SignUp.Status.SELECTED if selected else SignUp.Status.NOT_SELECTED,
            reason,
        )
        notify(
            recipients=[entry.member],
            kind=Kind.OPPORTUNITY,
            subject=(
                f"You have been selected: {opportunity.title}"
                if selected
                else f"Not selected this time: {opportunity.title}"
            ),
            body=reason,
            url=_url(opportunity),
            dedupe_key=f"selection:{entry.pk}",
            target=opportunity,
        )
    opportunity_move(opportunity=opportunity, to=S.SELECTED)
