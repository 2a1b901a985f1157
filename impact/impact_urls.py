from django.urls import path

from . import dashboard_views, report_views

app_name = "impact"

urlpatterns = [
    path("", dashboard_views.dashboard, name="dashboard"),
    path("report/", report_views.report_years, name="report_years"),
    path("report/<int:year>/", report_views.report, name="report"),
    path("report/<int:year>.pdf", report_views.report_pdf, name="report_pdf"),
    path(
        "report/<int:year>/easy-read/",
        report_views.report_easy_read,
        name="report_easy_read",
    ),
    # The engagement lead's screen: the report's own words.
    path(
        "manage/report/<int:year>/edit/",
        report_views.report_year_edit,
        name="report_edit",
    ),
]
