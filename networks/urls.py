"""Suggesting a network: the public form (mounted at /suggest-a-network/)."""

from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.suggest, name="suggest"),
]
