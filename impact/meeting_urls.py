"""The meetings log's addresses, mounted at /members/meetings/ (cms/urls.py)."""

from django.urls import path

from . import meeting_views

app_name = "meetings"

urlpatterns = [
    path("", meeting_views.meeting_list, name="list"),
    path("<int:pk>/", meeting_views.meeting_detail, name="detail"),
    # The engagement lead's screens.
    path("manage/", meeting_views.manage_list, name="manage_list"),
    path("manage/add/", meeting_views.meeting_edit, name="add"),
    path("manage/<int:pk>/", meeting_views.manage, name="manage"),
    path("manage/<int:pk>/edit/", meeting_views.meeting_edit, name="edit"),
]
