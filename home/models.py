from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from core.blocks import CONTENT_BLOCKS
from core.content_checks import content_report
from core.routing import ServedFromCache, route_from


class HomePage(ServedFromCache, Page):
    introduction = models.TextField(
        blank=True,
        help_text="One or two sentences under the title: who we are, in plain words.",
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
        "core.EasyReadPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def content_report(self):
        return content_report(body=self.body, summary=self.introduction)

    def route(self, request, path_components):
        # Every page of the site is routed from here, in two queries.
        return route_from(self, request, path_components)
