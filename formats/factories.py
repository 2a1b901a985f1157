"""Factories for requests for another format. Imports only formats' own
models."""

import factory

from .models import FormatRequest


class FormatRequestFactory(factory.django.DjangoModelFactory):
    """A visitor asks for a page in Easy Read; not yet answered."""

    class Meta:
        model = FormatRequest

    page_path = "/stories/"
    format = FormatRequest.Format.EASY_READ
    name = "A reader"
    reply_to = factory.Sequence(lambda n: f"reader{n}@example.org")
