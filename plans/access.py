"""Who may see a plan: its owner (or a supporter acting for them) and the
engagement lead. Nobody else, not an administrator, not staff: anyone else
gets 404, so a plan's address gives nothing away."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from members import roles

from .models import DevelopmentPlan


def plan_get_for(*, person, viewer, pk: int) -> DevelopmentPlan:
    """`person` is whose things the request works on (the viewer, or the
    member a supporter acts for); `viewer` is who is signed in."""
    plan = get_object_or_404(DevelopmentPlan.objects.select_related("owner"), pk=pk)
    if plan.owner_id == person.pk or roles.is_lead(viewer):
        return plan
    raise Http404("No such plan")


def plan_editable_by(*, person, plan: DevelopmentPlan) -> bool:
    """The owner writes the goals; the lead comments and records reviews."""
    return plan.owner_id == person.pk
