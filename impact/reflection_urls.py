from django.urls import path

from . import reflection_views as views

app_name = "reflections"

urlpatterns = [
    path("", views.flow_list, name="list"),
    path("add/", views.flow_propose, name="add"),
    path("<int:pk>/", views.flow_detail, name="detail"),
    path("<int:pk>/edit/", views.flow_respond, name="respond"),
    # The engagement lead's screens.
    path("manage/", views.manage, name="manage"),
    path("manage/add/", views.manage_add, name="manage_add"),
    path("manage/<int:pk>/edit/", views.manage_edit, name="edit"),
]
