"""Factories for core's models: images (for the blocks that need one) and
the Easy Read page any page may hold. Imports no other project app."""

import factory
import wagtail_factories
from wagtail.models import Page

from .models import EasyReadPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = "A person reading a leaflet"


class EasyReadPageFactory(wagtail_factories.PageFactory):
    """The Easy Read version of `original` (by default the page it is made
    under): one point with a picture and its description."""

    class Meta:
        model = EasyReadPage

    title = "Easy Read"
    original = factory.LazyAttribute(
        lambda o: o.parent.specific if o.parent else Page.get_first_root_node()
    )
    points = factory.LazyFunction(
        lambda: [
            (
                "point",
                {
                    "image": ImageFactory(),
                    "alt_text": "A person reading",
                    "text": "This page tells you what we do.",
                },
            )
        ]
    )
