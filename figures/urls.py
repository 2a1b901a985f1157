from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.figures, name="figures"),
    path("manage/<int:year>.csv", views.figures_csv, name="csv"),
]
