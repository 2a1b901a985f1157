"""The demo accounts. Every person here is invented."""

from base64 import b32decode

from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_step import DEMO_TOTP_SECRET
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
        # Paused: caring for a relative after a hospital stay.
        "email": "member3@example.org",
        "first_name": "Colm",
        "last_name": "Brennan",
        "groups": [roles.MEMBERS],
    },
    {
        # Reads the members' area, notifications and emails in Welsh.
        "email": "member4@example.org",
        "first_name": "Seren",
        "last_name": "Hughes",
        "language": "cy",
        "groups": [roles.MEMBERS],
    },
    {
        # Niamh's supporter: acts for her, with her own login.
        "email": "supporter@example.org",
        "first_name": "Aoife",
        "last_name": "Rafferty",
        "groups": [],
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
        if roles.must_use_two_step(user):
            demo_authenticator_load(user)
        people.append(user)
    return people


def demo_authenticator_load(user: User) -> None:
    """The demo lead and administrator need two-step sign-in: both get the
    one published secret (README, `make run`), so anyone trying the demo can
    add it to an authenticator app or run `oathtool --totp -b SECRET`."""
    if not TOTPDevice.objects.filter(user=user).exists():
        TOTPDevice.objects.create(
            user=user,
            name="Demo authenticator",
            key=b32decode(DEMO_TOTP_SECRET).hex(),
            confirmed=True,
        )


def contact_details_load() -> None:
    """Who to ask for help: the demo lead, on an Ofcom drama number."""
    from wagtail.models import Site

    from core.models import ContactSettings

    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    if not contact.help_email:
        contact.help_name = "Morwenna, our engagement lead"
        contact.help_email = "lead@example.org"
        contact.help_phone = "0117 496 0123"
        contact.help_hours = "She answers Monday to Thursday, 9am to 5pm"
        contact.save()
