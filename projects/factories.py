"""Factories for projects, their updates and who follows them. Tests and
the demo build on them; they import only models and the factories of the
apps below."""

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from members.factories import UserFactory
from opportunities.factories import WorkstreamFactory

from .models import Project, ProjectFollow, ProjectsPage, ProjectUpdate


class ProjectFactory(factory.django.DjangoModelFactory):
    """A members'-area project; ProjectFactory(opportunities=[...],
    meetings=[...]) links work to it."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Project {n + 1}")
    slug = factory.LazyAttribute(lambda project: slugify(project.name))
    workstream = factory.SubFactory(WorkstreamFactory)
    purpose = "To make the service easier to use for people who draw on care."

    @factory.post_generation
    def opportunities(self, create, extracted, **kwargs):
        if create and extracted:
            self.opportunities.add(*extracted)

    @factory.post_generation
    def meetings(self, create, extracted, **kwargs):
        if create and extracted:
            self.meetings.add(*extracted)


class ProjectUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectUpdate

    project = factory.SubFactory(ProjectFactory)
    text = "The first panel met this week; the next is in a month."
    written_by = factory.SubFactory(UserFactory)
    written_by_name = factory.LazyAttribute(lambda update: str(update.written_by))
    posted_at = factory.LazyFunction(timezone.now)


class ProjectFollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectFollow

    person = factory.SubFactory(UserFactory)
    project = factory.SubFactory(ProjectFactory)


class ProjectsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectsPage

    title = "What we are working on"
