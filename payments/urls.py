from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("claims/add/<int:sign_up_pk>/", views.claim_new, name="claim_add"),
    path("manage/", views.claims, name="claims"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("manage/claims/<int:pk>/approve/", views.approve, name="approve"),
    path("manage/claims/<int:pk>/query/", views.query, name="query"),
    path("manage/claims/<int:pk>/reject/", views.reject, name="reject"),
    path("manage/claims/<int:pk>/paid/", views.mark_paid, name="mark_paid"),
    path("receipts/<int:pk>/", views.receipt, name="receipt"),
    path(
        "manage/opportunities/<int:pk>/", views.opportunity_payments, name="opportunity"
    ),
    path("manage/sign-ups/<int:sign_up_pk>/arrange/", views.arrange, name="arrange"),
    path(
        "manage/arrangements/<int:pk>/paid/",
        views.arrangement_paid,
        name="arrangement_paid",
    ),
]
