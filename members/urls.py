from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person, name="person"),
    path("people/<int:pk>/leaves/", views.person_leaves, name="person_leaves"),
    path("people/<int:pk>/moves/", views.person_moves, name="person_moves"),
]
