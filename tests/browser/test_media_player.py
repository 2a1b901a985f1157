"""The browser's own player loads a video's captions. The player asks for
them by CORS (crossorigin="anonymous"), as it must in production, where they
come from the media host, another origin; here they are the site's own."""

from playwright.sync_api import expect

from . import BROWSER_TEST

pytestmark = BROWSER_TEST

TRACK_LOADED = 2  # HTMLTrackElement.LOADED (3 would be ERROR)


def test_a_videos_captions_load_in_the_player(page, site):
    page.goto(site + "/stories/carers-week-2023-a-video-interview/")
    expect(page.locator("video")).to_have_attribute("crossorigin", "anonymous")
    # Loaded, or given up on (ERROR).
    page.wait_for_function("document.querySelector('video track').readyState >= 2")
    state = page.evaluate("document.querySelector('video track').readyState")
    assert state == TRACK_LOADED
    cues = page.evaluate("document.querySelector('video track').track.cues.length")
    assert cues > 0
