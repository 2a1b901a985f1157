from django.urls import path

from . import audit_views, data_views, views

app_name = "members"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/pause/", views.pause, name="pause"),
    path("profile/download/", data_views.profile_download, name="profile_download"),
    path("profile/<slug:section>/", views.profile_section, name="profile_section"),
    path("profile/supporters/<int:pk>/end/", views.supporter_end, name="supporter_end"),
    path("acting-for/<int:pk>/", views.acting_for_start, name="acting_start"),
    path("acting-for/stop/", views.acting_for_stop, name="acting_stop"),
    path("team-cv/", views.team_cv_browse, name="team_cv"),
    path("team-cv/print/", views.team_cv_print, name="team_cv_print"),
    path("people/", views.people, name="people"),
    path("people/privacy-log/", audit_views.privacy_log, name="privacy_log"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/leaves/", views.person_leaves, name="person_leaves"),
    path("people/<int:pk>/moves/", views.person_moves, name="person_moves"),
    path(
        "people/<int:pk>/anonymise/",
        data_views.person_anonymise_confirm,
        name="person_anonymise",
    ),
]
