"""The networks directory: a dozen networks across the four nations (the
organisations are invented, so their links are example.org addresses), one
suggestion waiting for the lead, and the directory page under home."""

from datetime import date

from django.utils.text import slugify

from home.models import HomePage
from networks.factories import NetworkFactory, NetworksPageFactory
from networks.models import Network, NetworksPage

INTRODUCTION = (
    "Co-production and lived experience networks across England, Northern "
    "Ireland, Scotland and Wales. Each one is checked by our engagement "
    "lead at least once a year. Know one we should list? Suggest it."
)

# (name, nations, topics, who it is for, how to join, accessibility, checked)
NETWORKS = [
    (
        "Valleys Voices Network",
        ["wales"],
        ["mental-health", "social-care"],
        "Adults in the South Wales valleys who use, or have used, mental "
        "health or social care services.",
        "Come to a monthly meeting, or phone the coordinator.",
        "Step-free community centres; Welsh and English; travel paid.",
        date(2026, 2, 10),
    ),
    (
        "North Wales Carers Circle",
        ["wales"],
        ["carers"],
        "Unpaid carers of any age, including young carers.",
        "Fill in the short form on their website.",
        "Meetings online with captions, or at a library with a hearing loop.",
        date(2025, 9, 1),
    ),
    (
        "Highlands Lived Experience Panel",
        ["scotland"],
        ["health-research", "older-people"],
        "People in remote and rural Highland communities, who are seldom "
        "asked for their views.",
        "Email the panel; a member rings you back for a chat first.",
        "Phone meetings for people without reliable internet.",
        date(2025, 11, 20),
    ),
    (
        "Glasgow Young Advisers",
        ["scotland"],
        ["young-people", "mental-health"],
        "Young people aged 14 to 25, including care-experienced young people.",
        "Ask a youth worker, or message them through their website.",
        "After-school meetings; food and travel provided.",
        date(2026, 1, 15),
    ),
    (
        "Belfast Community Co-production Forum",
        ["northern-ireland"],
        ["social-care", "housing"],
        "Tenants and people using social care across Belfast.",
        "Come to an open forum: dates are on their website.",
        "Step-free venue; interpreters on request, including Irish Sign Language.",
        date(2025, 10, 5),
    ),
    (
        "Derry and Strabane Disability Network",
        ["northern-ireland"],
        ["disability"],
        "Disabled people and their families in the north west.",
        "Join the mailing list or drop in on a Tuesday.",
        "Easy Read papers; quiet room; personal assistants welcome.",
        date(2024, 6, 30),
    ),
    (
        "North East Experts by Experience",
        ["england"],
        ["mental-health", "health-research"],
        "People with lived experience who want to shape research and "
        "services in the North East.",
        "Register on their website; induction is paid.",
        "Hybrid meetings; materials sent a week before.",
        date(2026, 3, 2),
    ),
    (
        "London Race Equality in Care Group",
        ["england"],
        ["race-equality", "social-care"],
        "People from Black, Asian and minority ethnic communities who use "
        "care services, a group too seldom heard.",
        "Speak to them at a community event or email the group.",
        "Interpreters in several community languages; evening meetings.",
        date(2025, 12, 12),
    ),
    (
        "Gypsy and Traveller Health Voices",
        ["england", "wales"],
        ["health-research"],
        "Gypsy, Roma and Traveller people, who are seldom heard in health "
        "and care planning.",
        "A community worker visits sites; ring or text them.",
        "Meetings on site or by phone; no reading needed.",
        date(2025, 7, 19),
    ),
    (
        "Deaf Co-production Alliance",
        ["england", "northern-ireland", "scotland", "wales"],
        ["disability"],
        "Deaf people who use British or Irish Sign Language.",
        "Send a video message in BSL or ISL, or an email.",
        "Every meeting in sign language, with captions.",
        date(2026, 4, 8),
    ),
    (
        "Four Nations Older People's Forum",
        ["england", "northern-ireland", "scotland", "wales"],
        ["older-people", "housing"],
        "People over 60, including those living alone or in care homes.",
        "Post, phone or email: all three are answered.",
        "Large print papers; phone meetings; carers welcome.",
        date(2025, 8, 22),
    ),
    (
        "Borders Recovery Network",
        ["scotland", "england"],
        ["mental-health"],
        "People in recovery from drug or alcohol use on both sides of the "
        "Scotland and England border.",
        "Drop in to any meeting; no referral needed.",
        "Quiet, step-free venues; online option.",
        date(2023, 5, 14),
    ),
]


def networks_page_load(home: HomePage) -> NetworksPage:
    page = NetworksPage.objects.first()
    if page is None:
        page = NetworksPageFactory(
            parent=home,
            title="Networks across the four nations",
            slug="networks",
            show_in_menus=True,
            introduction=INTRODUCTION,
        )
    return page


def networks_load() -> None:
    """Each network once, and one suggestion waiting; a second run changes
    nothing."""
    for name, nations, topics, who_for, join, access, checked in NETWORKS:
        if Network.objects.filter(name=name).exists():
            continue
        NetworkFactory(
            name=name,
            nations=nations,
            topics=topics,
            who_for=who_for,
            how_to_join=join,
            accessibility=access,
            link=f"https://{slugify(name)}.example.org/",
            last_checked=checked,
        )
    if not Network.objects.filter(name="Mid Ulster Peer Support Group").exists():
        NetworkFactory(
            suggested=True,
            name="Mid Ulster Peer Support Group",
            nations=["northern-ireland"],
            topics=["mental-health"],
            who_for="Men in rural Mid Ulster who find it hard to talk.",
            how_to_join="Turn up on a Thursday evening.",
            accessibility="",
            link="",
            suggested_by_name="Ciarán Doyle",
            suggested_by_email="ciaran.doyle@example.net",
        )
