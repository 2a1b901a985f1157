"""The page cache for anonymous readers (core/page_cache.py): who is served
from it, what is kept, the reader settings in the key, purges on every
change a page shows, the headers a proxy reads, and an outage degrading to a
fresh render."""

from datetime import date

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.models import ContactSettings
from core.page_cache import (
    PROXY_SECONDS,
    QUERY_MAX_LENGTH,
    _response_cacheable,
)
from core.reader_preferences import COOKIE_SALT, ReaderPreferences
from library.models import LibraryIndexPage, ResourcePage, Topic
from members.models import Assembly, Profile, WhoWeArePage
from members.services import membership_move, person_deactivate
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in
from tests.test_cache_outage import (  # noqa: F401 (a fixture)
    caches_at,
    free_port,
    redis_server,
)

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_QUERY_VARIANTS = 200


@pytest.fixture
def story(demo_site):
    """The newest story: first in the story list and on the home page."""
    return (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(hero_image__isnull=False)
        .order_by("-date", "-pk")
        .first()
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """An edit as in production: the purge runs when its transaction
    commits (tests run inside one that never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cached(client, url, **extra):
    """Fill the cache with `url` and check the next request is a hit."""
    first = client.get(url, **extra)
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    second = client.get(url, **extra)
    assert second[HEADER] == "hit"
    return second


def publish(page):
    page.save_revision().publish()


def prefs_cookie(client, **choices) -> None:
    response = HttpResponse()
    response.set_signed_cookie(
        settings.READER_PREFERENCES_COOKIE,
        ReaderPreferences(**choices).as_cookie_value(),
        salt=COOKIE_SALT,
    )
    client.cookies[settings.READER_PREFERENCES_COOKIE] = response.cookies[
        settings.READER_PREFERENCES_COOKIE
    ].value


# Who is served from the cache


def test_an_anonymous_reader_gets_the_same_page_from_the_cache(client, story):
    miss = client.get(story.url)
    assert miss[HEADER] == "miss"
    hit = client.get(story.url)
    assert hit[HEADER] == "hit"
    assert hit.status_code == 200
    assert hit.content == miss.content
    assert hit["Content-Type"] == miss["Content-Type"]


def test_a_hit_touches_no_database_session_or_sign_in(
    client, story, django_assert_num_queries
):
    client.get(story.url)
    with django_assert_num_queries(0):
        response = client.get(story.url)
    assert response[HEADER] == "hit"
    assert not hasattr(response.wsgi_request, "session")
    assert not hasattr(response.wsgi_request, "user")


def test_a_hit_carries_the_same_security_headers_as_a_miss(client, story):
    miss = client.get(story.url, HTTP_X_REQUEST_ID="first-request")
    hit = client.get(story.url, HTTP_X_REQUEST_ID="second-request")
    assert hit[HEADER] == "hit"
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert hit[header] == miss[header], header
    assert "frame-ancestors 'self'" in hit["Content-Security-Policy"]
    # The request id is the request's own, never the stored one.
    assert miss["X-Request-ID"] == "first-request"
    assert hit["X-Request-ID"] == "second-request"


def test_a_head_request_is_answered_from_a_cached_get(client, story):
    cached(client, story.url)
    response = client.head(story.url)
    assert response[HEADER] == "hit"
    assert response.status_code == 200


def test_a_signed_in_person_is_never_served_or_stored(client, story):
    cached(client, story.url)
    sign_in(client, "member@example.org")
    for _ in range(2):
        response = client.get(story.url)
        assert HEADER not in response
        assert "Sign out" in response.content.decode()
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
    client.logout()
    assert "Sign out" not in client.get(story.url).content.decode()


def test_any_session_cookie_means_not_anonymous_without_opening_it(client, story):
    cached(client, story.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-even-a-real-session"
    response = client.get(story.url)
    assert HEADER not in response
    assert response.status_code == 200


def test_a_reader_with_a_message_waiting_is_not_served_from_the_cache(client, story):
    cached(client, story.url)
    client.cookies["messages"] = "anything"
    assert HEADER not in client.get(story.url)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/members/",
        "/accounts/login/",
        "/documents/1/anything.pdf",
        "/health/",
    ],
)
def test_private_areas_are_never_cached(client, demo_site, path):
    for _ in range(2):
        assert HEADER not in client.get(path)


def test_a_preview_is_never_cached(client, story):
    sign_in(client, "admin@example.org")
    url = f"/admin/pages/{story.pk}/edit/preview/"
    for _ in range(2):
        response = client.get(url)
        assert HEADER not in response
        assert "no-store" in response["Cache-Control"]


def test_only_get_and_head_are_served_from_the_cache(client, demo_site):
    cached(client, "/search/")
    response = client.post("/search/")
    assert HEADER not in response


def test_a_page_that_sets_a_cookie_is_never_stored(client, demo_site):
    # The reader settings form posts: the page sets the CSRF cookie.
    for _ in range(2):
        response = client.get("/reader-settings/")
        assert response.cookies
        assert response[HEADER] == "pass"
        assert "public" not in response.get("Cache-Control", "")


def test_a_missing_page_and_a_redirect_are_never_stored(client, demo_site):
    for _ in range(2):
        missing = client.get("/no-such-page/")
        assert missing.status_code == 404
        assert missing[HEADER] == "pass"
        redirect = client.get("/stories")  # adds the trailing slash
        assert redirect.status_code == 301
        assert redirect[HEADER] == "pass"


@pytest.mark.parametrize("directive", ["private", "no_store", "no_cache"])
def test_a_response_that_asks_not_to_be_kept_is_not_stored(directive):
    response = HttpResponse("page")
    patch_cache_control(response, **{directive: True})
    assert not _response_cacheable(response)
    assert _response_cacheable(HttpResponse("page"))


def test_a_response_varying_on_more_than_cookies_is_not_stored():
    response = HttpResponse("page")
    response["Vary"] = "Cookie, Accept-Language"
    assert not _response_cacheable(response)


def test_the_cache_is_off_at_zero_seconds(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        response = client.get(story.url)
        assert HEADER not in response
        assert "Cache-Control" not in response


# Query strings


def test_search_results_are_cached_by_their_whole_query(client, demo_site):
    cached(client, "/search/?q=support")
    assert client.get("/search/?q=carers")[HEADER] == "miss"
    assert client.get("/search/?q=support&page=2")[HEADER] == "miss"
    assert client.get("/search/?q=support")[HEADER] == "hit"


def test_a_query_string_a_page_does_not_read_is_not_cached(client, story):
    for query in ("?utm_source=newsletter", "?q=support&x=1", "?fbclid=abc"):
        for _ in range(2):
            assert client.get(story.url + query)[HEADER] == "pass"


def test_a_very_long_query_is_not_cached(client, demo_site):
    url = "/search/?q=" + "a" * QUERY_MAX_LENGTH
    for _ in range(2):
        assert client.get(url)[HEADER] == "pass"


def test_random_queries_cannot_fill_the_cache(client, demo_site, settings):
    settings.PAGE_CACHE_QUERY_VARIANTS = 3
    for word in ("one", "two", "three"):
        assert client.get(f"/search/?q={word}")[HEADER] == "miss"
    for word in ("four", "five"):
        for _ in range(2):
            assert client.get(f"/search/?q={word}")[HEADER] == "pass"
    # What was stored stays, and pages without a query are not affected.
    assert client.get("/search/?q=one")[HEADER] == "hit"
    cached(client, "/search/")


# Reader settings


def html_tag(response) -> str:
    content = response.content.decode()
    return content[content.index("<html") : content.index(">", content.index("<html"))]


def test_reader_settings_are_right_in_the_first_paint_from_the_cache(client, story):
    prefs_cookie(client, text_size="large", contrast="high")
    styled = cached(client, story.url)
    assert "pref-text-size-large" in html_tag(styled)
    assert "pref-contrast-high" in html_tag(styled)

    client.cookies.clear()
    plain = client.get(story.url)
    assert plain[HEADER] == "miss"
    assert "pref-" not in html_tag(plain)
    assert "pref-" not in html_tag(client.get(story.url))

    prefs_cookie(client, text_size="large", contrast="high")
    again = client.get(story.url)
    assert again[HEADER] == "hit"
    assert "pref-contrast-high" in html_tag(again)

    prefs_cookie(client, text_size="large")
    other = client.get(story.url)
    assert other[HEADER] == "miss"
    assert "pref-contrast-high" not in html_tag(other)


def test_a_forged_or_garbage_cookie_is_the_default_key(client, story):
    cached(client, story.url)
    cookie = settings.READER_PREFERENCES_COOKIE
    for value in ("text_size=largest:forged", "garbage", "x" * 100):
        client.cookies[cookie] = value
        response = client.get(story.url)
        assert response[HEADER] == "hit"
        assert "pref-" not in html_tag(response)


# Headers for a proxy in front


def test_a_cached_page_tells_a_proxy_it_may_keep_it_briefly(client, story):
    for response in (client.get(story.url), client.get(story.url)):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=0", f"s-maxage={PROXY_SECONDS}"}
        assert "Cookie" in response["Vary"]


def test_a_short_cache_time_shortens_what_a_proxy_keeps(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 10
    assert "s-maxage=10" in client.get(story.url)["Cache-Control"]


# Purges: an edit is seen on the very next anonymous request


def test_a_published_change_shows_at_once(client, story, committed):
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    cached(client, story.url)
    cached(client, index.url)
    cached(client, "/")
    story.title = "A title changed a moment ago"
    with committed():
        publish(story)
    for url in (story.url, index.url, "/"):
        response = client.get(url)
        assert response[HEADER] == "miss"
        assert "A title changed a moment ago" in response.content.decode()


def test_the_purge_waits_for_the_edit_to_be_committed(
    client, story, django_capture_on_commit_callbacks
):
    cached(client, story.url)
    story.title = "Not yet committed"
    with django_capture_on_commit_callbacks() as callbacks:
        publish(story)
    # Not committed: a reader rendering now would see the old page anyway.
    assert client.get(story.url)[HEADER] == "hit"
    for callback in callbacks:
        callback()
    assert "Not yet committed" in client.get(story.url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, story, committed):
    cached(client, story.url)
    with committed():
        story.unpublish()
    assert client.get(story.url).status_code == 404


def test_a_moved_page_redirects_to_its_new_address_at_once(
    client, demo_site, committed
):
    resource = ResourcePage.objects.live().filter(locale__language_code="en-gb").first()
    old_url = resource.url
    cached(client, old_url)
    with committed():
        resource.move(demo_site, pos="last-child")
    resource.refresh_from_db()
    # Wagtail leaves a redirect behind (never cached itself).
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == resource.url
    assert client.get(resource.url).status_code == 200


def test_a_deleted_page_is_gone_at_once(client, story, committed):
    url = story.url
    cached(client, url)
    with committed():
        story.delete()
    assert client.get(url).status_code == 404


def test_a_page_made_private_leaves_the_cache(client, story, committed):
    from wagtail.models import PageViewRestriction

    cached(client, story.url)
    with committed():
        PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.LOGIN
        )
    assert client.get(story.url).status_code == 302


def test_a_menu_change_shows_on_every_page(client, story, committed):
    library = LibraryIndexPage.objects.get(locale__language_code="en-gb")
    assert library.show_in_menus
    cached(client, "/")
    cached(client, story.url)
    library.title = "Resources and training"
    with committed():
        publish(library)
    for url in ("/", story.url):
        nav = client.get(url).content.decode().split('aria-label="Main"')[1]
        assert "Resources and training" in nav.split("</nav>")[0]


def test_a_snippet_change_shows_on_the_pages_that_show_it(client, demo_site, committed):
    resource = (
        ResourcePage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(topic__isnull=False)
        .first()
    )
    cached(client, resource.url)
    topic = Topic.objects.get(pk=resource.topic_id)
    topic.name = "A topic renamed just now"
    with committed():
        topic.save()
    assert "A topic renamed just now" in client.get(resource.url).content.decode()


def test_a_profile_or_assembly_change_shows_on_who_we_are(client, demo_site, committed):
    url = WhoWeArePage.objects.get(locale__language_code="en-gb").url
    cached(client, url)
    assembly = Assembly.objects.first()
    assembly.name = "An Assembly renamed just now"
    with committed():
        assembly.save()
    assert "An Assembly renamed just now" in client.get(url).content.decode()
    assert client.get(url)[HEADER] == "hit"
    profile = Profile.objects.get(slug="dafydd-pryce")
    profile.display_name = "Dafydd P. Pryce"
    with committed():
        profile.save()
    assert "Dafydd P. Pryce" in client.get(url).content.decode()


def test_a_member_leaving_or_moving_assembly_shows_on_who_we_are(
    client, demo_site, committed
):
    url = WhoWeArePage.objects.get(locale__language_code="en-gb").url
    profile = Profile.objects.get(slug="dafydd-pryce")
    other = Assembly.objects.exclude(pk=profile.assembly_id).first()
    cached(client, url)
    with committed():
        membership_move(user=profile.user, assembly=other, started_on=date.today())
    assert client.get(url)[HEADER] == "miss"
    with committed():
        person_deactivate(user=profile.user, ended_on=date(2024, 1, 31))
    past = client.get(url).content.decode().split("Past members")[1]
    assert "Dafydd Pryce" in past


def test_a_document_change_shows_on_the_page_linking_it(client, demo_site, committed):
    resource = (
        ResourcePage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(document__isnull=False)
        .first()
    )
    cached(client, resource.url)
    document = get_document_model().objects.get(pk=resource.document_id)
    document.title = "A document renamed just now"
    with committed():
        document.save()
    assert "A document renamed just now" in client.get(resource.url).content.decode()


def test_a_media_change_shows_on_the_page_playing_it(client, demo_site, committed):
    story = (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(media__isnull=False)
        .first()
    )
    cached(client, story.url)
    media = story.media
    media.title = "A video renamed just now"
    with committed():
        media.save()
    assert "A video renamed just now" in client.get(story.url).content.decode()


def test_an_image_change_renders_the_page_again(client, story, committed):
    cached(client, story.url)
    image = get_image_model().objects.get(pk=story.hero_image_id)
    image.title = "A photo renamed just now"
    with committed():
        image.save()
    assert client.get(story.url)[HEADER] == "miss"


def test_a_site_setting_change_renders_pages_again(client, story, committed):
    cached(client, story.url)
    with committed():
        ContactSettings.objects.first().save()
    assert client.get(story.url)[HEADER] == "miss"


def test_a_signed_in_persons_own_changes_do_not_purge(client, story, committed):
    cached(client, story.url)
    with committed():
        sign_in(client, "member@example.org")
        client.get("/members/")
    client.logout()
    client.cookies.clear()
    assert client.get(story.url)[HEADER] == "hit"


# Outage


def test_a_cache_outage_renders_pages_and_never_errors(client, story, settings):
    settings.CACHES = caches_at(free_port())
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 200
        assert response[HEADER] == "pass"


def test_on_redis_pages_are_kept_purged_and_survive_an_outage(
    client,
    story,
    settings,
    redis_server,  # noqa: F811 (the fixture imported above)
    committed,
):
    settings.CACHES = caches_at(redis_server.port)
    cached(client, story.url)
    cached(client, "/search/?q=support")
    story.title = "Changed while on Redis"
    with committed():
        publish(story)
    assert "Changed while on Redis" in client.get(story.url).content.decode()
    assert client.get(story.url)[HEADER] == "hit"

    redis_server.stop()
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 200
        assert response[HEADER] == "pass"

    redis_server.start()  # empty: nothing saved to disk
    cached(client, story.url)
