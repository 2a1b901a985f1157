"""Library topics in Welsh (issue 21): a translatable snippet the lead
translates with wagtail-localize; Welsh pages show the Welsh name, English
pages the English one, and an untranslated topic keeps its English name."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from library.factories import TopicFactory
from library.models import LibraryIndexPage, ResourcePage, Topic
from library.selectors import topics_in
from tests.people import sign_in
from tests.test_welsh_locales import welsh

pytestmark = pytest.mark.django_db

LEAD = "lead@example.org"


@pytest.fixture
def cy(demo_site):
    return Locale.objects.get(language_code="cy")


def translate_topic(client, topic, cy, welsh_name):
    """As the lead does it: "Translate" on the topic, then its one segment."""
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["library", "topic", topic.pk],
        ),
        {"locales": [cy.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=topic.translation_key, target_locale=cy
    )
    (segment,) = StringSegment.objects.filter(source=translation.source)
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        urlencode({"value": welsh_name}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    edit = reverse(
        "wagtailsnippets_library_topic:edit", args=[topic.get_translation(cy).pk]
    )
    assert client.post(edit, {"action": "publish"}).status_code == 302
    return topic.get_translation(cy)


def test_existing_topics_became_english_with_their_own_translation_keys(demo_site):
    topics = list(Topic.objects.all())
    assert topics
    assert {topic.locale.language_code for topic in topics} == {"en-gb"}
    assert len({topic.translation_key for topic in topics}) == len(topics)


def test_the_lead_translates_a_topic_and_it_keeps_its_slug(client, cy):
    sign_in(client, LEAD)
    topic = Topic.objects.get(slug="evidence")
    welsh_topic = translate_topic(client, topic, cy, "Tystiolaeth")
    assert welsh_topic.name == "Tystiolaeth"
    assert welsh_topic.slug == "evidence"
    topic.refresh_from_db()
    assert topic.name == "Evidence"


def test_a_name_is_unique_in_its_own_language_only(cy):
    english = Topic.objects.get(slug="evidence")
    english.copy_for_translation(cy).save()  # the same name, in Welsh: allowed
    assert Topic.objects.filter(slug="evidence").count() == 2
    # The factory finds the English one, as the demo and tests expect.
    assert TopicFactory(name="Evidence", slug="evidence") == english


def test_welsh_pages_show_welsh_topics_and_english_pages_english(client, cy):
    lead = client.__class__()
    sign_in(lead, LEAD)
    translate_topic(lead, Topic.objects.get(slug="evidence"), cy, "Tystiolaeth")
    english_library = LibraryIndexPage.objects.get(locale__language_code="en-gb")
    welsh_library = welsh(english_library)

    welsh_page = client.get(welsh_library.url).content.decode()
    assert "Tystiolaeth" in welsh_page
    assert ">Evidence<" not in welsh_page
    # Not translated yet: the English name, rather than nothing.
    assert "Unpaid carers" in welsh_page
    english_page = client.get(english_library.url).content.decode()
    assert "Evidence" in english_page
    assert "Tystiolaeth" not in english_page


def test_a_welsh_resource_shows_its_welsh_topic_and_the_filter_finds_it(client, cy):
    lead = client.__class__()
    sign_in(lead, LEAD)
    translate_topic(lead, Topic.objects.get(slug="evidence"), cy, "Tystiolaeth")
    english_library = LibraryIndexPage.objects.get(locale__language_code="en-gb")
    welsh(english_library)
    resource = ResourcePage.objects.live().filter(topic__slug="evidence").first()
    welsh_resource = welsh(resource)
    # Wagtail's copy keeps the English topic; wagtail-localize's translation
    # points at the Welsh one. Either way the Welsh page reads its topic.
    welsh_resource.topic = resource.topic.get_translation(cy)
    welsh_resource.save_revision().publish()

    page = client.get(welsh_resource.url).content.decode()
    assert "Tystiolaeth" in page
    listing = client.get(welsh_resource.get_parent().url + "?topic=evidence")
    assert listing.status_code == 200
    assert welsh_resource.title in listing.content.decode()
    english_listing = client.get(english_library.url + "?topic=evidence")
    assert resource.title in english_listing.content.decode()
    assert "Tystiolaeth" not in english_listing.content.decode()


def test_topics_in_a_language_take_one_query(cy):
    Topic.objects.get(slug="evidence").copy_for_translation(cy).save()
    with CaptureQueriesContext(connection) as captured:
        names = [topic.locale_id for topic in topics_in(language="cy")]
    assert len(captured.captured_queries) <= 2  # the topics (and locale codes)
    assert names.count(cy.pk) == 1
    assert len(names) == Topic.objects.filter(locale__language_code="en-gb").count()


def statements(client, url) -> int:
    for _ in range(2):  # the first visits fill the generation's memory
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(
        [
            query
            for query in captured.captured_queries
            if not query["sql"].startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))
        ]
    )


def test_welsh_topics_cost_the_library_no_more_statements(client, cy):
    english_library = LibraryIndexPage.objects.get(locale__language_code="en-gb")
    welsh_library = welsh(english_library)
    english_before = statements(client, english_library.url)
    welsh_before = statements(client, welsh_library.url)
    for topic in Topic.objects.all()[:3]:
        topic.copy_for_translation(cy).save()
    assert statements(client, english_library.url) == english_before
    assert statements(client, welsh_library.url) == welsh_before
