"""Every rule about paid opportunities: which change of state is allowed,
places and the waiting list, selection. Views, tasks and tests all come
here; a refused change raises NotAllowed with a message to show as is."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from members import roles
from members.models import User
from members.selectors import active_in_role
from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify

from .dates import lazy_date
from .models import EngagementRequest, Opportunity, SignUp
from .selectors import places_taken

S = Opportunity.Status

# What a new opportunity starts with until the lead sets its fee.
DEFAULT_HOURLY_FEE = Decimal("25.00")

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
            _("An opportunity that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    if target == S.OPEN and not opportunity.sessions.exists():
        raise NotAllowed(_("Add at least one session before opening it for sign-up."))
    first_opening = current == S.DRAFT and target == S.OPEN
    opportunity.status = target
    opportunity.save(update_fields=["status"])
    if first_opening:
        notify(
            recipients=active_in_role(group_name=roles.MEMBERS),
            kind=Kind.OPPORTUNITY,
            subject=format_lazy(
                gettext_lazy("New paid opportunity: {title}"), title=opportunity.title
            ),
            body=format_lazy(
                "{summary}\n\n{earn}",
                summary=opportunity.summary[:300],
                earn=format_lazy(
                    gettext_lazy("You would earn £{total} in all. Sign up by {date}."),
                    total=f"{opportunity.total_fee():,}",
                    date=lazy_date(opportunity.closes_on, "j F Y"),
                ),
            ),
            url=_url(opportunity),
            dedupe_key=f"opportunity-opened:{opportunity.pk}",
            target=opportunity,
        )
    if target == S.CANCELLED:
        notify(
            recipients=[
                entry.member
                for entry in opportunity.sign_ups.filter(
                    status__in=SignUp.ACTIVE
                ).select_related("member")
            ],
            kind=Kind.OPPORTUNITY,
            subject=format_lazy(
                gettext_lazy("Cancelled: {title}"), title=opportunity.title
            ),
            body=gettext_lazy(
                "This opportunity has been cancelled. We are sorry. Anything "
                "you have already spent can still be claimed: ask the engagement "
                "lead."
            ),
            url=_url(opportunity),
            dedupe_key=f"opportunity-cancelled:{opportunity.pk}",
            target=opportunity,
        )
    return opportunity


@transaction.atomic
def sign_up_create(
    *,
    opportunity: Opportunity,
    member: User,
    actor: User | None = None,
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
        raise NotAllowed(_("This opportunity is not open for sign-up."))
    if today > opportunity.closes_on:
        raise NotAllowed(
            _(
                "Sign-up closed on %(date)s. "
                "Contact the engagement lead if you would still like to take part."
            )
            % {"date": date_format(opportunity.closes_on, "j F Y")}
        )
    if opportunity.sign_ups.filter(member=member, status__in=SignUp.ACTIVE).exists():
        raise NotAllowed(_("You have already signed up for this opportunity."))
    full = places_taken(opportunity=opportunity) >= opportunity.places
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
def sign_up_withdraw(*, entry: SignUp, actor: User) -> SignUp | None:
    """Withdraw a sign-up. If it held a place before the work starts, the
    next person waiting is offered it and told. Returns that person's entry."""
    opportunity = Opportunity.objects.select_for_update().get(pk=entry.opportunity_id)
    entry.refresh_from_db()
    if entry.status not in SignUp.ACTIVE:
        raise NotAllowed(_("This sign-up has already been withdrawn or decided."))
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
        subject=format_lazy(
            gettext_lazy("A place has come up: {title}"), title=opportunity.title
        ),
        body=gettext_lazy(
            "Someone has withdrawn and the place is yours if you still want "
            "it. If you cannot come now, withdraw so the next person can have it."
        ),
        url=_url(opportunity),
        dedupe_key=f"place-offered:{following.pk}",
        target=opportunity,
    )
    return following


@transaction.atomic
def opportunity_select(
    *, opportunity: Opportunity, chosen: list[SignUp], reason: str, by: User
) -> None:
    """The lead's selection (or confirming first come, first served): the
    chosen are selected, every other active sign-up is not, and all are told."""
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status != S.CLOSED:
        raise NotAllowed(_("Close sign-up before making the selection."))
    if len(chosen) > opportunity.places:
        raise NotAllowed(
            _("There are %(places)s places: choose at most %(places)s people.")
            % {"places": opportunity.places},
            field="chosen",
        )
    if not reason.strip():
        raise NotAllowed(_("Write down why these people were chosen."), field="reason")
    active = list(opportunity.sign_ups.filter(status__in=SignUp.ACTIVE))
    chosen_ids = {entry.pk for entry in chosen}
    if not chosen_ids <= {entry.pk for entry in active}:
        raise NotAllowed(
            _("Only people who signed up and are still active can be chosen.")
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
            subject=format_lazy(
                gettext_lazy("You have been selected: {title}")
                if selected
                else gettext_lazy("Not selected this time: {title}"),
                title=opportunity.title,
            ),
            body=reason,
            url=_url(opportunity),
            dedupe_key=f"selection:{entry.pk}",
            # The sign-up, so the email can carry its calendar invitations.
            target=entry,
        )
    opportunity_move(opportunity=opportunity, to=S.SELECTED)


# Engagement requests -------------------------------------------------------------

R = EngagementRequest.Status

# The lead decides a waiting request; a question goes back to the requester,
# whose answer puts it back in the lead's queue.
REQUEST_TRANSITIONS = {
    R.SUBMITTED: {R.ACCEPTED, R.QUESTION, R.DECLINED},
    R.QUESTION: {R.SUBMITTED, R.DECLINED},
    R.ACCEPTED: set(),
    R.DECLINED: set(),
}


def _request_url(request: EngagementRequest) -> str:
    return reverse("opportunities:request", kwargs={"pk": request.pk})


def _request_move(request: EngagementRequest, to: str) -> None:
    current, target = R(request.status), R(to)
    if target not in REQUEST_TRANSITIONS[current]:
        raise NotAllowed(
            _("A request that is “%(current)s” cannot become “%(target)s”.")
            % {"current": current.label, "target": target.label}
        )
    request.status = target
    request.changed_at = timezone.now()


def _tell_leads(request: EngagementRequest, subject: str, key: str) -> None:
    notify(
        recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS),
        kind=Kind.OPPORTUNITY,
        subject=subject,
        body=request.description[:500],
        url=_request_url(request),
        dedupe_key=key,
        target=request,
    )


def _tell_requester(request: EngagementRequest, subject: str, body: str, key: str):
    notify(
        recipients=[request.requested_by],
        kind=Kind.OPPORTUNITY,
        subject=subject,
        body=body,
        url=_request_url(request),
        dedupe_key=key,
        target=request,
    )


def request_submit(*, request: EngagementRequest, by: User) -> EngagementRequest:
    """Save a new request from staff and put it in the lead's queue."""
    request.requested_by = by
    request.status = R.SUBMITTED
    request.save()
    _tell_leads(
        request,
        format_lazy(
            gettext_lazy("New request for the group's input: {title}"),
            title=request.title,
        ),
        f"request-submitted:{request.pk}",
    )
    return request


@transaction.atomic
def request_ask(*, request: EngagementRequest, by: User, message: str) -> None:
    """The lead has a question before deciding."""
    request = EngagementRequest.objects.select_for_update().get(pk=request.pk)
    if not message.strip():
        raise NotAllowed(_("Write the question you would like answered."))
    _request_move(request, R.QUESTION)
    request.lead_message = message
    request.save(update_fields=["status", "lead_message", "changed_at"])
    _tell_requester(
        request,
        format_lazy(
            gettext_lazy("A question about your request: {title}"),
            title=request.title,
        ),
        message,
        f"request-question:{request.pk}:{request.changed_at.isoformat()}",
    )


@transaction.atomic
def request_answer(*, request: EngagementRequest, by: User, message: str) -> None:
    """The requester answers the lead's question; it waits for the lead again."""
    request = EngagementRequest.objects.select_for_update().get(pk=request.pk)
    if by.pk != request.requested_by_id:
        raise NotAllowed(_("Only the person who made the request can answer."))
    if not message.strip():
        raise NotAllowed(_("Write your answer to the question."))
    _request_move(request, R.SUBMITTED)
    request.reply = message
    request.save(update_fields=["status", "reply", "changed_at"])
    _tell_leads(
        request,
        format_lazy(gettext_lazy("Question answered: {title}"), title=request.title),
        f"request-answered:{request.pk}:{request.changed_at.isoformat()}",
    )


@transaction.atomic
def request_decline(*, request: EngagementRequest, by: User, message: str) -> None:
    """Decline, with the reason the requester is told."""
    request = EngagementRequest.objects.select_for_update().get(pk=request.pk)
    if not message.strip():
        raise NotAllowed(_("Write the reason, so the requester understands."))
    _request_move(request, R.DECLINED)
    request.lead_message = message
    request.save(update_fields=["status", "lead_message", "changed_at"])
    _tell_requester(
        request,
        format_lazy(
            gettext_lazy("Your request was declined: {title}"), title=request.title
        ),
        message,
        f"request-declined:{request.pk}",
    )


@transaction.atomic
def request_accept(*, request: EngagementRequest, by: User) -> Opportunity:
    """Accept a request and turn it into a draft opportunity, filled in from
    what staff told us, for the lead to set the fee, places and sessions."""
    request = EngagementRequest.objects.select_for_update().get(pk=request.pk)
    _request_move(request, R.ACCEPTED)
    request.save(update_fields=["status", "changed_at"])
    opportunity = Opportunity.objects.create(
        title=request.title,
        summary=request.description,
        kind=request.kind,
        workstream=request.workstream,
        request=request,
        fee_basis=Opportunity.FeeBasis.PER_HOUR,
        fee_rate=DEFAULT_HOURLY_FEE,
        hours_per_session=min(request.expected_hours, Decimal("12")),
        places=1,
        closes_on=request.starts_on,
        mode=Opportunity.Mode.ONLINE,
        travel_policy=request.accessibility_offered,
        status=S.DRAFT,
        created_by=by,
    )
    _tell_requester(
        request,
        format_lazy(
            gettext_lazy("Your request was accepted: {title}"), title=request.title
        ),
        gettext_lazy(
            "The engagement lead is setting it up as a paid opportunity for the "
            "group, and will tell you who takes part."
        ),
        f"request-accepted:{request.pk}",
    )
    return opportunity
