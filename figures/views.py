from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.csv_safe import csv_writer_safe
from members import roles
from members.access import lead_required, role_required
from payments.selectors import payment_waits
from payments.waits import waits_shown

from . import selectors


def _may_see_figures(user) -> bool:
    return roles.is_lead(user) or roles.is_staff_member(user)


def _year(request, known: list[int]) -> int:
    """The year asked for, else the latest year with any work."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year in known:
        return year
    return known[-1] if known else timezone.localdate().year


@role_required(_may_see_figures)
def figures(request):
    found = selectors.engagements_list()
    known = selectors.engagement_years(found=found)
    year = _year(request, known)
    is_lead = roles.is_lead(request.user)
    minimum = settings.FIGURES_SMALL_GROUP_MIN

    def by(key):
        rows = selectors.engagement_totals_by(found=found, year=year, key=key)
        # Staff see no small group on its own: it could point at someone.
        return (
            rows
            if is_lead
            else selectors.small_groups_merged(rows=rows, minimum=minimum)
        )

    # Paid on time: aggregate figures (a median, a longest wait, a share),
    # shown to staff as to the lead, small years too. A wait says how long
    # the lead took to pay, the group's promise kept or not; not who was
    # paid or how much, which is what small groups are hidden for. See
    # payments/waits.py.
    before, now = payment_waits(year=year)
    return render(
        request,
        "figures/figures.html",
        {
            "year": year,
            "years": known,
            "comparison": selectors.year_comparison(found=found, year=year),
            "by_workstream": by("workstream"),
            "by_assembly": by("assembly"),
            "small_group_min": minimum,
            # Each person's payments are for the lead alone.
            "by_member": selectors.engagement_totals_by(
                found=found, year=year, key="member_name"
            )
            if is_lead
            else None,
            "is_lead": is_lead,
            "waits": waits_shown(before=before, now=now, key="figures"),
        },
    )


CSV_COLUMNS = [
    "Year",
    "Work began",
    "Member",
    "Assembly",
    "Opportunity",
    "Workstream",
    "Hours",
    "Fee paid (£)",
    "Fee paid on",
    "Fee reference",
    "Expenses paid (£)",
    "Paid in advance (£)",
    "Claim status",
]


@lead_required
def figures_csv(request, year):
    found = [e for e in selectors.engagements_list() if e.year == year]
    if not found:
        raise Http404("No work recorded that year")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="coproduction-payments-{year}.csv"'
    )
    # A byte-order mark, so spreadsheet programs read £ and accents right.
    response.write("\ufeff")
    # Names, titles and references are people's words: never formulas.
    writer = csv_writer_safe(response)
    writer.writerow(CSV_COLUMNS)
    for e in found:
        advance = sum((a.amount for a in e.advances), selectors.ZERO)
        claim = e.claim
        writer.writerow(
            [
                e.year,
                e.began_on.isoformat(),
                e.member_name,
                e.assembly,
                e.opportunity.title,
                e.workstream,
                e.hours,
                e.fee,
                claim.paid_on.isoformat() if claim and claim.paid_on else "",
                claim.payment_reference if claim else "",
                e.expenses - advance,
                advance,
                claim.get_status_display() if claim else "No claim",
            ]
        )
    return response
