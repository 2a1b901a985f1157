"""Invented people for the demo: members in every Assembly, a lead, and two
people who have left. No name here comes from the annual report."""

from datetime import date

from members.factories import MembershipFactory, ProfileFactory
from members.models import Assembly, Membership, Profile, User

from .images import demo_image

PEOPLE = [
    # slug, name, assembly slug, joined, left, linked account, bio
    (
        "morwenna-hale",
        "Morwenna Hale",
        None,
        date(2021, 9, 1),
        None,
        "lead@example.org",
        "I support the group week to week, and make sure members are paid and heard.",
    ),
    (
        "grace-okafor",
        "Grace Okafor",
        "england-south-west-midlands",
        date(2022, 1, 10),
        None,
        None,
        "I draw on care and support and I am passionate about personal "
        "assistants being valued.",
    ),
    (
        "peter-lindqvist",
        "Peter Lindqvist",
        "england-south-west-midlands",
        date(2022, 1, 10),
        None,
        None,
        "A carer for my wife for twenty years. I like plain words and good tea.",
    ),
    (
        "joan-ashby",
        "Joan Ashby",
        "england-north-east-midlands",
        date(2022, 1, 10),
        None,
        None,
        "I care for my son, who has no speech. His views matter as much as mine.",
    ),
    (
        "sam-teale",
        "Sam Teale",
        "england-north-east-midlands",
        date(2022, 6, 1),
        None,
        None,
        "I use a wheelchair and I run a small social enterprise.",
    ),
    (
        "niamh-rafferty",
        "Niamh Rafferty",
        "northern-ireland",
        date(2023, 12, 14),
        None,
        "member2@example.org",
        "New to the group in 2023. I care for my mum and work part time.",
    ),
    (
        "colm-brennan",
        "Colm Brennan",
        "northern-ireland",
        date(2023, 12, 14),
        None,
        "member3@example.org",
        "I have lived experience of mental health support and I love podcasts.",
    ),
    (
        "eilidh-munro",
        "Eilidh Munro",
        "scotland",
        date(2022, 1, 10),
        None,
        None,
        "I helped design and deliver the away day in Stirling.",
    ),
    (
        "fraser-doig",
        "Fraser Doig",
        "scotland",
        date(2022, 3, 1),
        None,
        None,
        "I am autistic and I care about recruitment being fair.",
    ),
    (
        "dafydd-pryce",
        "Dafydd Pryce",
        "wales",
        date(2022, 1, 10),
        None,
        "member@example.org",
        "A carer from Powys. I took part in a video for Carers Week.",
    ),
    (
        "seren-hughes",
        "Seren Hughes",
        "wales",
        date(2022, 1, 10),
        None,
        "member4@example.org",
        "I draw on support at home and I speak Welsh and English.",
    ),
    (
        "maeve-donnelly",
        "Maeve Donnelly",
        "northern-ireland",
        date(2022, 1, 10),
        date(2023, 11, 30),
        None,
        "I moved on to a facilitator role, bringing lived experience with me.",
    ),
    (
        "roisin-carr",
        "Róisín Carr",
        "northern-ireland",
        date(2022, 1, 10),
        date(2023, 11, 30),
        None,
        "I co-produced our first planning meeting.",
    ),
]


def profiles_load() -> dict[str, Profile]:
    """One profile per invented person; a second run changes nothing."""
    assemblies = {a.slug: a for a in Assembly.objects.all()}
    profiles = {}
    for seed, (slug, name, assembly, joined, left, email, bio) in enumerate(PEOPLE):
        profile = Profile.objects.filter(slug=slug).first()
        if profile is None:
            photo = demo_image(title=f"Portrait: {name}", seed=seed, size=(480, 480))
            profile = ProfileFactory(
                slug=slug,
                display_name=name,
                role=(
                    Profile.Role.ENGAGEMENT_LEAD
                    if assembly is None
                    else Profile.Role.MEMBER
                ),
                assembly=assemblies.get(assembly),
                user=User.objects.filter(email=email).first() if email else None,
                photo=photo,
                photo_alt=f"An abstract pattern chosen by {name.split()[0]}",
                bio=bio,
                joined_on=joined,
                left_on=left,
                # One member chose not to be on the public page.
                publish_on_site=slug != "fraser-doig",
                publish_photo=slug not in ("fraser-doig", "sam-teale"),
            )
        if (
            profile.user
            and profile.assembly
            and not Membership.objects.filter(user=profile.user).exists()
        ):
            MembershipFactory(
                user=profile.user,
                assembly=profile.assembly,
                started_on=joined,
                ended_on=left,
            )
        profiles[slug] = profile
    return profiles
