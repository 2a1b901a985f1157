"""Easy Read versions of the home page and two stories."""

from core.factories import EasyReadPageFactory
from core.models import EasyReadPage
from stories.models import StoryPage

from .images import demo_image

EASY_READ = {
    "home": (
        "About us: Easy Read",
        [
            "We are a group of 10 people.",
            "We know about care and support from our own lives.",
            "Some of us are carers. We look after someone we love.",
            "We come from England, Northern Ireland, Scotland and Wales.",
            "We help make social care better. We are paid for our time.",
        ],
    ),
    "seven-of-us-sat-on-interview-panels": (
        "Interview panels: Easy Read",
        [
            "We had training about how staff get new jobs.",
            "7 of us helped to choose new staff.",
            "We asked questions at the interviews.",
            "We said it went well.",
        ],
    ),
    "co-designing-the-staff-away-day-in-stirling": (
        "Our away day in Stirling: Easy Read",
        [
            "We had an idea in 2022.",
            "The leaders said yes to our idea.",
            "We planned a day for staff in Stirling.",
            "2 of us from Scotland ran the day.",
        ],
    ),
}


def easy_read_load(home) -> None:
    originals = {"home": home}
    originals.update(
        {story.slug: story for story in StoryPage.objects.filter(slug__in=EASY_READ)}
    )
    for key, (title, points) in EASY_READ.items():
        original = originals.get(key)
        if original is None or EasyReadPage.objects.filter(original=original).exists():
            continue
        parent = home if key == "home" else original.get_parent()
        page = EasyReadPageFactory(
            parent=parent,
            title=title,
            slug=f"easy-read-{'about-us' if key == 'home' else key}"[:80],
            original=original,
            points=[
                {
                    "type": "point",
                    "value": {
                        "image": demo_image(
                            title=f"Easy Read picture {n}", seed=40 + n, size=(400, 400)
                        ).pk,
                        "alt_text": "An illustration of coloured circles",
                        "text": text,
                    },
                }
                for n, text in enumerate(points)
            ],
        )
        page.save_revision().publish()
