"""The lead's screens for the directory (mounted at /members/networks/)."""

from django.urls import path

from . import views

app_name = "networks_manage"

urlpatterns = [
    path("manage/", views.manage_list, name="list"),
    path("manage/<int:pk>/", views.manage_edit, name="edit"),
]
