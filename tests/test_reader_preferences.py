"""Reader preferences: saved in a signed cookie, applied by the server."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from core.reader_preferences import ReaderPreferences

pytestmark = pytest.mark.django_db

URL = reverse("core:reader_preferences")
COOKIE = settings.READER_PREFERENCES_COOKIE


def html_tag(response) -> str:
    content = response.content.decode()
    start = content.index("<html")
    return content[start : content.index(">", start) + 1]


def test_unknown_values_fall_back_to_the_default():
    prefs = ReaderPreferences.from_dict(
        {"text_size": "huge", "contrast": "high", "font": "<script>", "other": "x"}
    )
    assert prefs == ReaderPreferences(contrast="high")


def test_only_changed_choices_become_classes():
    prefs = ReaderPreferences(text_size="largest", font="dyslexia")
    assert prefs.html_class == "pref-text-size-largest pref-font-dyslexia"
    assert ReaderPreferences().html_class == ""


def test_saving_returns_to_the_page_and_applies_on_the_next_page(client, demo_site):
    response = client.post(
        URL,
        {
            "text_size": "larger",
            "contrast": "high",
            "font": "dyslexia",
            "motion": "reduce",
            "next": "/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/"

    home = client.get("/")
    tag = html_tag(home)
    for cls in (
        "pref-text-size-larger",
        "pref-contrast-high",
        "pref-font-dyslexia",
        "pref-motion-reduce",
    ):
        assert cls in tag
    assert "Your reader settings are saved." in home.content.decode()


def test_a_change_of_one_setting_keeps_the_others(client, demo_site):
    client.post(URL, {"contrast": "high"})
    client.post(URL, {"text_size": "large"})
    tag = html_tag(client.get("/"))
    assert "pref-contrast-high" in tag
    assert "pref-text-size-large" in tag


def test_a_wrong_value_falls_back_to_the_default_without_an_error(client, demo_site):
    client.post(URL, {"contrast": "high"})
    response = client.post(URL, {"contrast": "neon", "next": "/"})
    assert response.status_code == 302
    assert "pref-contrast" not in html_tag(client.get("/"))


def test_a_tampered_cookie_is_ignored(client, demo_site):
    client.cookies[COOKIE] = "text_size=largest:forged-signature"
    response = client.get("/")
    assert response.status_code == 200
    assert 'class=""' in html_tag(response)


def test_a_cookie_with_garbage_inside_a_valid_signature_is_ignored(client):
    from django.http import HttpResponse

    response = HttpResponse()
    response.set_signed_cookie(COOKIE, "%%%&&&=", salt="core.reader_preferences")
    client.cookies[COOKIE] = response.cookies[COOKIE].value
    assert client.get(URL).status_code == 200


def test_an_outside_address_is_never_a_return_target(client):
    response = client.post(URL, {"contrast": "high", "next": "https://evil.test/"})
    assert response.status_code == 302
    assert response["Location"] == URL


def radio(content: str, name: str, value: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}" value="{value}"[^>]*>', content)
    assert match, f"no {name}={value} radio"
    return match.group(0)


def test_the_form_shows_the_current_choices(client):
    client.post(URL, {"font": "dyslexia"})
    content = client.get(URL).content.decode()
    assert "checked" in radio(content, "font", "dyslexia")
    assert "checked" not in radio(content, "font", "standard")
    assert "checked" in radio(content, "contrast", "standard")


def test_the_cookie_is_signed_long_lived_and_not_readable_by_scripts(client):
    response = client.post(URL, {"text_size": "large"})
    cookie = response.cookies[COOKIE]
    assert cookie["httponly"]
    assert cookie["max-age"] == settings.READER_PREFERENCES_MAX_AGE
    assert cookie.value != "text_size=large"


def test_choosing_every_default_removes_the_cookie(client):
    client.post(URL, {"text_size": "large"})
    response = client.post(
        URL,
        {
            "text_size": "standard",
            "contrast": "standard",
            "font": "standard",
            "motion": "standard",
        },
    )
    assert response.cookies[COOKIE].value == ""
