"""Projects' addresses, mounted at /members/projects/ (cms/urls.py). Staff
and the lead keep projects (add/, edit/, updates/add/): not the lead's
alone, so not under manage/."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("add/", views.project_edit, name="add"),
    path("<int:pk>/", views.project_detail, name="project"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/updates/add/", views.update_add, name="update_add"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
]
