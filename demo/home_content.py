"""The home page's demo content, drawn from the group's public annual report."""

from wagtail.models import Page, Site

from home.factories import HomePageFactory
from home.models import HomePage

INTRODUCTION = (
    "We are ten people from all four nations of the UK. Some of us draw on "
    "care and support. Some of us are unpaid carers. We work with the charity "
    "as equals to make adult social care better."
)

BODY = [
    {
        "type": "quote",
        "value": {
            "quote": "Good support isn't just about 'services' – "
            "it's about having a life.",
            "attribution": "Our vision",
        },
    },
    {"type": "heading", "value": {"text": "Who we are", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>Each of us belongs to one of five Assemblies:</p>"
            "<ul>"
            "<li>England South &amp; West Midlands</li>"
            "<li>England North &amp; East Midlands</li>"
            "<li>Northern Ireland</li>"
            "<li>Scotland</li>"
            "<li>Wales</li>"
            "</ul>"
            "<p>Each Assembly meets twice a year. We say what matters most and "
            "help plan the work.</p>"
            "<p>Our engagement lead works with us every week.</p>"
        ),
    },
    {
        "type": "cards",
        "value": {
            "heading": "Our values",
            "cards": [
                {
                    "title": "Equality",
                    "text": "What each of us has lived through counts the "
                    "same, whatever our role.",
                },
                {
                    "title": "Diversity",
                    "text": "We bring many kinds of life, and we keep asking "
                    "who is missing.",
                },
                {
                    "title": "Accessibility",
                    "text": "Everyone can take part. Everyone can follow what "
                    "is said, and be heard.",
                },
                {
                    "title": "Reciprocity",
                    "text": "We give our time and what we know. We are paid "
                    "for it, and thanked for it.",
                },
            ],
        },
    },
    {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>In 2023 we met more than eight times to work and learn together. "
            "We did 83% more paid work than the year before. "
            "We took part in every area of work. For example:</p>"
            "<ul>"
            "<li>how to make working together part of every job</li>"
            "<li>clear words and pictures, and the new website</li>"
            "<li>how to tell if our work makes a difference</li>"
            "<li>choosing new staff: seven of us sat on interview panels</li>"
            "<li>welcome packs for new staff about co-production</li>"
            "<li>a day for staff in Stirling about working together</li>"
            "</ul>"
        ),
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "Change your reader settings",
            "text": "Make the text bigger, change the colours or use a font "
            "that is easier to read with dyslexia. We remember your choice.",
            "link_text": "Choose your reader settings",
            "external_url": "/reader-settings/",
        },
    },
]


def home_page_load() -> HomePage:
    """Fill the home page once; an editor's later changes are never overwritten."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale__language_code="en-gb").first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = HomePageFactory(
            parent=root,
            title="Co-production Hub",
            slug="home",
            introduction=INTRODUCTION,
        )
    if site is None:
        site = Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if not home.body:
        home.title = "Co-production Hub"
        home.introduction = INTRODUCTION
        home.body = BODY
        home.save_revision().publish()
    return home
