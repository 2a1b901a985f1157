from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .access import lead_required
from .forms import LeavingForm, MoveAssemblyForm
from .selectors import people_for_lead, person_for_lead
from .services import membership_move, person_deactivate


@lead_required
def people(request):
    past = request.GET.get("show") == "past"
    return render(
        request,
        "members/people.html",
        {"people": people_for_lead(past=past), "past": past},
    )


def _person_or_404(pk):
    person = person_for_lead(pk=pk)
    if person is None:
        raise Http404("No such person")
    return person


def _person_page(request, person, leaving_form=None, move_form=None, status=200):
    return render(
        request,
        "members/person.html",
        {
            "person": person,
            "profile": getattr(person, "profile", None),
            "leaving_form": leaving_form or LeavingForm(person=person),
            "move_form": move_form or MoveAssemblyForm(),
        },
        status=status,
    )


@lead_required
def person(request, pk):
    return _person_page(request, _person_or_404(pk))


@lead_required
@require_POST
def person_leaves(request, pk):
    person = _person_or_404(pk)
    form = LeavingForm(request.POST, person=person)
    if not form.is_valid():
        return _person_page(request, person, leaving_form=form, status=400)
    person_deactivate(user=person, ended_on=form.cleaned_data["ended_on"])
    messages.success(request, f"{person} has left the group. Their history is kept.")
    return redirect("members:person", pk=person.pk)


@lead_required
@require_POST
def person_moves(request, pk):
    person = _person_or_404(pk)
    form = MoveAssemblyForm(request.POST)
    if not form.is_valid():
        return _person_page(request, person, move_form=form, status=400)
    membership_move(user=person, **form.cleaned_data)
    messages.success(
        request, f"{person} is now in the {form.cleaned_data['assembly']} Assembly."
    )
    return redirect("members:person", pk=person.pk)
