"""Factories for the library: its index, resources, topics and the steps of
a training course. May import core and members."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from .models import Audience, LibraryIndexPage, ResourcePage, Topic, TrainingStepPage


def _paragraph(text: str):
    return factory.LazyFunction(lambda: [("paragraph", RichText(f"<p>{text}</p>"))])


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name", "locale")

    name = "Carers' rights"
    locale = factory.LazyFunction(Locale.get_default)
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class LibraryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LibraryIndexPage

    title = "Library"
    introduction = "Guides, videos and training made with members."


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A link to a guide elsewhere, for everyone. ResourcePageFactory(
    training=True) is a training course, whose steps are its child pages."""

    class Meta:
        model = ResourcePage

    class Params:
        training = factory.Trait(
            resource_type=ResourcePage.Type.TRAINING, external_url=""
        )

    title = factory.Sequence(lambda n: f"A guide to carers' assessments ({n})")
    resource_type = ResourcePage.Type.LINK
    external_url = "https://www.gov.uk/carers-assessment"
    summary = "What a carer's assessment is and how to ask for one."
    topic = factory.SubFactory(TopicFactory)
    audience = Audience.EVERYONE
    body = _paragraph("You have a right to an assessment of your own needs.")


class TrainingStepPageFactory(wagtail_factories.PageFactory):
    """One step of a training course (a course is a resource page)."""

    class Meta:
        model = TrainingStepPage

    title = factory.Sequence(lambda n: f"Step {n + 1}: what co-production is")
    body = _paragraph("Co-production means working together as equals.")
