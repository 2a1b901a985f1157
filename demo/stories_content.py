"""Demo stories, drawn from the public facts of the group's 2023 report and
told by invented people."""

from datetime import date
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile

from core.models import AccessibleMedia
from home.models import HomePage
from library.factories import LibraryIndexPageFactory
from members.factories import WhoWeArePageFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryIndexPage, StoryPage

from .images import demo_image

FILES = Path(__file__).parent / "files"

VIDEO_TRANSCRIPT = (
    "Dafydd: I have cared for my wife for many years. Nobody gave me a job "
    "description, but I learned on the way.\n\n"
    "Interviewer: What does co-production mean to you?\n\n"
    "Dafydd: It means we plan things together from the start, and we are paid "
    "for our time, like everyone else in the room."
)
AUDIO_TRANSCRIPT = (
    "Colm: Welcome to our co-pro coffee podcast. Today we talk about paid "
    "opportunities.\n\n"
    "Grace: When I know what I will earn in advance, I can plan my week and my "
    "support around it.\n\n"
    "Colm: That is why we asked for opportunities on a regular and planned basis."
)


def _captions(transcript: str) -> str:
    lines = [line for line in transcript.split("\n\n") if line]
    cues = ["WEBVTT", ""]
    for i, line in enumerate(lines):
        cues += [f"00:00:0{i}.000 --> 00:00:0{i + 1}.000", line, ""]
    return "\n".join(cues)


def _media(*, title, filename, kind, transcript) -> AccessibleMedia:
    existing = AccessibleMedia.objects.filter(title=title).first()
    if existing:
        return existing
    media = AccessibleMedia(title=title, type=kind, duration=4, transcript=transcript)
    if kind == "video":
        media.width, media.height = 320, 180
    with open(FILES / filename, "rb") as handle:
        media.file.save(filename, File(handle), save=False)
    media.captions.save(
        f"{Path(filename).stem}.vtt",
        ContentFile(_captions(transcript).encode()),
        save=False,
    )
    media.save()
    return media


STORIES = [
    # title, kind, author slug, date, nation, tags, summary, paragraphs
    (
        "What co-production means to me as a carer",
        "blog",
        "joan-ashby",
        date(2023, 2, 14),
        "england",
        ["carers", "co-production"],
        "Someone told me co-production means 'everyone working together'. "
        "Here is what it came to mean to me.",
        [
            "When I first heard the word co-production, I did not get it. "
            "I saw parents and carers being asked for their views. "
            "I did not see them working side by side with staff.",
            "Joining the group changed that. We are part of the work from the "
            "start, from choosing new staff to running workshops.",
        ],
    ),
    (
        "Seven of us sat on interview panels",
        "blog",
        "fraser-doig",
        date(2023, 4, 20),
        "scotland",
        ["recruitment", "co-production"],
        "We had training on how staff are chosen. Then seven of us sat on "
        "interview panels. We brought our own lived experience to each one.",
        [
            "The training changed how staff are chosen for jobs.",
            "Seven of us went on to sit on panels. We met after to talk about "
            "how it went. We all said it was a good thing to do.",
        ],
    ),
    (
        "Carers Week 2023: a video interview",
        "video",
        "dafydd-pryce",
        date(2023, 6, 5),
        "wales",
        ["carers", "carers-week"],
        "A short video for Carers Week. We talk about caring, and about "
        "being paid for your time.",
        ["Watch the interview, with captions, or read the transcript below."],
    ),
    (
        "Co-designing the staff away day in Stirling",
        "blog",
        "eilidh-munro",
        date(2023, 11, 24),
        "scotland",
        ["away-day", "co-production"],
        "In 2022 we had an idea: a day for staff to learn about co-production. "
        "We planned the day with staff, and we ran it with them too.",
        [
            "We put the idea in our look back at the year. The leaders of the "
            "charity said yes.",
            "Two members from Scotland ran the day with our engagement lead. "
            "A live blog shared it as it went on.",
        ],
    ),
    (
        "Talking about the PA Employment Summit",
        "podcast",
        "grace-okafor",
        date(2023, 12, 8),
        "england",
        ["personal-assistants", "events"],
        "A podcast about the PA Employment Summit in Sheffield. We also talk "
        "about the big picture that an artist drew on the day.",
        ["Listen to the conversation, or read the transcript below."],
    ),
    (
        "Understanding evidence: lived experience counts too",
        "blog",
        "peter-lindqvist",
        date(2023, 6, 13),
        "uk-wide",
        ["evidence"],
        "Research is evidence. So is what staff learn at work, and so is "
        "lived experience. How do we get everyone to agree?",
        [
            "At our second meeting we asked a question. How can we get all kinds "
            "of people to see evidence in this wide way?",
            "We agreed to look hard at the words we use to talk about it.",
        ],
    ),
    (
        "Crowdsourcing sources for an evidence review",
        "blog",
        "seren-hughes",
        date(2023, 8, 2),
        "wales",
        ["evidence", "covid"],
        "Researchers looked at how people coped with change during COVID. "
        "We shared links they would not have found on their own.",
        [
            "Members brought lots of links. They showed many points of view.",
            "One topic for next year's work came straight from a member.",
        ],
    ),
    (
        "Agreeing our work plan for the year",
        "podcast",
        "colm-brennan",
        date(2023, 1, 30),
        "northern-ireland",
        ["planning", "co-production"],
        "A member from Northern Ireland helped plan a meeting. At that "
        "meeting we agreed our plan of work.",
        ["Listen to the conversation, or read the transcript below."],
    ),
    (
        "Welcoming new members from Northern Ireland",
        "video",
        "niamh-rafferty",
        date(2023, 12, 14),
        "northern-ireland",
        ["membership", "development"],
        "In December we met to look back at the year and plan the next one. "
        "We also said hello to two new members.",
        ["Watch the video, with captions, or read the transcript below."],
    ),
    (
        "Workplace culture: positive change for personal assistants",
        "blog",
        "grace-okafor",
        date(2023, 9, 12),
        "england",
        ["personal-assistants"],
        "Many of us employ personal assistants. What makes a good place to "
        "work for them, and what would make it better?",
        [
            "Personal assistants help us live our own lives.",
            "A good job starts with respect, fair pay and time to talk.",
        ],
    ),
    (
        "You said, we heard, we propose",
        "blog",
        "sam-teale",
        date(2023, 10, 18),
        "uk-wide",
        ["reflections", "co-production"],
        "Our Reflections paper now has eleven 'you said, we heard, we "
        "propose, outcome' steps. Here is how it works.",
        [
            "Each one sets out what we heard, what we ask for and what happened.",
            "We know some ideas may not be possible. It still shows us what gets done.",
        ],
    ),
    (
        "Why paid, planned opportunities matter",
        "podcast",
        "colm-brennan",
        date(2024, 1, 22),
        "uk-wide",
        ["payment", "co-production"],
        "A co-pro coffee chat. Why it helps to know what you will earn "
        "before you start.",
        ["Listen to the conversation, or read the transcript below."],
    ),
    (
        "Reaching people through the facilitator projects",
        "video",
        "maeve-donnelly",
        date(2023, 3, 15),
        "northern-ireland",
        ["facilitators"],
        "Our facilitators run projects. How can what they learn reach carers, "
        "and people who draw on care, across the UK?",
        ["Watch the video, with captions, or read the transcript below."],
    ),
]


def _child(parent, page_factory, **fields):
    model = page_factory._meta.model
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing
    page = page_factory(parent=parent, **fields)
    page.save_revision().publish()
    return page


def sections_load(home: HomePage) -> dict:
    stories = _child(
        home,
        StoryIndexPageFactory,
        title="Stories",
        slug="stories",
        show_in_menus=True,
        introduction="Blogs, videos and podcasts by members of the group.",
    )
    library = _child(
        home,
        LibraryIndexPageFactory,
        title="Library",
        slug="library",
        show_in_menus=True,
        introduction="Guides, videos, links and short courses about "
        "co-production, for everyone.",
    )
    who = _child(
        home,
        WhoWeArePageFactory,
        title="Who we are",
        slug="who-we-are",
        show_in_menus=True,
        introduction="We are ten members from five Assemblies in all four "
        "nations of the UK. Our engagement lead supports us.",
    )
    return {"stories": stories, "library": library, "who_we_are": who}


def stories_load(index: StoryIndexPage, profiles: dict) -> None:
    video = _media(
        title="Carers Week interview (demo clip)",
        filename="story-video.webm",
        kind="video",
        transcript=VIDEO_TRANSCRIPT,
    )
    audio = _media(
        title="Co-pro coffee podcast (demo clip)",
        filename="story-audio.ogg",
        kind="audio",
        transcript=AUDIO_TRANSCRIPT,
    )
    for seed, story in enumerate(STORIES):
        title, kind, author, when, nation, tags, summary, paragraphs = story
        slug = title.lower().replace(":", "").replace(",", "").replace(" ", "-")
        if StoryPage.objects.filter(slug=slug).exists():
            continue
        page = StoryPageFactory(
            parent=index,
            title=title,
            slug=slug,
            kind=kind,
            author=profiles[author],
            date=when,
            nation=nation,
            summary=summary,
            hero_image=demo_image(title=f"Picture for: {title}", seed=seed + 20),
            hero_alt="",
            hero_decorative=True,
            media={"video": video, "podcast": audio}.get(kind),
            body=[{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs],
        )
        page.tags.add(*tags)
        page.save_revision().publish()
