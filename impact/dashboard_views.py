"""The impact dashboard (/members/impact/): a year beside the year before,
as charts people can read. The lead and staff see the whole group's
figures; a member (or their supporter, acting for them) sees their own
part: the meetings they led or went to, their own paid work and their own
"were we heard?" answers, beside the group's reflections and changes,
which every member reads anyway. Anyone else gets "not found"."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from members import roles
from members.acting import person_for

from .report import heard_notes, impact_charts
from .selectors import HEARD_FEWEST_SUMMARISED, impact_year_figures


def may_see_whole_group(user) -> bool:
    return roles.is_lead(user) or roles.is_staff_member(user)


# The earliest year anyone can ask for.
FIRST_YEAR = 2000


def year_chosen(request) -> int | None:
    """The year asked for (?year=, from 2000 to next year), else None: the
    year of the newest meeting."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year is not None and FIRST_YEAR <= year <= this_year + 1:
        return year
    return None


@login_required
def dashboard(request):
    person = person_for(request)
    acting = person != request.user
    if not acting and may_see_whole_group(request.user):
        member = None
    elif roles.is_member(person):
        member = person
    else:
        raise Http404("Not found")
    figures = impact_year_figures(year=year_chosen(request), member=member)
    return render(
        request,
        "impact/dashboard/dashboard.html",
        {
            "figures": figures,
            "charts": impact_charts(figures=figures),
            "heard_notes": heard_notes(figures=figures),
            "heard_fewest": HEARD_FEWEST_SUMMARISED,
            "years": figures.years,
            "year": figures.year,
            "member": member,
            "is_acting": acting,
            "may_read_report": member is None,
        },
    )
