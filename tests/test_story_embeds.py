"""Videos from other sites in stories (issue 17, line 6): YouTube and Vimeo
only, framed in their privacy-enhanced forms, which are exactly what the
CSP's frame-src allows; any other address is refused in the editor. The
providers' oEmbed endpoints cannot be reached from here, so their answer is
stood in for at the HTTP call, and the real finder does the rest."""

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.embeds import FRAME_ORIGINS, REFUSAL, PrivacyEnhancedFinder, player_address
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db

YOUTUBE_ANSWER = {
    "type": "video",
    "title": "Our day at the Assembly",
    "provider_name": "YouTube",
    "width": 200,
    "height": 113,
    "html": '<iframe width="200" height="113" '
    'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" '
    'frameborder="0" allowfullscreen title="Our day at the Assembly"></iframe>',
}
VIMEO_ANSWER = {
    "type": "video",
    "title": "Caring, in our words",
    "provider_name": "Vimeo",
    "width": 640,
    "height": 360,
    "html": '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963" '
    'width="640" height="360" frameborder="0" title="Caring"></iframe>',
}


class Answer:
    def __init__(self, data):
        self.data = data

    def raise_for_status(self):
        pass

    def json(self):
        return self.data


@pytest.fixture
def providers(monkeypatch):
    """The oEmbed endpoints, as seen from here: each call is recorded."""
    asked = []

    def get(endpoint, params, **kwargs):
        asked.append((endpoint, params["url"]))
        if "youtube.com" in endpoint:
            return Answer(YOUTUBE_ANSWER)
        if "vimeo.com" in endpoint:
            return Answer(VIMEO_ANSWER)
        raise AssertionError(f"No other provider may be asked: {endpoint}")

    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", get)
    return asked


def story_with_video(url):
    data = {
        "title": "A video from our day",
        "slug": "a-video-from-our-day",
        "kind": "blog",
        "summary": "What we did at the Assembly.",
        "date": "2024-02-01",
        "nation": "wales",
        "hero_alt": "",
        "media": "",
        "tags": "",
        "body": streamfield(
            [
                (
                    "embed",
                    {
                        "embed": url,
                        "title": "Our day at the Assembly",
                        "transcript": "We met, we talked, we had lunch.",
                    },
                )
            ]
        ),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    return nested_form_data(data)


def add_url():
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))


def frame_src(response) -> list[str]:
    for part in response["Content-Security-Policy"].split("; "):
        name, *values = part.split()
        if name == "frame-src":
            return values
    raise AssertionError("The policy has no frame-src")


def test_the_csp_frames_exactly_the_two_privacy_enhanced_players(client, demo_site):
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] == (
        FRAME_ORIGINS
    )
    assert frame_src(client.get("/")) == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


def test_a_youtube_video_is_published_and_plays_from_youtube_nocookie(
    client, demo_site, providers
):
    sign_in(client, "admin@example.org")
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    response = client.post(add_url(), story_with_video(url))
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="a-video-from-our-day")
    assert story.live
    client.logout()
    page = client.get(story.url)
    html = page.content.decode()
    assert (
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed"'
        in html
    )
    assert "www.youtube.com/embed" not in html
    assert 'title="Our day at the Assembly"' in html
    assert "We met, we talked, we had lunch." in html  # the transcript
    assert "style=" not in html[html.index('class="embed"') :].split("</figure>")[0]
    assert frame_src(page) == FRAME_ORIGINS
    assert providers == [("https://www.youtube.com/oembed", url)]


def test_a_vimeo_video_plays_with_do_not_track(providers):
    embed = PrivacyEnhancedFinder().find_embed("https://vimeo.com/76979871")
    assert embed["html"] == (
        '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963'
        '&amp;dnt=1" title="Caring, in our words" '
        'allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy">'
        "</iframe>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x7tgad0",
        "https://www.tiktok.com/@someone/video/7106594312292453675",
        "https://example.org/our-video.mp4",
    ],
)
def test_a_video_from_any_other_site_is_refused_in_the_editor_with_a_way_round(
    client, demo_site, providers, url
):
    sign_in(client, "admin@example.org")
    response = client.post(add_url(), story_with_video(url))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not StoryPage.objects.filter(slug="a-video-from-our-day").exists()
    assert providers == []  # refused before anyone was asked


@pytest.mark.parametrize(
    "html",
    [
        '<iframe src="https://www.youtube.com/watch?v=x"></iframe>',
        '<iframe src="https://evil.example/embed/x"></iframe>',
        '<script src="https://player.vimeo.com.evil.example/video/1"></script>',
        "<p>No player</p>",
    ],
)
def test_a_provider_answer_that_is_not_a_known_player_is_not_framed(html):
    with pytest.raises(EmbedNotFoundException):
        player_address(html)
