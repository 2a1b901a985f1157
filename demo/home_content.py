"""The home page's demo content, drawn from the group's public annual report."""

from wagtail.models import Page, Site

from home.models import HomePage

INTRODUCTION = (
    "We are ten people with lived experience of drawing on care and support, "
    "or of unpaid caring, from across the UK's four nations. We work with the "
    "organisation as equals to shape adult social care."
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
            "<p>Our members come from five regional Assemblies: England South "
            "&amp; West Midlands, England North &amp; East Midlands, Northern "
            "Ireland, Scotland and Wales. Each Assembly meets twice a year to "
            "help shape priorities and the work plan.</p>"
            "<p>We are supported by an engagement lead who works alongside us "
            "every week.</p>"
        ),
    },
    {
        "type": "cards",
        "value": {
            "heading": "Our values",
            "cards": [
                {
                    "title": "Equality",
                    "text": "Everyone's experience counts the same, "
                    "whatever their role.",
                },
                {
                    "title": "Diversity",
                    "text": "We bring many kinds of lived experience, and we "
                    "keep asking who is missing.",
                },
                {
                    "title": "Accessibility",
                    "text": "Everyone can take part, understand and be understood.",
                },
                {
                    "title": "Reciprocity",
                    "text": "We give our time and experience, and we are paid "
                    "and valued for it.",
                },
            ],
        },
    },
    {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>In 2023 we held more than eight meetings and development "
            "sessions, and our paid work grew by 83% on the year before. "
            "We worked across every workstream, including:</p>"
            "<ul>"
            "<li>the embedding strategy</li>"
            "<li>accessible communications and the new website</li>"
            "<li>the evaluation strategy</li>"
            "<li>recruitment: seven of us sat on interview panels</li>"
            "<li>induction materials about co-production</li>"
            "<li>the staff away day on co-production in Stirling</li>"
            "</ul>"
        ),
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "Change your reader settings",
            "text": "Make the text bigger, switch to high contrast or use a "
            "dyslexia-friendly font. Your choice is remembered.",
            "link_text": "Choose your reader settings",
            "external_url": "/reader-settings/",
        },
    },
]


def home_page_load() -> HomePage:
    """Fill the home page once; an editor's later changes are never overwritten."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Co-production Hub", slug="home"))
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
