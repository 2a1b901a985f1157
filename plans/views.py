from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members import roles
from members.access import lead_required
from members.acting import person_for
from members.audit import PLAN, private_read_log

from .access import plan_editable_by, plan_get_for
from .forms import CommentForm, GoalForm, ReviewDateForm, ReviewForm
from .models import DevelopmentPlan
from .selectors import plan_review_date_warning, plans_for_lead
from .services import (
    goal_remove,
    goal_save,
    plan_comment_add,
    plan_for,
    plan_review_date_set,
    plan_review_record,
)


def _plan(request, pk) -> DevelopmentPlan:
    return plan_get_for(person=person_for(request), viewer=request.user, pk=pk)


def _own_plan(request, pk) -> DevelopmentPlan:
    plan = _plan(request, pk)
    if not plan_editable_by(person=person_for(request), plan=plan):
        raise Http404("Only the owner changes goals")
    return plan


def _plan_page(request, plan, *, template="plans/plan.html", status=200, **forms):
    private_read_log(viewer=request.user, owner=plan.owner, instance=plan, what=PLAN)
    today = timezone.localdate()
    context = {
        "plan": plan,
        "goals": plan.goals.all(),
        "comments": plan.comments.select_related("author"),
        "reviews": plan.reviews.select_related("reviewer"),
        "is_owner": plan_editable_by(person=person_for(request), plan=plan),
        "is_lead": roles.is_lead(request.user),
        "date_form": forms.get("date_form")
        or ReviewDateForm(initial={"review_on": plan.review_on}),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "review_form": forms.get("review_form")
        or ReviewForm(initial={"reviewed_on": today}),
        "review_warning": plan_review_date_warning(
            review_on=plan.review_on, today=today
        ),
    }
    return render(request, template, context, status=status)


@login_required
def my_plan(request):
    person = person_for(request)
    if roles.is_member(person):
        return redirect("plans:plan", pk=plan_for(owner=person).pk)
    if roles.is_lead(request.user):
        return redirect("plans:all")
    raise Http404("Plans are for members")


@login_required
def plan(request, pk):
    return _plan_page(request, _plan(request, pk))


@login_required
def plan_print(request, pk):
    return _plan_page(request, _plan(request, pk), template="plans/print.html")


@login_required
def goal_edit(request, pk, goal_pk=None):
    plan = _own_plan(request, pk)
    goal = get_object_or_404(plan.goals, pk=goal_pk) if goal_pk else None
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        goal_save(plan=plan, goal=goal, actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Saved the goal: %(title)s") % {"title": form.cleaned_data["title"]},
        )
        return redirect("plans:plan", pk=plan.pk)
    return render(
        request,
        "plans/goal_form.html",
        {"plan": plan, "goal": goal, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def goal_delete(request, pk, goal_pk):
    plan = _own_plan(request, pk)
    goal = get_object_or_404(plan.goals, pk=goal_pk)
    if request.method == "POST":
        goal_remove(goal=goal, actor=request.user)
        messages.success(
            request, _("Removed the goal: %(title)s") % {"title": goal.title}
        )
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/goal_delete.html", {"plan": plan, "goal": goal})


@login_required
@require_POST
def review_date(request, pk):
    plan = _own_plan(request, pk)
    form = ReviewDateForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, date_form=form, status=400)
    plan_review_date_set(
        plan=plan, review_on=form.cleaned_data["review_on"], actor=request.user
    )
    warning = plan_review_date_warning(
        review_on=plan.review_on, today=timezone.localdate()
    )
    if warning:
        messages.warning(request, warning)
    else:
        messages.success(request, _("Saved the review date."))
    return redirect("plans:plan", pk=plan.pk)


@login_required
@require_POST
def comment(request, pk):
    plan = _plan(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, comment_form=form, status=400)
    plan_comment_add(plan=plan, author=request.user, body=form.cleaned_data["body"])
    messages.success(request, _("Your comment is added."))
    return redirect("plans:plan", pk=plan.pk)


@lead_required
@require_POST
def review(request, pk):
    plan = _plan(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _plan_page(request, plan, review_form=form, status=400)
    plan_review_record(plan=plan, reviewer=request.user, **form.cleaned_data)
    messages.success(request, _("The review is recorded."))
    return redirect("plans:plan", pk=plan.pk)


@lead_required
def lead_list(request):
    return render(
        request,
        "plans/lead_list.html",
        {"plans": plans_for_lead(), "today": timezone.localdate()},
    )
