"""The annual report, generated: for a chosen year, an HTML page in the
report's own sections and the same as a tagged, accessible PDF, worked out
from the records when it is asked for. The lead and staff read it; the
lead writes its own words (manage/). Members do not open it here: it is a
draft until the lead shares the PDF with the group. A year with nothing
recorded says so, and no empty PDF is made."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import NotAllowed
from core.pdf import pdf_render
from members import roles
from members.access import lead_required, role_required
from payments.waits import waits_shown

from .dashboard_views import may_see_whole_group
from .report import heard_notes, impact_charts, paid_change
from .report_forms import ReportYearForm
from .selectors import (
    UNNAMED_MEMBER,
    AnnualReport,
    annual_report_of,
    impact_years,
    report_year_get,
)
from .services import REPORT_YEAR_FIELDS, report_year_save

# A report can be written for next year's words ahead; no further.
LATEST_YEAR_AHEAD = 1


def report_title(year: int) -> str:
    return _("Co-production Advisory Group: annual report %(year)s") % {"year": year}


def _context(request, report: AnnualReport) -> dict:
    return {
        "report": report,
        "year": report.year,
        "title": report_title(report.year),
        "charts": impact_charts(figures=report.figures, key="report"),
        "paid_change": paid_change(figures=report.figures),
        # The table of how long claims waited; its charts are in `charts`.
        "waits": waits_shown(
            before=report.figures.before.waits,
            now=report.figures.now.waits,
            key="report",
        ),
        "heard_notes": heard_notes(figures=report.figures),
        "unnamed_member": UNNAMED_MEMBER,
        "is_lead": roles.is_lead(request.user),
    }


def _nothing_recorded(request, year: int):
    return render(
        request,
        "impact/report/nothing.html",
        {"year": year, "title": report_title(year)},
        status=404,
    )


@role_required(may_see_whole_group)
def report_years(request):
    return render(request, "impact/report/years.html", {"years": impact_years().years})


@role_required(may_see_whole_group)
def report(request, year):
    found = annual_report_of(year=year)
    if not found.has_records:
        return _nothing_recorded(request, year)
    return render(request, "impact/report/report.html", _context(request, found))


@role_required(may_see_whole_group)
def report_easy_read(request, year):
    words = report_year_get(year=year)
    if not words.easy_read_summary:
        return _nothing_recorded(request, year)
    return render(
        request,
        "impact/report/easy_read.html",
        {"year": year, "words": words, "title": report_title(year)},
    )


@role_required(may_see_whole_group)
def report_pdf(request, year):
    found = annual_report_of(year=year)
    if not found.has_records:
        return _nothing_recorded(request, year)
    title = report_title(year)
    html = render_to_string(
        "impact/report/document.html", _context(request, found), request=request
    )
    pdf = pdf_render(html=html, base_url=request.build_absolute_uri("/"), title=title)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="coproduction-annual-report-{year}.pdf"'
    )
    return response


@lead_required
def report_year_edit(request, year):
    if year > timezone.localdate().year + LATEST_YEAR_AHEAD:
        return _nothing_recorded(request, year)
    words = report_year_get(year=year)
    form = ReportYearForm(request.POST or None, instance=words)
    if request.method == "POST" and form.is_valid():
        try:
            report_year_save(
                year=year,
                by=request.user,
                fields={name: form.cleaned_data[name] for name in REPORT_YEAR_FIELDS},
            )
        except NotAllowed as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(
                request, _("Saved the words of the %(year)s report.") % {"year": year}
            )
            return redirect("impact:report", year=year)
    return render(
        request,
        "impact/report/edit.html",
        {"form": form, "year": year, "words": words},
        status=400 if form.errors else 200,
    )
