from django.urls import path

from . import views

app_name = "formats"

urlpatterns = [
    path("another-format/", views.ask, name="ask"),
    path("members/format-requests/", views.request_list, name="list"),
    path("members/format-requests/<int:pk>/answered/", views.answer, name="answer"),
]
