"""Factories for people: a bare account (UserFactory) and a person with a
role, profile and (for members) an Assembly, made the way the site makes
them (services.person_join); a profile and a spell in an Assembly on their
own, for people who never sign in or who have left; skills and supporters.
Also the Who we are page. Imports only members' own models and services."""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from .models import Assembly, Membership, Profile, Skill, Support, User, WhoWeArePage
from .services import person_join


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("coproduction")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """UserFactory(groups=["Members"]) puts the person in those role groups."""
        if create and extracted:
            self.groups.add(
                *(Group.objects.get_or_create(name=n)[0] for n in extracted)
            )


class AssemblyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assembly
        django_get_or_create = ("name",)

    name = "North West Assembly"
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    nation = "england"


class PersonFactory(factory.Factory):
    """Someone who has joined with a role: PersonFactory() is a member of an
    Assembly; PersonFactory(lead=True), (staff=True) or (supporter=True) give
    the other roles, with no Assembly."""

    class Meta:
        model = User

    class Params:
        lead = factory.Trait(role=Profile.Role.ENGAGEMENT_LEAD, assembly=None)
        staff = factory.Trait(role=Profile.Role.STAFF, assembly=None)
        supporter = factory.Trait(role=Profile.Role.SUPPORTER, assembly=None)

    email = factory.Sequence(lambda n: f"joined{n}@example.org")
    password = "coproduction"
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    role = Profile.Role.MEMBER
    assembly = factory.SubFactory(AssemblyFactory)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("A person joins through person_join: use create.")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return person_join(**kwargs)


class ProfileFactory(factory.django.DjangoModelFactory):
    """A member's profile with no account: someone shown on Who we are who
    never signs in, or who has left. People who sign in get theirs when they
    join (PersonFactory)."""

    class Meta:
        model = Profile

    display_name = factory.Sequence(lambda n: f"Alex Morgan {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.display_name))
    role = Profile.Role.MEMBER
    assembly = factory.SubFactory(AssemblyFactory)
    joined_on = factory.LazyFunction(timezone.localdate)


class MembershipFactory(factory.django.DjangoModelFactory):
    """A spell in an Assembly, from today."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, groups=["Members"])
    assembly = factory.SubFactory(AssemblyFactory)
    started_on = factory.LazyFunction(timezone.localdate)


class SkillFactory(factory.django.DjangoModelFactory):
    """A skill on the shared list (one per name: an existing one is reused)."""

    class Meta:
        model = Skill
        django_get_or_create = ("name",)

    name = "Chairing meetings"


class SupportFactory(factory.django.DjangoModelFactory):
    """A supporter who agreed to act for a member."""

    class Meta:
        model = Support

    member = factory.SubFactory(UserFactory, groups=["Members"])
    supporter = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda o: str(o.supporter))
    email = factory.SelfAttribute("supporter.email")
    accepted_at = factory.LazyFunction(timezone.now)


class WhoWeArePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WhoWeArePage

    title = "Who we are"
