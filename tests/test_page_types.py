"""Every page type, through Wagtail's own page-test assertions: it may be
made where the page tree says, it renders, and an editor can open, preview
and publish it. Each type is checked on the demo's own page of that type and
on one made by its factory."""

import pytest
from django.db.models import BooleanField
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail.test.utils.page_tests import WagtailPageTestCase

from core.factories import EasyReadPageFactory, ImageFactory
from core.models import EasyReadPage
from home.factories import GeneralPageFactory, HomePageFactory
from home.models import GeneralPage, HomePage
from impact.factories import WhatWeDidPageFactory
from impact.models import WhatWeDidPage
from library.factories import (
    LibraryIndexPageFactory,
    ResourcePageFactory,
    TrainingStepPageFactory,
)
from library.models import LibraryIndexPage, ResourcePage, TrainingStepPage
from members.factories import WhoWeArePageFactory
from members.models import User, WhoWeArePage
from networks.factories import NetworksPageFactory
from networks.models import NetworksPage
from projects.factories import ProjectsPageFactory
from projects.models import ProjectsPage
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


class PageTypeChecks:
    """The four checks, for one page type. A subclass names the type, the
    types it may be made under, and how its factory makes one."""

    model: type[Page]
    parents: list[type[Page]]

    def made_by_factory(self) -> Page:
        raise NotImplementedError

    def stream_content(self) -> dict:
        """One simple block for each StreamField of the type, as an editor
        would post it."""
        return {"body": [("paragraph", rich_text("<p>Changed by an editor.</p>"))]}

    def edit_form_data(self, page: Page) -> dict:
        """What the page's edit form posts, read from its HTML, with the
        StreamFields filled in by stream_content(): Wagtail draws those with
        JavaScript, so the HTML alone does not carry them. The title is
        changed, so a published edit can be seen."""
        if not hasattr(self, "_editor"):
            self._editor = self.create_superuser("page-types-editor")
        self.client.force_login(self._editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        form = querydict_from_html(
            self.client.get(edit_url).content.decode(), form_id="page-edit-form"
        )
        self.client.logout()
        streams = self.stream_content()
        data = {
            key: form.getlist(key)
            for key in form
            if not any(key.startswith(f"{name}-") for name in streams)
        }
        for field in page._meta.get_fields():
            # A ticked box with no value attribute is read as "": post "on",
            # as a browser does.
            if isinstance(field, BooleanField) and data.get(field.name) == [""]:
                data[field.name] = ["on"]
        data["title"] = f"{page.title} (edited)"
        return data | nested_form_data(
            {name: streamfield(blocks) for name, blocks in streams.items()}
        )

    def demo_page(self) -> Page:
        page = self.model.objects.live().first()
        self.assertIsNotNone(page, f"The demo has no {self.model.__name__}")
        return page

    def test_can_be_made_where_the_page_tree_says(self):
        for parent in self.parents:
            self.assertCanCreateAt(parent, self.model)
        self.assertAllowedParentPageTypes(self.model, set(self.parents))

    def test_the_demo_page_renders(self):
        self.assertPageIsRenderable(self.demo_page())

    def test_the_demo_page_is_editable(self):
        page = self.demo_page()
        data = self.edit_form_data(page) | {"action-publish": "action-publish"}
        self.assertPageIsEditable(page, post_data=data)
        # assertPageIsEditable saves the page as it was afterwards; the
        # editor's published revision stays.
        published = page.revisions.order_by("-created_at", "-pk").first()
        self.assertEqual(published.content["title"], data["title"])

    def test_the_demo_page_is_previewable(self):
        page = self.demo_page()
        self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))

    def test_a_page_made_by_the_factory_renders_and_previews(self):
        page = self.made_by_factory()
        self.assertIsInstance(page, self.model)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))


def home() -> HomePage:
    return HomePage.objects.get(locale__language_code="en-gb")


class TestHomePage(PageTypeChecks, WagtailPageTestCase):
    model = HomePage
    parents = [Page]

    def made_by_factory(self):
        # A second site root, beside the demo's (the home page is one a site).
        return HomePageFactory(parent=Page.get_first_root_node(), slug="another")

    def test_a_page_made_by_the_factory_renders_and_previews(self):
        # Only the site's own root is served; a second one can still be
        # previewed by an editor.
        page = self.made_by_factory()
        self.assertIsInstance(page, HomePage)
        self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))


class TestStoryIndexPage(PageTypeChecks, WagtailPageTestCase):
    model = StoryIndexPage
    parents = [HomePage]

    def made_by_factory(self):
        return StoryIndexPageFactory(parent=home(), slug="more-stories")


class TestStoryPage(PageTypeChecks, WagtailPageTestCase):
    model = StoryPage
    parents = [StoryIndexPage]

    def made_by_factory(self):
        return StoryPageFactory(
            parent=StoryIndexPage.objects.get(locale__language_code="en-gb")
        )


class TestLibraryIndexPage(PageTypeChecks, WagtailPageTestCase):
    model = LibraryIndexPage
    parents = [HomePage]

    def made_by_factory(self):
        return LibraryIndexPageFactory(parent=home(), slug="more-resources")


class TestResourcePage(PageTypeChecks, WagtailPageTestCase):
    model = ResourcePage
    parents = [LibraryIndexPage]

    def made_by_factory(self):
        return ResourcePageFactory(
            parent=LibraryIndexPage.objects.get(locale__language_code="en-gb")
        )


class TestTrainingStepPage(PageTypeChecks, WagtailPageTestCase):
    model = TrainingStepPage
    parents = [ResourcePage]

    def made_by_factory(self):
        course = ResourcePageFactory(
            parent=LibraryIndexPage.objects.get(locale__language_code="en-gb"),
            training=True,
        )
        return TrainingStepPageFactory(parent=course)


class TestWhoWeArePage(PageTypeChecks, WagtailPageTestCase):
    model = WhoWeArePage
    parents = [HomePage]

    def made_by_factory(self):
        return WhoWeArePageFactory(parent=home(), slug="who-we-are-too")


class TestWhatWeDidPage(PageTypeChecks, WagtailPageTestCase):
    model = WhatWeDidPage
    parents = [HomePage]

    def made_by_factory(self):
        return WhatWeDidPageFactory(parent=home(), slug="what-we-did-too")


class TestProjectsPage(PageTypeChecks, WagtailPageTestCase):
    model = ProjectsPage
    parents = [HomePage]

    def made_by_factory(self):
        return ProjectsPageFactory(parent=home(), slug="what-we-are-working-on-too")


class TestGeneralPage(PageTypeChecks, WagtailPageTestCase):
    model = GeneralPage
    parents = [HomePage, GeneralPage]

    def made_by_factory(self):
        return GeneralPageFactory(parent=home(), slug="about-this-website")

    def test_an_administrator_adds_one_under_the_home_page(self):
        # The demo's administrator: the engagement lead may add pages only
        # in the stories and library sections.
        self.client.force_login(User.objects.get(email="admin@example.org"))
        self.assertCanCreate(
            home(),
            GeneralPage,
            nested_form_data(
                {
                    "title": "Easy to read words",
                    "slug": "easy-to-read-words",
                    "summary": "How we write so everyone can follow.",
                    "last_reviewed": "2026-11-20",
                    "body": streamfield(
                        [("heading", {"text": "Short sentences", "level": "h2"})]
                    ),
                    "action-publish": "publish",
                }
            ),
        )
        page = GeneralPage.objects.get(slug="easy-to-read-words")
        response = self.client.get(page.url)
        self.assertContains(response, "Short sentences")
        self.assertContains(
            response, '<time datetime="2026-11-20">20 November 2026</time>', html=True
        )


class TestNetworksPage(PageTypeChecks, WagtailPageTestCase):
    model = NetworksPage
    parents = [HomePage]

    def made_by_factory(self):
        return NetworksPageFactory(parent=home(), slug="networks-too")


class TestEasyReadPage(PageTypeChecks, WagtailPageTestCase):
    model = EasyReadPage
    # Page: EasyReadPage leaves parent_page_types open, so the tree's root
    # allows it too; the feature pages each list it in subpage_types.
    parents = [Page, HomePage, StoryIndexPage, LibraryIndexPage, GeneralPage]

    def stream_content(self):
        image = ImageFactory()
        point = {"image": image.pk, "alt_text": "A person reading", "text": "Hello."}
        return {"points": [("point", point)]}

    def made_by_factory(self):
        return EasyReadPageFactory(
            parent=StoryIndexPage.objects.get(locale__language_code="en-gb")
        )
