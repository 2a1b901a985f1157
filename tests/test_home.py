"""The home page, the shell every page shares, and the error pages."""

import re

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.test.utils.page_tests import WagtailPageTestCase

from core.models import EasyReadPage
from home.models import GeneralPage, HomePage
from impact.models import WhatWeDidPage
from library.models import LibraryIndexPage
from members.models import WhoWeArePage
from networks.models import NetworksPage
from projects.models import ProjectsPage
from stories.models import StoryIndexPage
from tests.people import sign_in

pytestmark = pytest.mark.django_db


class TestHomePage(WagtailPageTestCase):
    def setUp(self):
        from demo.services import demo_content_load

        demo_content_load()
        self.home = HomePage.objects.get(locale__language_code="en-gb")

    def test_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StoryIndexPage,
                LibraryIndexPage,
                WhoWeArePage,
                WhatWeDidPage,
                NetworksPage,
                ProjectsPage,
                EasyReadPage,
                GeneralPage,
            },
        )

    def test_renders_previews_and_edits(self):
        self.assertPageIsRenderable(self.home)
        form_data = nested_form_data(
            {
                "title": self.home.title,
                "slug": self.home.slug,
                "introduction": "Changed by an editor",
                "body": streamfield([("heading", {"text": "News", "level": "h2"})]),
            }
        )
        self.assertPageIsPreviewable(self.home, post_data=form_data)
        self.assertPageIsEditable(self.home, post_data=form_data)


def test_home_page_is_the_site_root_with_the_report_s_content(client, demo_site):
    response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("<h1") == 1
    assert "about having a life" in content
    assert "Reciprocity" in content
    assert "83%" in content


def test_the_shell_has_skip_link_landmarks_and_language(client, demo_site):
    content = client.get("/").content.decode()
    assert '<html lang="en-GB"' in content
    body = content[content.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#main-content"' in first_link
    assert '<main id="main-content" tabindex="-1"' in content
    for landmark in ("<header", "<nav", "<footer"):
        assert landmark in content


def test_tota11y_appears_in_previews_only(client, demo_site):
    preview = demo_site.make_preview_request()
    assert "tota11y.min.js" in preview.content.decode()
    assert "tota11y.min.js" not in client.get("/").content.decode()


def test_editors_get_wagtail_s_accessibility_checker_in_the_user_bar(client, demo_site):
    sign_in(client, "admin@example.org")
    content = client.get("/").content.decode()
    assert "wagtail-userbar" in content
    # Wagtail 8 calls its axe-based accessibility checker "Checks".
    assert 'id="checker-trigger"' in content
    assert 'id="checker-axe-configuration"' in content


def test_unknown_addresses_get_the_designed_404_page(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "<h1>Page not found</h1>" in content
    assert 'href="#main-content"' in content


def test_the_500_page_renders_in_the_site_design_without_a_request_context():
    response = server_error(RequestFactory().get("/"))
    content = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong" in content
    assert "/static/css/site.css" in content


def test_public_pages_may_be_framed_only_by_the_site_itself(client, demo_site):
    response = client.get("/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
