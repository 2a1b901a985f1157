"""Who may see a claim and its receipts: the member it belongs to (or a
supporter acting for them) and the engagement lead. Nobody else, not staff,
not an administrator: anyone else gets 404, so an address gives nothing away."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from members import roles
from opportunities.models import Session, SignUp

from .models import Claim, ExpenseLine


def claim_get_for(*, person, viewer, pk: int) -> Claim:
    """`person` is whose things the request works on (the viewer, or the
    member a supporter acts for); `viewer` is who is signed in."""
    sessions = (
        Session.objects.filter(opportunity=OuterRef("sign_up__opportunity"))
        .order_by()
        .values("opportunity")
        .annotate(count=Count("pk"))
        .values("count")
    )
    claim = get_object_or_404(
        Claim.objects.select_related(
            "sign_up__opportunity", "sign_up__member__profile__assembly"
        ).annotate(opportunity_sessions=Coalesce(Subquery(sessions), 0)),
        pk=pk,
    )
    # Counted with the claim: the page works out the agreed units several
    # times (opportunities.fees.session_count reads this).
    claim.sign_up.opportunity.session_count = claim.opportunity_sessions
    if claim.sign_up.member_id == person.pk or roles.is_lead(viewer):
        return claim
    raise Http404("No such claim")


def claim_editable_by(*, person, claim: Claim) -> bool:
    """Only the member changes a claim, and only when the lead has asked."""
    return claim.sign_up.member_id == person.pk and claim.is_queried


def receipt_get_for(*, person, viewer, pk: int) -> ExpenseLine:
    # A receipt removed when its member was anonymised is gone for everyone.
    line = get_object_or_404(
        ExpenseLine.objects.select_related("claim__sign_up").exclude(receipt=""),
        pk=pk,
    )
    if line.claim.sign_up.member_id == person.pk or roles.is_lead(viewer):
        return line
    raise Http404("No such receipt")


def own_sign_up(*, person, pk: int) -> SignUp:
    """A sign-up of the member's own, to claim for."""
    return get_object_or_404(
        SignUp.objects.select_related("opportunity", "member"),
        pk=pk,
        member=person,
    )
