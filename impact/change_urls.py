from django.urls import path

from . import change_views as views

app_name = "changes"

urlpatterns = [
    path("", views.change_list, name="list"),
    path("add/", views.change_add, name="add"),
    path("<int:pk>/edit/", views.change_edit, name="edit"),
]
