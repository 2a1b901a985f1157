from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import CONTENT_BLOCKS
from core.content_checks import content_report
from core.languages import page_language
from core.routing import ServedFromCache, route_from


class HomePage(ServedFromCache, Page):
    introduction = models.TextField(
        blank=True,
        help_text=_(
            "One or two sentences under the title: who we are, in plain words."
        ),
    )
    body = StreamField(CONTENT_BLOCKS, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "library.LibraryIndexPage",
        "members.WhoWeArePage",
        "impact.WhatWeDidPage",
        "networks.NetworksPage",
        "projects.ProjectsPage",
        "core.EasyReadPage",
        "home.GeneralPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def content_report(self):
        return content_report(
            language=page_language(self), body=self.body, summary=self.introduction
        )

    def route(self, request, path_components):
        # Every page of the site is routed from here, in two queries.
        return route_from(self, request, path_components)

    @property
    def localized(self):
        # The site's root page as core.content_generation.root_page_specific
        # keeps it is already in the language in use: Wagtail's routing asks
        # again, a query for the locale on every page.
        if getattr(self, "_kept_for_language", None) == get_language():
            return self
        return super().localized


class GeneralPage(ServedFromCache, Page):
    """A plain page of words an editor adds under the home page (or under
    another general page): an accessibility statement, a privacy notice,
    "About us". The next such page needs no developer."""

    summary = models.TextField(
        help_text=_(
            "One or two sentences under the title: what this page tells the reader."
        ),
    )
    body = StreamField(CONTENT_BLOCKS, blank=True)
    last_reviewed = models.DateField(
        default=timezone.localdate,
        help_text=_(
            "When someone last checked every word is still true. Shown on the page."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]

    parent_page_types = ["home.HomePage", "home.GeneralPage"]
    subpage_types = ["home.GeneralPage", "core.EasyReadPage"]

    class Meta:
        verbose_name = _("general page")

    def content_report(self):
        return content_report(
            language=page_language(self), body=self.body, summary=self.summary
        )
