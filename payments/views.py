from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import NotAllowed
from core.storage import private_file_response
from members import roles
from members.access import lead_required, member_required
from members.acting import person_for
from members.audit import RECEIPT, private_read_log
from opportunities.models import Opportunity, SignUp

from .access import claim_editable_by, claim_get_for, own_sign_up, receipt_get_for
from .forms import (
    MAX_LINES,
    ApproveForm,
    ArrangementForm,
    ClaimForm,
    MarkPaidForm,
    QueryForm,
    RejectForm,
    expense_formset_class,
    expense_initial,
)
from .models import AdvanceArrangement, BenefitThreshold, Claim
from .receipts import content_type_of
from .selectors import (
    arrangements_of,
    claim_latest_query,
    claims_of,
    claims_others,
    claims_waiting,
    clock_of,
    clocks_attach,
    fee_for,
    opportunities_with_participants,
    participants_of,
    promise_current,
    sign_ups_claimable,
    thresholds_current,
    units_agreed,
    units_text,
    with_events,
    year_figures,
)
from .services import (
    ExpenseInput,
    arrangement_add,
    arrangement_mark_paid,
    claim_approve,
    claim_mark_paid,
    claim_open_check,
    claim_query,
    claim_reject,
    claim_resubmit,
    claim_submit,
    receipt_hold,
    receipt_uploads_clear,
)

LINES = "expenses"  # the expense lines' formset prefix


# The member's pages -------------------------------------------------------------


@login_required
def mine(request):
    person = person_for(request)
    if not roles.is_member(person):
        if roles.is_lead(request.user):
            return redirect("payments:claims")
        raise Http404("Payments are for members")
    today = timezone.localdate()
    figures = year_figures(member=person, today=today)
    claims = clocks_attach(claims=with_events(claims=claims_of(member=person)))
    thresholds = [
        {
            "threshold": threshold,
            "weekly": threshold.period == BenefitThreshold.Period.WEEK,
        }
        for threshold in thresholds_current(today=today)
    ]
    return render(
        request,
        "payments/mine.html",
        {
            "person": person,
            "claims": claims,
            "to_claim": sign_ups_claimable(member=person),
            "arrangements": arrangements_of(member=person),
            "figures": figures,
            "thresholds": thresholds,
        },
    )


def _claim_form_page(request, *, sign_up, claim, form, formset, status=200):
    has_errors = bool(form.errors or formset.total_error_count())
    return render(
        request,
        "payments/claim_form.html",
        {
            "sign_up": sign_up,
            "opportunity": sign_up.opportunity,
            "claim": claim,
            "query": claim_latest_query(claim=claim) if claim else None,
            "form": form,
            "formset": formset,
            "has_errors": has_errors,
            "agreed_units_text": units_text(
                units=units_agreed(sign_up=sign_up),
                fee_basis=sign_up.opportunity.fee_basis,
            ),
            "agreed_fee": fee_for(sign_up=sign_up, units=units_agreed(sign_up=sign_up)),
            "arrangements": sign_up.advance_arrangements.all(),
            "can_add_line": formset.total_form_count() < MAX_LINES,
        },
        status=400 if has_errors and status == 200 else status,
    )


def _claim_form(request, *, sign_up, claim=None):
    """New claims and claims sent back after a question share one form. A
    form with an error keeps every line typed and every receipt attached:
    valid receipts are held privately and named in the form from then on."""
    receipt_uploads_clear(uploaded_by=request.user)
    answering = claim is not None
    formset_class = expense_formset_class(
        extra=0 if claim and claim.expenses.exists() else 1
    )
    form_kwargs = {"uploader": request.user, "claim": claim}
    if request.method != "POST":
        form = ClaimForm(
            sign_up=sign_up,
            answering=answering,
            initial={"units": claim.units} if claim else {},
        )
        formset = formset_class(
            prefix=LINES,
            initial=expense_initial(claim) if claim else None,
            form_kwargs=form_kwargs,
        )
        return _claim_form_page(
            request, sign_up=sign_up, claim=claim, form=form, formset=formset
        )

    data = request.POST.copy()
    form = ClaimForm(data, sign_up=sign_up, answering=answering)
    formset = formset_class(data, request.FILES, prefix=LINES, form_kwargs=form_kwargs)
    valid = all([form.is_valid(), formset.is_valid()])
    held = set()
    for line, file in formset.held_receipts():
        line.keep(receipt_hold(uploaded_by=request.user, file=file))
        held.add(line.add_prefix("receipt"))
    adding = "add_line" in request.POST
    if valid and not adding:
        expenses = [
            ExpenseInput(
                kind=cleaned["kind"],
                description=cleaned["description"],
                amount=cleaned["amount"],
                receipt=attached,
            )
            for cleaned, attached in formset.expenses()
        ]
        fields = {
            "units": form.cleaned_data["units"],
            "expenses": expenses,
            "actor": request.user,
            "message": form.cleaned_data["message"],
        }
        try:
            if claim:
                claim = claim_resubmit(claim=claim, **fields)
            else:
                claim = claim_submit(sign_up=sign_up, **fields)
        except NotAllowed as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "Your claim is sent. The engagement lead will check it and tell "
                    "you what happens next."
                ),
            )
            return redirect("payments:claim", pk=claim.pk)

    # Show it again: typed values from the data, held receipts as attached.
    if adding and formset.total_form_count() < MAX_LINES:
        data[f"{LINES}-TOTAL_FORMS"] = str(formset.total_form_count() + 1)
    files = request.FILES.copy()
    for key in held:
        files.pop(key, None)
    formset = formset_class(data, files, prefix=LINES, form_kwargs=form_kwargs)
    return _claim_form_page(
        request,
        sign_up=sign_up,
        claim=claim,
        form=form,
        formset=formset,
        status=200 if adding else 400,
    )


@member_required
def claim_new(request, sign_up_pk, member):
    sign_up = own_sign_up(person=member, pk=sign_up_pk)
    existing = Claim.objects.filter(sign_up=sign_up).first()
    if existing:
        return redirect("payments:claim", pk=existing.pk)
    try:
        claim_open_check(sign_up=sign_up)
    except NotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("opportunities:detail", pk=sign_up.opportunity_id)
    return _claim_form(request, sign_up=sign_up)


@member_required
def claim_edit(request, pk, member):
    claim = claim_get_for(person=member, viewer=request.user, pk=pk)
    if claim.sign_up.member_id != member.pk:
        raise Http404("Only the member changes a claim")
    if not claim_editable_by(person=member, claim=claim):
        messages.error(request, _("This claim cannot be changed now."))
        return redirect("payments:claim", pk=claim.pk)
    return _claim_form(request, sign_up=claim.sign_up, claim=claim)


def _claim_page(request, claim, *, status=200, **forms):
    person = person_for(request)
    is_lead = roles.is_lead(request.user)
    events = list(claim.events.select_related("by"))
    context = {
        "claim": claim,
        "opportunity": claim.sign_up.opportunity,
        "member": claim.sign_up.member,
        "expenses": claim.expenses.all(),
        "events": events,
        "query": claim_latest_query(claim=claim),
        "clock": clock_of(claim=claim, events=events),
        "units_text": units_text(
            units=claim.units, fee_basis=claim.sign_up.opportunity.fee_basis
        ),
        "arrangements": claim.sign_up.advance_arrangements.all(),
        "is_lead": is_lead,
        "is_owner": claim.sign_up.member_id == person.pk,
        "can_edit": claim_editable_by(person=person, claim=claim),
        "has_errors": any(form.errors for form in forms.values()),
    }
    if is_lead:
        context |= {
            "approve_form": forms.get("approve_form") or ApproveForm(prefix="approve"),
            "query_form": forms.get("query_form") or QueryForm(prefix="query"),
            "reject_form": forms.get("reject_form") or RejectForm(prefix="reject"),
            "paid_form": forms.get("paid_form") or MarkPaidForm(prefix="paid"),
        }
    return render(request, "payments/claim.html", context, status=status)


@login_required
def claim_detail(request, pk):
    claim = claim_get_for(person=person_for(request), viewer=request.user, pk=pk)
    return _claim_page(request, claim)


@login_required
def receipt(request, pk):
    line = receipt_get_for(person=person_for(request), viewer=request.user, pk=pk)
    try:
        file = line.receipt.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The receipt file is missing") from missing
    owner = line.claim.sign_up.member
    private_read_log(viewer=request.user, owner=owner, instance=line, what=RECEIPT)
    return private_file_response(
        file,
        filename=line.receipt_name or line.receipt.name.rsplit("/", 1)[-1],
        content_type=content_type_of(line.receipt.name),
    )


# The lead's pages ------------------------------------------------------------


@lead_required
def claims(request):
    return render(
        request,
        "payments/claims.html",
        {
            "waiting": claims_waiting(),
            "others": claims_others(),
            "promise": promise_current(),
            "promise_url": reverse("wagtailsnippets_payments_paymentpromise:add"),
            "opportunities": opportunities_with_participants(),
        },
    )


def _decide(request, pk, *, form_class, prefix, act, done):
    """One of the lead's decisions on a claim: what was typed wrong is shown
    next to the field; a refusal of the change itself, at the top."""
    claim = get_object_or_404(Claim, pk=pk)
    form = form_class(request.POST, prefix=prefix)
    if not form.is_valid():
        return _claim_page(request, claim, status=400, **{f"{prefix}_form": form})
    try:
        act(claim, form.cleaned_data)
    except NotAllowed as refusal:
        # Not about what was typed: the claim moved on (another lead, another tab).
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("payments:claim", pk=claim.pk)


@lead_required
@require_POST
def approve(request, pk):
    return _decide(
        request,
        pk,
        form_class=ApproveForm,
        prefix="approve",
        act=lambda claim, data: claim_approve(
            claim=claim, by=request.user, message=data["message"]
        ),
        done=_("The claim is approved. The member has been told."),
    )


@lead_required
@require_POST
def query(request, pk):
    return _decide(
        request,
        pk,
        form_class=QueryForm,
        prefix="query",
        act=lambda claim, data: claim_query(
            claim=claim, by=request.user, message=data["message"]
        ),
        done=_("Your question is sent to the member."),
    )


@lead_required
@require_POST
def reject(request, pk):
    return _decide(
        request,
        pk,
        form_class=RejectForm,
        prefix="reject",
        act=lambda claim, data: claim_reject(
            claim=claim, by=request.user, reason=data["reason"]
        ),
        done=_("The claim is not approved. The member has been told why."),
    )


@lead_required
@require_POST
def mark_paid(request, pk):
    return _decide(
        request,
        pk,
        form_class=MarkPaidForm,
        prefix="paid",
        act=lambda claim, data: claim_mark_paid(
            claim=claim,
            by=request.user,
            paid_on=data["paid_on"],
            reference=data["reference"],
        ),
        done=_("The claim is marked paid. The member has been told."),
    )


def _opportunity_page(request, opportunity, *, status=200, **forms):
    participants = []
    for sign_up in participants_of(opportunity=opportunity):
        arrange_prefix = f"arrange-{sign_up.pk}"
        participants.append(
            {
                "sign_up": sign_up,
                # participants_of selected the claim; None until they claim.
                "claim": getattr(sign_up, "claim", None),
                "arrange_form": forms.get(arrange_prefix)
                or ArrangementForm(prefix=arrange_prefix),
                "arrangements": [
                    (
                        arrangement,
                        forms.get(f"paid-{arrangement.pk}")
                        or MarkPaidForm(prefix=f"paid-{arrangement.pk}"),
                    )
                    for arrangement in sign_up.advance_arrangements.all()
                ],
            }
        )
    return render(
        request,
        "payments/opportunity.html",
        {
            "opportunity": opportunity,
            "participants": participants,
            "has_errors": any(form.errors for form in forms.values()),
        },
        status=status,
    )


@lead_required
def opportunity_payments(request, pk):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    return _opportunity_page(request, opportunity)


@lead_required
@require_POST
def arrange(request, sign_up_pk):
    sign_up = get_object_or_404(
        SignUp.objects.select_related("opportunity", "member"), pk=sign_up_pk
    )
    prefix = f"arrange-{sign_up.pk}"
    form = ArrangementForm(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            arrangement_add(sign_up=sign_up, by=request.user, **form.cleaned_data)
        except NotAllowed as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("Arranged for %(member)s. They have been told.")
                % {"member": sign_up.member},
            )
            return redirect("payments:opportunity", pk=sign_up.opportunity_id)
    return _opportunity_page(request, sign_up.opportunity, status=400, **{prefix: form})


@lead_required
@require_POST
def arrangement_paid(request, pk):
    arrangement = get_object_or_404(
        AdvanceArrangement.objects.select_related("sign_up__opportunity"), pk=pk
    )
    prefix = f"paid-{arrangement.pk}"
    form = MarkPaidForm(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            arrangement_mark_paid(
                arrangement=arrangement, by=request.user, **form.cleaned_data
            )
        except NotAllowed as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Marked paid. The member has been told."))
            return redirect(
                "payments:opportunity", pk=arrangement.sign_up.opportunity_id
            )
    return _opportunity_page(
        request, arrangement.sign_up.opportunity, status=400, **{prefix: form}
    )
