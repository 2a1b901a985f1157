"""One way in, and the admin fenced (issue 15): Wagtail's own sign-in and
password reset lead nowhere, the admin sends a Content-Security-Policy, and
Wagtail's reports answer only to the people who may review."""

import pytest
from django.urls import URLPattern, reverse
from wagtail.admin.urls import reports as report_urls

from core.middleware import AdminContentSecurityPolicyMiddleware
from stories.models import StoryPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")

# Every report Wagtail has, and its results-only partial: new ones are tried
# as soon as a Wagtail upgrade adds them.
REPORTS = [
    reverse(f"wagtailadmin_reports:{pattern.name}")
    for pattern in report_urls.urlpatterns
    if isinstance(pattern, URLPattern)
]


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(None, 1) for part in header.split(";"))


# One way in ----------------------------------------------------------------


def test_wagtail_s_own_password_reset_is_gone(client, demo_site):
    for name in [
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_complete",
    ]:
        assert client.get(reverse(name)).status_code == 404, name
    confirm = reverse("wagtailadmin_password_reset_confirm", args=["MQ", "x-y"])
    assert client.get(confirm).status_code == 404
    response = client.post(
        reverse("wagtailadmin_password_reset"), {"email": "member@example.org"}
    )
    assert response.status_code == 404


def test_wagtail_s_sign_in_page_leads_to_the_site_s_own(client, demo_site):
    response = client.get(reverse("wagtailadmin_login") + "?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == LOGIN + "?next=/admin/pages/"
    # Its password form cannot be used either.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "admin@example.org", "password": "coproduction"},
    )
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_the_admin_sends_people_to_the_one_sign_in_page(client, demo_site):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?next=/admin/")
    page = client.get(LOGIN).content.decode()
    assert reverse("accounts:password_reset") in page
    assert "/admin/password_reset/" not in page


# The admin's Content-Security-Policy -----------------------------------------


def test_the_admin_sends_a_content_security_policy(client, demo_site):
    sign_in(client, "lead@example.org")
    for url in [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[demo_site.pk]),
        reverse(
            "wagtailadmin_pages:edit",
            args=[StoryPage.objects.filter(locale__language_code="en-gb").first().pk],
        ),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert policy(response) == {
            "object-src": "'none'",
            "base-uri": "'self'",
            "form-action": "'self'",
            "frame-ancestors": "'self'",
        }, url


def test_the_admin_s_policy_is_sent_to_visitors_too(client, demo_site):
    response = client.get(reverse("wagtailadmin_home"))
    assert policy(response)["frame-ancestors"] == "'self'"


def test_the_site_keeps_its_own_stricter_policy(client, demo_site):
    response = client.get("/")
    assert response["Content-Security-Policy"].count("object-src") == 1
    assert policy(response)["script-src"] == "'self'"


def test_a_view_s_own_policy_is_kept_and_completed():
    completed = AdminContentSecurityPolicyMiddleware.policy(
        "default-src 'none'; frame-ancestors 'none'"
    )
    assert completed == (
        "default-src 'none'; frame-ancestors 'none'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )


# Wagtail's reports -----------------------------------------------------------


def test_every_report_is_tried():
    assert len(REPORTS) >= 12
    assert reverse("wagtailadmin_reports:site_history") in REPORTS


@pytest.mark.parametrize(
    "email",
    [
        "member@example.org",
        "member2@example.org",
        "staff@example.org",
        "supporter@example.org",
    ],
)
def test_reports_refuse_everyone_who_may_not_review(client, demo_site, email):
    sign_in(client, email)
    for url in REPORTS:
        for address in [url, url + "?export=csv"]:
            response = client.get(address)
            assert response.status_code == 404, address
            assert b"Site history" not in response.content


@pytest.mark.parametrize("email", ["lead@example.org", "admin@example.org"])
def test_reports_open_to_the_lead_and_the_administrator(client, demo_site, email):
    sign_in(client, email)
    for url in REPORTS:
        assert client.get(url).status_code == 200, url


def test_reports_send_visitors_to_sign_in(client, demo_site):
    url = reverse("wagtailadmin_reports:site_history")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={url}"


def test_a_made_up_address_under_reports_is_refused_too(client, demo_site):
    sign_in(client, "member@example.org")
    assert client.get("/admin/reports/anything-new/").status_code == 404


@pytest.mark.parametrize(
    ("email", "shown"),
    [("member@example.org", False), ("lead@example.org", True)],
)
def test_the_menu_offers_reports_only_to_those_who_may_open_them(
    client, demo_site, email, shown
):
    sign_in(client, email)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (reverse("wagtailadmin_reports:site_history") in content) is shown
