"""One address scheme (README "Addresses"): public pages at the top, the
ways in under /accounts/, everything else signed-in under /members/<area>/,
the lead's screens of each area under its manage/ segment, one verb per
action, a namespace for every app's addresses, and the addresses of earlier
releases answering with a permanent redirect."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from cms.old_addresses import old_addresses
from members import roles

ROOT = Path(settings.BASE_DIR)
PROJECT_APPS = {
    app for app in settings.INSTALLED_APPS if (ROOT / app / "__init__.py").exists()
}

# Public addresses outside the members' area and the ways in.
PUBLIC = (
    "another-format/",
    "suggest-a-network/",
    "search/",
    "tags/",
    "feeds/",
    "sitemap.xml",
    "reader-settings/",
    "robots.txt",
    "health/",
)


def project_routes():
    """(full route, pattern, namespace) for every address an app of ours
    answers, the old addresses left out."""
    found = []

    def walk(patterns, prefix, namespace):
        for entry in patterns:
            if entry in old_addresses:
                continue
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route, entry.namespace or namespace)
            elif entry.callback.__module__.split(".")[0] in PROJECT_APPS:
                found.append((route, entry, namespace))

    walk(get_resolver().url_patterns, "", None)
    return found


def test_every_app_s_addresses_have_their_own_namespace():
    namespaces = []
    for route, entry, namespace in project_routes():
        if entry.callback.__module__.startswith("cms."):
            continue
        assert namespace, f"{route} has no namespace"
        namespaces.append(namespace)

    def mounted(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace:
                    yield entry.namespace
                else:
                    yield from mounted(entry.url_patterns)

    every = list(mounted(get_resolver().url_patterns))
    assert every, "no namespaced includes found"
    assert len(every) == len(set(every)), f"a namespace is mounted twice: {every}"


def test_apps_urls_hold_no_prefixes():
    for path in ROOT.glob("*/*urls.py"):
        if path.parent.name == "cms":
            continue
        text = path.read_text()
        for prefix in ("members/", "accounts/", "notifications/"):
            assert f'"{prefix}' not in text, f"{path} hard-codes {prefix}"


def test_signed_in_screens_live_under_members_or_accounts():
    outside = [
        route
        for route, entry, namespace in project_routes()
        if not route.startswith(("members/", "accounts/", "admin/", "documents/"))
        and not route.startswith(PUBLIC)
    ]
    assert outside == []


def test_the_lead_s_screens_and_only_they_sit_under_manage():
    checked = 0
    for route, entry, _namespace in project_routes():
        if not route.startswith("members/"):
            continue
        lead_only = getattr(entry.callback, "allowed", None) is roles.is_lead
        under_manage = "/manage/" in route
        assert lead_only == under_manage, route
        checked += lead_only
    assert checked > 15


FORBIDDEN_VERBS = {"new", "create", "change", "update", "delete", "end", "modify"}


def test_one_verb_per_action():
    for route, _entry, _namespace in project_routes():
        segments = set(re.split(r"[/]", route))
        assert not segments & FORBIDDEN_VERBS, f"{route}: use add/, edit/, remove/"


def sample_kwargs(pattern: RoutePattern) -> dict:
    return {
        name: ("about" if converter.__class__.__name__ == "SlugConverter" else 7)
        for name, converter in pattern.converters.items()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("old", old_addresses, ids=lambda old: str(old.pattern))
def test_an_old_address_moves_permanently(client, old):
    kwargs = sample_kwargs(old.pattern)
    path = "/" + str(old.pattern)
    for name, value in kwargs.items():
        path = re.sub(rf"<\w+:{name}>", str(value), path)
    response = client.get(path + "?from=email")
    assert response.status_code == 301
    new = reverse(old.callback.view_initkwargs["pattern_name"], kwargs=kwargs)
    assert response["Location"] == new + "?from=email"
    assert new != path


@pytest.mark.django_db
def test_notifications_moved_into_the_members_area(client):
    assert reverse("notifications:centre") == "/members/notifications/"
    response = client.get("/notifications/")
    assert response.status_code == 301
    assert response["Location"] == "/members/notifications/"


@pytest.mark.django_db
def test_a_live_address_is_not_hidden_by_an_old_one(client):
    assert reverse("members:pause") == "/members/profile/pause/"
    response = client.get("/members/profile/pause/")
    assert response.status_code == 302  # to sign in, not moved
    assert "/accounts/login/" in response["Location"]


def test_the_walk_sees_a_pattern_without_a_namespace():
    assert all(isinstance(entry, URLPattern) for entry in old_addresses)
