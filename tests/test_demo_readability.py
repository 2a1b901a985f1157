"""The demo passes the checks it imposes on members (core/content_checks.py):
every live page and every public profile, no error and no warning, the
reading grade included."""

import pytest
from wagtail.models import Page

from core.content_checks import content_report
from members.selectors import profiles_public

pytestmark = pytest.mark.django_db


def problems(findings) -> str:
    return "\n".join(f"    {finding.level}: {finding.message}" for finding in findings)


def test_every_demo_page_passes_the_content_checks(demo_site):
    pages = Page.objects.live().specific().filter(depth__gt=1)
    failures = [
        f"{page.title} ({page.url_path}):\n{problems(findings)}"
        for page in pages
        if (findings := page.content_report())
    ]
    assert len(pages) > 40, "the whole demo is loaded"
    assert not failures, "Demo pages the checks flag:\n" + "\n".join(failures)


def test_every_public_profile_passes_the_content_checks(demo_site):
    profiles = list(profiles_public())
    failures = [
        f"{profile.display_name}:\n{problems(findings)}"
        for profile in profiles
        if (findings := content_report(body=None, summary=profile.bio))
    ]
    assert profiles
    assert not failures, "Profiles the checks flag:\n" + "\n".join(failures)
