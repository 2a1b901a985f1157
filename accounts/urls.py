from django.urls import path

from . import views
from .two_step import views as two_step

app_name = "accounts"

urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("sign-in-link/", views.sign_in_link_request, name="sign_in_link"),
    path("sign-in-link/sent/", views.sign_in_link_sent, name="sign_in_link_sent"),
    path("sign-in-link/<str:token>/", views.sign_in_link, name="sign_in_link_use"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        views.PasswordResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("two-step/", two_step.verify, name="two_step"),
    path("two-step/recovery/", two_step.recovery, name="two_step_recovery"),
    path("two-step/set-up/", two_step.set_up, name="two_step_set_up"),
    path("two-step/codes/", two_step.codes, name="two_step_codes"),
    path("two-step/codes/replace/", two_step.codes_new, name="two_step_codes_replace"),
    path("two-step/turn-off/", two_step.turn_off, name="two_step_turn_off"),
    path("two-step/reset/<int:pk>/", two_step.reset, name="two_step_reset"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path(
        "invitation/<str:token>/send-again/",
        views.invitation_send_again,
        name="invitation_send_again",
    ),
]
