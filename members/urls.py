from django.urls import path

from . import audit_views, data_views, language_views, support_views, views

app_name = "members"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("language/", language_views.language_choose, name="language_choose"),
    path("profile/pause/", views.pause, name="pause"),
    path("profile/download/", data_views.profile_download, name="profile_download"),
    path("profile/<slug:section>/edit/", views.profile_section, name="profile_section"),
    path(
        "profile/supporters/<int:pk>/remove/",
        views.supporter_end,
        name="supporter_remove",
    ),
    path("profile/supporters/add/", support_views.supporter_add, name="supporter_add"),
    path(
        "profile/support-requests/<int:pk>/",
        support_views.support_request,
        name="support_request",
    ),
    path(
        "profile/support-requests/<int:pk>/accept/",
        support_views.support_request_accept,
        name="support_request_accept",
    ),
    path(
        "profile/support-requests/<int:pk>/decline/",
        support_views.support_request_decline,
        name="support_request_decline",
    ),
    path("acting-for/<int:pk>/", views.acting_for_start, name="acting_start"),
    path("acting-for/stop/", views.acting_for_stop, name="acting_stop"),
    path("people/team-cv/", views.team_cv_browse, name="team_cv"),
    path("people/team-cv/print/", views.team_cv_print, name="team_cv_print"),
    path("people/manage/add/", views.invite, name="person_add"),
    path("people/manage/", views.people, name="people"),
    path("people/manage/privacy-log/", audit_views.privacy_log, name="privacy_log"),
    path("people/manage/<int:pk>/", views.person, name="person"),
    path("people/manage/<int:pk>/leaves/", views.person_leaves, name="person_leaves"),
    path("people/manage/<int:pk>/moves/", views.person_moves, name="person_moves"),
    path(
        "people/manage/<int:pk>/anonymise/",
        data_views.person_anonymise_confirm,
        name="person_anonymise",
    ),
]
