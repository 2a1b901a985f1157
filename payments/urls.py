from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("claim/<int:sign_up_pk>/", views.claim_new, name="claim_new"),
    path("claims/", views.claims, name="claims"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>/change/", views.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/approve/", views.approve, name="approve"),
    path("claims/<int:pk>/query/", views.query, name="query"),
    path("claims/<int:pk>/reject/", views.reject, name="reject"),
    path("claims/<int:pk>/paid/", views.mark_paid, name="mark_paid"),
    path("receipts/<int:pk>/", views.receipt, name="receipt"),
    path("opportunities/<int:pk>/", views.opportunity_payments, name="opportunity"),
    path("sign-ups/<int:sign_up_pk>/arrange/", views.arrange, name="arrange"),
    path(
        "arrangements/<int:pk>/paid/", views.arrangement_paid, name="arrangement_paid"
    ),
]
