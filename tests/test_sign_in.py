"""Signing in with an email address, on the site's own accessible page."""

import pytest
from django.urls import reverse

from tests.people import sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def test_sign_in_with_email_and_password(client, demo_site):
    response = client.post(
        LOGIN, {"username": "member@example.org", "password": "coproduction"}
    )
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.email == "member@example.org"


def test_a_wrong_password_says_what_to_do_and_keeps_the_email(client, demo_site):
    response = client.post(
        LOGIN, {"username": "member@example.org", "password": "nope"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Check them and try again" in content
    assert 'value="member@example.org"' in content


def test_a_missing_email_is_reported_next_to_the_field(client, demo_site):
    content = client.post(LOGIN, {"username": "", "password": "x"}).content.decode()
    assert 'id="id_username_error"' in content
    assert 'aria-describedby="id_username_error"' in content


def test_the_fields_help_password_managers(client, demo_site):
    content = client.get(LOGIN).content.decode()
    assert 'type="email"' in content
    assert 'autocomplete="email"' in content
    assert 'autocomplete="current-password"' in content


def test_the_admin_sends_people_to_the_same_sign_in_page(client, demo_site):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_sign_out_is_a_form_post(client, demo_site):
    sign_in(client, "member@example.org")
    content = client.get("/").content.decode()
    assert f'action="{reverse("accounts:logout")}"' in content
    client.post(reverse("accounts:logout"))
    assert not client.get("/").wsgi_request.user.is_authenticated
