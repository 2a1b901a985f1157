"""Were we heard?'s addresses, mounted at /members/heard/ (cms/urls.py)."""

from django.urls import path

from . import heard_views as views

app_name = "heard"

urlpatterns = [
    path("", views.heard_list, name="list"),
    path("meeting/<int:pk>/", views.heard_answer, {"kind": "meeting"}, name="meeting"),
    path(
        "opportunity/<int:pk>/",
        views.heard_answer,
        {"kind": "opportunity"},
        name="opportunity",
    ),
    # The engagement lead's screens.
    path("manage/", views.heard_manage, name="manage"),
    path(
        "manage/opportunity/<int:pk>/",
        views.heard_manage_opportunity,
        name="manage_opportunity",
    ),
    path(
        "manage/meeting/<int:pk>/<int:member_pk>/",
        views.heard_record,
        {"kind": "meeting"},
        name="record_meeting",
    ),
    path(
        "manage/opportunity/<int:pk>/<int:member_pk>/",
        views.heard_record,
        {"kind": "opportunity"},
        name="record_opportunity",
    ),
]
