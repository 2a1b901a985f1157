from django.urls import path

from . import views

app_name = "opportunities"

urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sign-up/", views.sign_up_view, name="sign_up"),
    path("<int:pk>/withdraw/", views.withdraw_view, name="withdraw"),
]
