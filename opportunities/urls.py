from django.urls import path

from . import lead_views, request_views, views

app_name = "opportunities"

urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sign-up/", views.sign_up_view, name="sign_up"),
    path("<int:pk>/withdraw/", views.withdraw_view, name="withdraw"),
    path(
        "<int:pk>/sessions/<int:session_pk>/calendar.ics",
        views.session_calendar,
        name="session_calendar",
    ),
    # The engagement lead's screens.
    path("manage/", lead_views.manage_list, name="manage_list"),
    path("manage/add/", lead_views.opportunity_edit, name="add"),
    path("manage/<int:pk>/", lead_views.manage, name="manage"),
    path("manage/<int:pk>/edit/", lead_views.opportunity_edit, name="edit"),
    path("manage/<int:pk>/status/", lead_views.move, name="move"),
    path("manage/<int:pk>/selection/", lead_views.selection, name="selection"),
    # Staff ask for the group's input.
    path("requests/", request_views.request_list, name="requests"),
    path("requests/add/", request_views.request_new, name="request_add"),
    path("requests/<int:pk>/", request_views.request_detail, name="request"),
    path(
        "requests/<int:pk>/<slug:decision>/",
        request_views.request_decide,
        name="request_decide",
    ),
]
