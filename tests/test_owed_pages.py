"""The pages every public site owes its readers (README "Pages every site
owes"): every page's footer links to the accessibility statement, the privacy
notice and the cookies page, and never to one that is not there; the demo's
figures and cookie names are the site's own."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.urls import reverse

from home.models import GeneralPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

OWED = [
    ("Accessibility statement", "/accessibility/"),
    ("Privacy notice", "/privacy/"),
    ("Cookies", "/cookies/"),
]


def footer_links(response) -> list[tuple[str, str]]:
    footer = BeautifulSoup(response.content, "html.parser").find("footer")
    return [
        (link.get_text(" ", strip=True), link["href"]) for link in footer.find_all("a")
    ]


def page_text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return " ".join(main.get_text(" ").split())


def days(number: int) -> str:
    return f"{number} day" if number == 1 else f"{number} days"


def test_a_public_page_s_footer_links_to_each_owed_page(client, demo_site):
    links = footer_links(client.get("/stories/"))
    assert [link for link in links if link in OWED] == OWED
    for _, path in OWED:
        assert client.get(path).status_code == 200


def test_an_intranet_page_s_footer_links_to_each_owed_page(client, demo_site):
    sign_in(client, "member@example.org")
    response = client.get(reverse("intranet:home"))
    assert response.status_code == 200
    assert [link for link in footer_links(response) if link in OWED] == OWED


def test_the_footer_marks_the_page_you_are_on(client, demo_site):
    response = client.get("/cookies/")
    footer = BeautifulSoup(response.content, "html.parser").find("footer")
    current = footer.find_all("a", attrs={"aria-current": "page"})
    assert [link["href"] for link in current] == ["/cookies/"]


def test_an_absent_or_unpublished_page_is_not_linked(client, demo_site):
    # Read once first: the page cache and the footer's list must not keep
    # the old links.
    assert ("Privacy notice", "/privacy/") in footer_links(client.get("/"))
    GeneralPage.objects.get(slug="privacy").unpublish()
    GeneralPage.objects.get(slug="cookies").delete()
    links = footer_links(client.get("/"))
    assert ("Accessibility statement", "/accessibility/") in links
    hrefs = [href for _, href in links]
    assert "/privacy/" not in hrefs
    assert "/cookies/" not in hrefs
    # What is left still works: no link leads nowhere.
    for href in hrefs:
        if href.startswith("/") and "?" not in href:
            assert client.get(href).status_code == 200, href


def test_with_none_of_the_pages_the_footer_keeps_its_other_links(client, demo_site):
    GeneralPage.objects.filter(slug__in=["accessibility", "privacy"]).delete()
    GeneralPage.objects.get(slug="cookies").unpublish()
    sign_in(client, "member@example.org")
    links = footer_links(client.get(reverse("intranet:home")))
    assert not [link for link in links if link in OWED]
    assert any(href.startswith(reverse("formats:ask")) for _, href in links)


def test_the_accessibility_statement_follows_the_public_sector_model(client, demo_site):
    response = client.get("/accessibility/")
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [h.get_text(strip=True) for h in soup.find("main").find_all("h2")]
    for heading in [
        "How accessible this website is",
        "What is not yet accessible",
        "If you need a page in another format",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ]:
        assert heading in headings
    text = page_text(client, "/accessibility/")
    for fact in ["Equality and Human Rights Commission", "Northern Ireland (ECNI)"]:
        assert fact in text
    for tool in ["axe-core", "Nu HTML Checker", "keyboard"]:
        assert tool in text
    main = soup.find("main")
    assert main.find("a", href=reverse("formats:ask"))
    assert main.find("time", datetime="2026-11-23")


def test_the_privacy_notice_gives_the_site_s_own_retention_periods(client, demo_site):
    text = page_text(client, "/privacy/")
    session_idle = settings.SESSION_IDLE_MINUTES
    lockout_minutes = int(settings.AXES_COOLOFF_TIME / timedelta(minutes=1))
    for fact in [
        f"deleted {days(settings.RETENTION_HELD_RECEIPTS_DAYS)} after they were "
        "attached",
        f"work for {settings.SIGN_IN_LINK_MINUTES} minutes, and are deleted "
        f"{days(settings.RETENTION_SIGN_IN_LINKS_DAYS)} after",
        f"work for {days(settings.INVITATION_DAYS)}, and are deleted "
        f"{days(settings.RETENTION_INVITATIONS_DAYS)} after",
        f"emails we sent you: deleted "
        f"{days(settings.RETENTION_SENT_EMAIL_BODIES_DAYS)} after",
        f"read: deleted {days(settings.RETENTION_READ_NOTIFICATIONS_DAYS)} after",
        f"ends after {session_idle} minutes without activity, and "
        f"{settings.SESSION_MAX_HOURS} hours after you signed in",
        f"after {settings.AXES_FAILURE_LIMIT} wrong passwords",
        f"stops for {lockout_minutes} minutes",
    ]:
        assert fact in text, fact
    soup = BeautifulSoup(client.get("/privacy/").content, "html.parser")
    assert soup.find("main").find("a", href="/members/profile/download/")


def test_the_privacy_notice_names_no_period_the_settings_do_not_have(client, demo_site):
    """Every "N days" on the page is one of the settings' periods, so a new
    figure cannot be added without a setting behind it."""
    text = page_text(client, "/privacy/")
    periods = {
        settings.RETENTION_HELD_RECEIPTS_DAYS,
        settings.RETENTION_SIGN_IN_LINKS_DAYS,
        settings.RETENTION_INVITATIONS_DAYS,
        settings.RETENTION_SENT_EMAIL_BODIES_DAYS,
        settings.RETENTION_READ_NOTIFICATIONS_DAYS,
        settings.INVITATION_DAYS,
    }
    found = {int(n) for n in re.findall(r"(\d+) days?\b", text)}
    assert found
    assert found <= periods


def test_the_cookies_page_lists_the_cookies_the_site_sets(client, demo_site):
    response = client.get("/cookies/")
    items = BeautifulSoup(response.content, "html.parser").find("main").find_all("li")
    listed = {item.find("b").get_text(strip=True) for item in items if item.find("b")}
    assert listed == {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.READER_PREFERENCES_COOKIE,
        CookieStorage.cookie_name,
    }


def test_the_cookies_listed_are_all_a_visitor_and_a_member_get(client, demo_site):
    """Reading, changing a reader setting, signing in and seeing a message:
    every cookie the browser is given is on the cookies page."""
    response = client.get("/cookies/")
    items = BeautifulSoup(response.content, "html.parser").find("main").find_all("li")
    listed = {item.find("b").get_text(strip=True) for item in items if item.find("b")}
    client.get(reverse("core:reader_preferences"))
    client.post(
        reverse("core:reader_preferences"),
        {"contrast": "high", "next": "/"},
    )
    sign_in(client, "member@example.org")
    client.get(reverse("intranet:home"))
    assert set(client.cookies) <= listed
    assert settings.READER_PREFERENCES_COOKIE in client.cookies
    assert settings.SESSION_COOKIE_NAME in client.cookies
