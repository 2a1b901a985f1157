"""Markup rules a small screen and the HTML standard need, checked in our
templates and on rendered pages (the browser suite checks every page too:
tests/browser/test_every_page.py)."""

import re
from pathlib import Path

import pytest

from members.models import Profile

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = [
    path
    for path in ROOT.glob("**/templates/**/*.html")
    if not {".venv", ".cache", "node_modules"} & set(path.relative_to(ROOT).parts)
]


def test_every_table_scrolls_in_its_own_labelled_focusable_region():
    assert TEMPLATES
    unwrapped = []
    for path in TEMPLATES:
        text = path.read_text()
        for match in re.finditer(r"<table\b", text):
            before = text[: match.start()].rstrip().rsplit("\n", 1)[-1].strip()
            region = re.fullmatch(
                r'<div class="table-scroll" role="region"'
                r' aria-labelledby="([^"]+)" tabindex="0">',
                before,
            )
            caption = text[match.end() :].split("</caption>", 1)[0]
            if not region or f'<caption id="{region[1]}"' not in caption:
                unwrapped.append(str(path.relative_to(ROOT)))
    assert unwrapped == []


def test_a_small_photo_lists_each_width_once(client):
    # The demo's photos are 480 pixels wide: narrower than the largest width
    # the picture components ask for.
    profile = Profile.objects.filter(
        publish_on_site=True, publish_photo=True, photo__isnull=False
    ).first()
    assert profile is not None
    for page in ["/who-we-are/", f"/who-we-are/{profile.slug}/"]:
        content = client.get(page).content.decode()
        srcsets = re.findall(r'srcset="([^"]+)"', content)
        assert srcsets, page
        for srcset in srcsets:
            widths = re.findall(r" (\d+)w", srcset)
            assert len(widths) == len(set(widths)), srcset
