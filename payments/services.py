"""Every rule about paying members: the fee worked out from the agreed rate,
which change of a claim's state is allowed and by whom, receipts kept while a
form is put right, and things arranged and paid in advance. Views and tests
come here; a refused change raises NotAllowed with a message to show as is."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise, lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from core.storage import private_storage
from members import roles
from members.acting import may_act_for
from members.models import User
from members.selectors import active_in_role
from members.services import on_behalf_record
from notifications.models import Kind
from notifications.services import notify
from opportunities import fees
from opportunities.dates import lazy_date
from opportunities.models import Opportunity, SignUp
from opportunities.selectors import (
    opportunity_last_session_start,
    opportunity_work_done,
)

from .models import AdvanceArrangement, Claim, ClaimEvent, ExpenseLine, ReceiptUpload
from .receipts import receipt_validate
from .selectors import fee_for, units_agreed, units_text

PENNY = fees.PENNY
S = Claim.Status

# Which status may follow which. Rejected and paid are final.
TRANSITIONS = {
    S.SUBMITTED: {S.APPROVED, S.QUERIED, S.REJECTED},
    S.QUERIED: {S.SUBMITTED},
    S.APPROVED: {S.PAID},
    S.REJECTED: set(),
    S.PAID: set(),
}
# How each change is named in a refusal: "it cannot be approved".
VERBS = {
    S.SUBMITTED: gettext_lazy("sent again"),
    S.QUERIED: gettext_lazy("queried"),
    S.APPROVED: gettext_lazy("approved"),
    S.REJECTED: gettext_lazy("rejected"),
    S.PAID: gettext_lazy("marked paid"),
}


@dataclass(frozen=True)
class ExpenseInput:
    """One expense line as the form gives it. `receipt` is a receipt held
    from an earlier try (ReceiptUpload), a line of the claim being changed
    whose receipt is kept (ExpenseLine), or a new file."""

    kind: str
    description: str
    amount: Decimal
    receipt: ReceiptUpload | ExpenseLine | File


# The fee ----------------------------------------------------------------------


def units_check(*, sign_up: SignUp, units: Decimal) -> None:
    basis = sign_up.opportunity.fee_basis
    if units < 0:
        raise NotAllowed(_("Enter 0 or more."))
    agreed = units_agreed(sign_up=sign_up)
    if units > agreed:
        raise NotAllowed(
            _(
                "The agreed amount is %(agreed)s, so you cannot claim for "
                "%(units)s here. If you worked more than was agreed, talk to "
                "the engagement lead."
            )
            % {
                "agreed": units_text(units=agreed, fee_basis=basis),
                "units": units_text(units=units, fee_basis=basis),
            }
        )


# Receipts held while a form is put right ---------------------------------------


def receipt_hold(*, uploaded_by: User, file: UploadedFile) -> ReceiptUpload:
    """Keep a valid receipt from a claim form sent back with an error, so it
    need not be attached again."""
    return ReceiptUpload.objects.create(
        uploaded_by=uploaded_by,
        file=file,
        original_name=PurePath(file.name).name[:200],
    )


def _held_uploads_stale(now: datetime | None):
    """Held receipts older than RETENTION_HELD_RECEIPTS_DAYS (from settings at
    run time, so a changed period needs no code change)."""
    hold_for = timedelta(days=settings.RETENTION_HELD_RECEIPTS_DAYS)
    return ReceiptUpload.objects.filter(
        created_at__lt=(now or timezone.now()) - hold_for
    )


def _held_uploads_delete(stale) -> int:
    """Delete each held receipt and its file. The row goes first and only the
    run that deleted it removes the file, so two runs at once are harmless; a
    file a claim line took over at the same moment is left alone."""
    deleted = 0
    for upload in list(stale):
        name = upload.file.name
        if not ReceiptUpload.objects.filter(pk=upload.pk).delete()[0]:
            continue
        deleted += 1
        if name and not ExpenseLine.objects.filter(receipt=name).exists():
            private_storage().delete(name)
    return deleted


def receipt_uploads_clear(*, uploaded_by: User, now: datetime | None = None) -> int:
    """Forget the person's held receipts from forms never finished (when
    they next open a claim form; the daily purge does it for everyone)."""
    return _held_uploads_delete(
        _held_uploads_stale(now).filter(uploaded_by=uploaded_by)
    )


def receipts_held_purge(*, now: datetime | None = None) -> int:
    """The daily purge: every held receipt nobody came back for, with its
    file. Returns how many went."""
    return _held_uploads_delete(_held_uploads_stale(now))


def _lines_write(claim: Claim, expenses: list[ExpenseInput], actor) -> None:
    """Replace the claim's expense lines. Receipts kept from the old lines or
    held from an earlier try move over; files no line uses any more go."""
    old = {line.pk: line for line in claim.expenses.all()}
    kept_files = set()
    new_lines = []
    for expense in expenses:
        line = ExpenseLine(
            claim=claim,
            kind=expense.kind,
            description=expense.description,
            amount=expense.amount,
        )
        receipt = expense.receipt
        if isinstance(receipt, ExpenseLine):
            if receipt.pk not in old:
                raise NotAllowed(_("That receipt belongs to another claim."))
            line.receipt = receipt.receipt.name
            line.receipt_name = receipt.receipt_name
            kept_files.add(receipt.receipt.name)
        elif isinstance(receipt, ReceiptUpload):
            if receipt.uploaded_by_id != actor.pk:
                raise NotAllowed(_("That receipt was attached by someone else."))
            line.receipt = receipt.file.name
            line.receipt_name = receipt.original_name
            receipt.delete()  # the file now belongs to the line
        else:
            try:
                receipt_validate(receipt)
            except ValidationError as refusal:
                raise NotAllowed(" ".join(refusal.messages)) from refusal
            line.receipt = receipt
            line.receipt_name = PurePath(receipt.name).name[:200]
        try:
            line.full_clean(exclude=["claim", "receipt"])
        except ValidationError as refusal:
            raise NotAllowed(" ".join(refusal.messages)) from refusal
        new_lines.append(line)
    for line in old.values():
        if line.receipt.name not in kept_files:
            # Only once the change is saved: a refusal must leave it whole.
            transaction.on_commit(
                lambda name=line.receipt.name: private_storage().delete(name)
            )
        line.delete()
    for line in new_lines:
        line.save()


# Claims ----------------------------------------------------------------------


def _url(claim: Claim) -> str:
    return reverse("payments:claim", kwargs={"pk": claim.pk})


def _member_may_claim(actor, member) -> None:
    if actor.pk != member.pk and not may_act_for(actor, member):
        raise NotAllowed(_("Only the member, or someone acting for them, can claim."))


def _lead_only(by) -> None:
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead decides on claims."))


def _record(claim: Claim, *, by, from_status: str, message: str = "") -> ClaimEvent:
    """Note the change and tell the member (and the lead, when it is theirs
    to look at next)."""
    event = ClaimEvent.objects.create(
        claim=claim,
        by=by,
        from_status=from_status,
        to_status=claim.status,
        message=message,
    )
    title = claim.sign_up.opportunity.title
    member = claim.sign_up.member
    # Lazy, so the member reads it in their own language.
    subject, body = {
        S.SUBMITTED: (
            gettext_lazy("We have your claim: {title}"),
            gettext_lazy(
                "The engagement lead will check it and tell you what happens next."
            ),
        ),
        S.QUERIED: (gettext_lazy("A question about your claim: {title}"), message),
        S.APPROVED: (
            gettext_lazy("Your claim is approved: {title}"),
            message or gettext_lazy("It will be paid soon."),
        ),
        S.REJECTED: (gettext_lazy("Your claim was not approved: {title}"), message),
        S.PAID: (gettext_lazy("Your claim has been paid: {title}"), message),
    }[S(claim.status)]
    notify(
        recipients=[member],
        kind=Kind.PAYMENT,
        subject=format_lazy(subject, title=title),
        body=body,
        url=_url(claim),
        dedupe_key=f"claim-event:{event.pk}",
        target=claim,
    )
    if claim.status == S.SUBMITTED:
        again = bool(from_status)
        notify(
            recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS).exclude(
                pk=member.pk
            ),
            kind=Kind.PAYMENT,
            subject=format_lazy(
                gettext_lazy("Claim sent back with an answer: {member}, {title}")
                if again
                else gettext_lazy("New claim to check: {member}, {title}"),
                member=str(member),
                title=title,
            ),
            body=message,
            url=_url(claim),
            dedupe_key=f"claim-event:{event.pk}:lead",
            target=claim,
        )
    return event


def _locked(claim: Claim, to: str) -> Claim:
    """The claim's row, locked, if the rules allow the change."""
    claim = (
        Claim.objects.select_for_update()
        .select_related("sign_up__opportunity", "sign_up__member")
        .get(pk=claim.pk)
    )
    current, target = S(claim.status), S(to)
    if target not in TRANSITIONS[current]:
        raise NotAllowed(
            _("This claim is “%(status)s”: it cannot be %(verb)s.")
            % {"status": str(current.label).lower(), "verb": VERBS[target]}
        )
    return claim


def _move(claim: Claim, *, to: str, by, message: str = "", **fields) -> Claim:
    from_status = claim.status
    claim.status = to
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.save(update_fields=["status", *fields])
    _record(claim, by=by, from_status=from_status, message=message)
    return claim


@transaction.atomic
def claim_submit(
    *,
    sign_up: SignUp,
    units: Decimal,
    expenses: list[ExpenseInput],
    actor: User,
    message: str = "",
) -> Claim:
    """A participant's claim, once the work is done. The sign-up's row is
    locked, so two tries at once make one claim."""
    sign_up = (
        SignUp.objects.select_for_update()
        .select_related("opportunity", "member")
        .get(pk=sign_up.pk)
    )
    _member_may_claim(actor, sign_up.member)
    claim_open_check(sign_up=sign_up)
    if Claim.objects.filter(sign_up=sign_up).exists():
        raise NotAllowed(
            _(
                "You have already claimed for this opportunity. Look at your claim "
                "on the Your payments page."
            )
        )
    units_check(sign_up=sign_up, units=units)
    now = timezone.now()
    claim = Claim.objects.create(
        sign_up=sign_up,
        units=units,
        fee=fee_for(sign_up=sign_up, units=units),
        status=S.SUBMITTED,
        on_behalf_by=actor if actor.pk != sign_up.member_id else None,
        submitted_at=now,
        created_at=now,
    )
    _lines_write(claim, expenses, actor)
    on_behalf_record(
        member=sign_up.member,
        actor=actor,
        action=f"Claimed the fee and expenses for “{sign_up.opportunity.title}”",
    )
    _record(claim, by=actor, from_status="", message=message)
    return claim


def claim_open_check(*, sign_up: SignUp) -> None:
    """A claim is for selected people, after the work."""
    if sign_up.status != SignUp.Status.SELECTED:
        raise NotAllowed(
            _("Only people selected to take part can claim for this opportunity.")
        )
    opportunity = sign_up.opportunity
    if not opportunity_work_done(opportunity=opportunity):
        last = opportunity_last_session_start(opportunity=opportunity)
        if last and opportunity.status != Opportunity.Status.CANCELLED:
            raise NotAllowed(
                _(
                    "You can claim once the work is done, from the last session "
                    "on %(date)s. If you have already spent money on it, tell "
                    "the engagement lead."
                )
                % {"date": date_format(timezone.localtime(last), "j F Y")}
            )
        raise NotAllowed(
            _(
                "You can claim once the work is done, from the last session. "
                "If you have already spent money on it, tell the engagement lead."
            )
        )


@transaction.atomic
def claim_resubmit(
    *,
    claim: Claim,
    units: Decimal,
    expenses: list[ExpenseInput],
    actor: User,
    message: str,
) -> Claim:
    """The member puts right what the lead asked about and sends it back."""
    claim = _locked(claim, S.SUBMITTED)
    _member_may_claim(actor, claim.sign_up.member)
    if not message.strip():
        raise NotAllowed(_("Answer the lead's question before sending the claim back."))
    units_check(sign_up=claim.sign_up, units=units)
    _lines_write(claim, expenses, actor)
    on_behalf_record(
        member=claim.sign_up.member,
        actor=actor,
        action=f"Sent back the claim for “{claim.sign_up.opportunity.title}”",
    )
    return _move(
        claim,
        to=S.SUBMITTED,
        by=actor,
        message=message,
        units=units,
        fee=fee_for(sign_up=claim.sign_up, units=units),
        submitted_at=timezone.now(),
        on_behalf_by=actor if actor.pk != claim.sign_up.member_id else None,
    )


@transaction.atomic
def claim_approve(*, claim: Claim, by: User, message: str = "") -> Claim:
    _lead_only(by)
    claim = _locked(claim, S.APPROVED)
    return _move(claim, to=S.APPROVED, by=by, message=message)


@transaction.atomic
def claim_query(*, claim: Claim, by: User, message: str) -> Claim:
    _lead_only(by)
    claim = _locked(claim, S.QUERIED)
    if not message.strip():
        raise NotAllowed(_("Write the question for the member."))
    return _move(claim, to=S.QUERIED, by=by, message=message)


@transaction.atomic
def claim_reject(*, claim: Claim, by: User, reason: str) -> Claim:
    _lead_only(by)
    claim = _locked(claim, S.REJECTED)
    if not reason.strip():
        raise NotAllowed(_("Write the reason, for the member to read."))
    return _move(claim, to=S.REJECTED, by=by, message=reason)


def paid_on_check(*, paid_on: date, today: date | None = None) -> None:
    if paid_on > (today or timezone.localdate()):
        raise NotAllowed(_("The date paid cannot be in the future."))


@transaction.atomic
def claim_mark_paid(
    *, claim: Claim, by: User, paid_on: date, reference: str, today: date | None = None
) -> Claim:
    _lead_only(by)
    claim = _locked(claim, S.PAID)
    paid_on_check(paid_on=paid_on, today=today)
    if not reference.strip():
        raise NotAllowed(_("Enter the payment reference."))
    return _move(
        claim,
        to=S.PAID,
        by=by,
        message=format_lazy(
            gettext_lazy("£{total} paid on {date}, reference {reference}."),
            total=claim.total(),
            date=lazy_date(paid_on, "j F Y"),
            reference=reference,
        ),
        paid_on=paid_on,
        payment_reference=reference,
    )


# Arranged and paid in advance ---------------------------------------------------


def _kind(arrangement: AdvanceArrangement):
    """The kind's label, lazy (get_kind_display() would fix it in English)."""
    return AdvanceArrangement.Kind(arrangement.kind).label


_lower = lazy(lambda text: str(text).lower(), str)


def _arrangement_notify(arrangement: AdvanceArrangement, key: str, subject: str):
    notify(
        recipients=[arrangement.sign_up.member],
        kind=Kind.PAYMENT,
        subject=subject,
        body=format_lazy(
            gettext_lazy(
                "{kind}: {details} (£{amount}). You do not need to claim this."
            ),
            kind=_kind(arrangement),
            details=arrangement.details,
            amount=arrangement.amount,
        ),
        url=reverse("payments:mine"),
        dedupe_key=f"{key}:{arrangement.pk}",
        target=arrangement,
    )


@transaction.atomic
def arrangement_add(
    *, sign_up: SignUp, by: User, kind: str, details: str, amount: Decimal
) -> AdvanceArrangement:
    """The lead arranges travel, replacement care or a taxi for a participant."""
    _lead_only(by)
    if sign_up.status != SignUp.Status.SELECTED:
        raise NotAllowed(_("Arrange things in advance only for people taking part."))
    arrangement = AdvanceArrangement(
        sign_up=sign_up, kind=kind, details=details, amount=amount, arranged_by=by
    )
    arrangement.full_clean()
    arrangement.save()
    _arrangement_notify(
        arrangement,
        "advance-arranged",
        format_lazy(
            gettext_lazy("Arranged for you: {kind} for {title}"),
            kind=_lower(_kind(arrangement)),
            title=sign_up.opportunity.title,
        ),
    )
    return arrangement


@transaction.atomic
def arrangement_mark_paid(
    *,
    arrangement: AdvanceArrangement,
    by: User,
    paid_on: date,
    reference: str,
    today: date | None = None,
) -> AdvanceArrangement:
    _lead_only(by)
    arrangement = (
        AdvanceArrangement.objects.select_for_update()
        .select_related("sign_up__opportunity", "sign_up__member")
        .get(pk=arrangement.pk)
    )
    if arrangement.status == AdvanceArrangement.Status.PAID:
        raise NotAllowed(_("This has already been marked paid."))
    paid_on_check(paid_on=paid_on, today=today)
    if not reference.strip():
        raise NotAllowed(_("Enter the payment reference."))
    arrangement.status = AdvanceArrangement.Status.PAID
    arrangement.paid_on = paid_on
    arrangement.reference = reference
    arrangement.save(update_fields=["status", "paid_on", "reference"])
    _arrangement_notify(
        arrangement,
        "advance-paid",
        format_lazy(
            gettext_lazy("Paid for you: {kind} for {title}"),
            kind=_lower(_kind(arrangement)),
            title=arrangement.sign_up.opportunity.title,
        ),
    )
    return arrangement


# The payment promise ------------------------------------------------------------


def _claim_details(claim: Claim, clock) -> Promise:
    """The claim's details for the lead's notification, in their language."""
    return format_lazy(
        gettext_lazy(
            "Member: {member}\nOpportunity: {title}\nTotal: £{total}\n"
            "Status: {status}\nSent: {sent}\nPromise: {promise}\n"
            "Should be paid by: {due}\nWorking days used: {used}"
        ),
        member=str(claim.sign_up.member),
        title=claim.sign_up.opportunity.title,
        total=claim.total(),
        status=claim.lead_label,
        sent=lazy_date(clock.sent_on, "j F Y"),
        promise=clock.promise.words,
        due=lazy_date(clock.due_on, "l j F Y"),
        used=clock.used,
    )


def _leads_told(claim: Claim, clock, leads, subject, *, key: str) -> int:
    """Tell the leads (not the member, if a lead claimed) about the claim,
    once for each `key`."""
    member = claim.sign_up.member
    return len(
        notify(
            recipients=leads.exclude(pk=member.pk),
            kind=Kind.PAYMENT,
            subject=format_lazy(
                subject, member=str(member), title=claim.sign_up.opportunity.title
            ),
            body=_claim_details(claim, clock),
            url=_url(claim),
            dedupe_key=f"claim-promise-{key}:{claim.pk}:lead",
            target=claim,
        )
    )


def claims_promise_check(*, today: date | None = None) -> int:
    """The daily check: tell the lead when a claim to check or to pay has
    used 4 in 5 of its promise's working days, and again when it passes the
    promise; tell the member, once, that it is late and what is being done.
    Each notice has its own dedupe key, so running twice sends nothing twice.
    Returns how many notices were made."""
    from .selectors import claims_waiting  # the clocks, read from the events

    today = today or timezone.localdate()
    leads = active_in_role(group_name=roles.ENGAGEMENT_LEADS)
    made = 0
    for claim in claims_waiting(today=today):
        clock = claim.clock
        member = claim.sign_up.member
        title = claim.sign_up.opportunity.title
        if clock.is_overdue:
            made += _leads_told(
                claim,
                clock,
                leads,
                gettext_lazy("Claim past the payment promise: {member}, {title}"),
                key="late",
            )
            made += len(
                notify(
                    recipients=[member],
                    kind=Kind.PAYMENT,
                    subject=format_lazy(
                        gettext_lazy("Your claim is late: {title}"), title=title
                    ),
                    body=format_lazy(
                        gettext_lazy(
                            "We are sorry: we promised to pay this claim by {due} "
                            "and have not. The engagement lead has been told and "
                            "is putting it first. You do not need to chase it. "
                            "If the delay leaves you short, tell the engagement "
                            "lead and they will help."
                        ),
                        due=lazy_date(clock.due_on, "l j F Y"),
                    ),
                    url=_url(claim),
                    dedupe_key=f"claim-promise-late:{claim.pk}",
                    target=claim,
                )
            )
        elif clock.is_near:
            made += _leads_told(
                claim,
                clock,
                leads,
                gettext_lazy("Claim close to the payment promise: {member}, {title}"),
                key="near",
            )
    return made
