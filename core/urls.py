from django.urls import path

from . import health, views

app_name = "core"

urlpatterns = [
    path("reader-settings/", views.reader_preferences, name="reader_preferences"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", health.health, name="health"),
]
