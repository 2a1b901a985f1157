"""The demo accounts. Every person here is invented."""

from django.contrib.auth.models import Group

from members import roles
from members.factories import UserFactory
from members.models import User

DEMO_PASSWORD = "coproduction"

DEMO_ACCOUNTS = [
    {
        "email": "lead@example.org",
        "first_name": "Morwenna",
        "last_name": "Hale",
        "groups": [roles.ENGAGEMENT_LEADS],
        "is_staff": True,
    },
    {
        "email": "member@example.org",
        "first_name": "Dafydd",
        "last_name": "Pryce",
        "groups": [roles.MEMBERS],
    },
    {
        "email": "member2@example.org",
        "first_name": "Niamh",
        "last_name": "Rafferty",
        # An Ofcom drama number: never a real line.
        "phone": "028 9649 6012",
        "groups": [roles.MEMBERS],
    },
    {
        "email": "staff@example.org",
        "first_name": "Tom",
        "last_name": "Whitlock",
        "groups": [roles.STAFF],
    },
    {
        "email": "admin@example.org",
        "first_name": "Site",
        "last_name": "Administrator",
        "groups": [roles.ADMINISTRATORS],
        "is_staff": True,
        "is_superuser": True,
    },
]


def demo_accounts_load() -> list[User]:
    """Create the demo accounts once; a second run changes nothing."""
    for name in roles.ROLE_GROUPS:
        Group.objects.get_or_create(name=name)
    people = []
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            user = UserFactory(
                **account,
                password=DEMO_PASSWORD,
            )
        people.append(user)
    return people
