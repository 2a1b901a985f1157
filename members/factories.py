import factory
from django.contrib.auth.models import Group

from .models import User


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
