"""Stories, the library and general pages in Welsh (issue 21): the words
around the content, and the lists' kept labels read in the reader's language."""

import pytest
from django.utils import translation

from home.models import GeneralPage
from library.models import Audience
from stories.feeds import StoriesFeed
from stories.models import StoryIndexPage
from tests.test_welsh_locales import welsh

pytestmark = pytest.mark.django_db


def test_the_welsh_story_list_has_welsh_filters_and_count(client, demo_site):
    index = welsh(StoryIndexPage.objects.get(locale__language_code="en-gb"))
    html = client.get(index.url).content.decode()
    assert "Math o stori" in html
    assert "Stori fideo" in html  # a kind, from the model's choices
    assert "Tagiau poblogaidd" in html or "Hidlo straeon" in html
    english = client.get(index.get_translation(demo_site.locale).url)
    assert "Kind of story" in english.content.decode()


def test_library_and_page_labels_and_the_feed_title_are_translated():
    with translation.override("cy"):
        assert str(Audience.EVERYONE.label) == "Pawb"
        assert str(GeneralPage._meta.verbose_name) == "tudalen gyffredinol"
        assert str(StoriesFeed.title) == "Hwb Cydgynhyrchu: straeon"
    assert str(Audience.EVERYONE.label) == "Everyone"
