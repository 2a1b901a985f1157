"""The project's ground: imports, the user model, the role groups."""

from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from members import roles
from tests.people import sign_in

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_our_tests_package_wins_over_wagtail_accessibility_s():
    import tests

    assert Path(tests.__file__).resolve() == PROJECT_ROOT / "tests" / "__init__.py"


def test_email_is_the_login_and_ignores_case():
    User = get_user_model()
    user = User.objects.create_user(email="Ann@Example.org", password="a-long-pass")

    assert User.USERNAME_FIELD == "email"
    assert "username" not in {field.name for field in User._meta.get_fields()}
    # Every sign-in passes its request (django-axes needs it for the lockout).
    request = RequestFactory().post("/accounts/login/")
    assert (
        authenticate(request, email="ann@example.org", password="a-long-pass") == user
    )
    assert authenticate(request, email="ann@example.org", password="wrong") is None


def test_two_people_cannot_share_an_email_address():
    from django.db import IntegrityError

    User = get_user_model()
    User.objects.create_user(email="same@example.org", password="x")
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="same@example.org", password="y")


def test_role_groups_come_from_a_migration():
    assert set(roles.ROLE_GROUPS) <= set(Group.objects.values_list("name", flat=True))


def test_an_administrator_adds_a_person_by_email_in_wagtail_s_admin(client):
    User = get_user_model()
    User.objects.create_superuser(email="root@example.org", password="pw")
    sign_in(client, "root@example.org")

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.member@example.org",
            "first_name": "Ffion",
            "last_name": "Morgan",
            "password1": "a-long-enough-password-9",
            "password2": "a-long-enough-password-9",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.filter(email="new.member@example.org").exists()
