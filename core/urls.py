from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("reader-settings/", views.reader_preferences, name="reader_preferences"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
