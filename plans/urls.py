from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.my_plan, name="mine"),
    path("manage/", views.lead_list, name="all"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/print/", views.plan_print, name="print"),
    path("<int:pk>/goals/add/", views.goal_edit, name="goal_add"),
    path("<int:pk>/goals/<int:goal_pk>/edit/", views.goal_edit, name="goal_edit"),
    path("<int:pk>/goals/<int:goal_pk>/remove/", views.goal_delete, name="goal_remove"),
    path("<int:pk>/review-date/", views.review_date, name="review_date"),
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("manage/<int:pk>/review/", views.review, name="review"),
]
