from django.urls import path

from . import views

app_name = "charter"

urlpatterns = [
    path("", views.current, name="current"),
    path("versions/", views.versions, name="versions"),
    path("versions/<int:number>/", views.version, name="version"),
    path("versions/<int:number>/accept/", views.accept, name="accept"),
    path("versions/<int:number>/easy-read/", views.easy_read, name="easy_read"),
    path(
        "versions/<int:number>/easy-read/cymraeg/",
        views.easy_read,
        {"welsh": True},
        name="easy_read_cy",
    ),
    path("manage/", views.acceptances, name="acceptances"),
    path("manage/versions/add/", views.publish, name="publish"),
    path("manage/versions/<int:number>/welsh/", views.welsh, name="welsh"),
]
