from django.urls import path

from . import moderation_views, views

app_name = "channel"

urlpatterns = [
    path("", views.topic_list, name="list"),
    path("add/", views.topic_new, name="start"),
    path("<int:pk>/", views.topic_detail, name="topic"),
    path("<int:pk>/follow/", views.topic_follow_view, name="follow"),
    path("<int:pk>/stop-following/", views.topic_unfollow_view, name="unfollow"),
    path("posts/<int:pk>/edit/", views.post_edit_view, name="post_edit"),
    path("posts/<int:pk>/flag/", views.post_flag_view, name="post_flag"),
    # The engagement lead's screens.
    path("manage/<int:pk>/close/", views.topic_close_view, name="close"),
    path("manage/posts/<int:pk>/hide/", views.post_hide_view, name="post_hide"),
    path("manage/flags/", moderation_views.flags_list, name="flags"),
    path(
        "manage/flags/<int:pk>/leave-up/",
        moderation_views.flags_dismiss_view,
        name="flags_dismiss",
    ),
]
