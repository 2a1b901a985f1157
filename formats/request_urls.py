"""The lead's list of format requests (mounted at /members/format-requests/)."""

from django.urls import path

from . import views

app_name = "format_requests"

urlpatterns = [
    path("manage/", views.request_list, name="list"),
    path("manage/<int:pk>/answered/", views.answer, name="answer"),
]
