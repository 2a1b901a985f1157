"""Asking for another format: the public form (mounted at /another-format/)."""

from django.urls import path

from . import views

app_name = "formats"

urlpatterns = [
    path("", views.ask, name="ask"),
]
