"""Demo library: documents, videos, links and training courses."""

from datetime import date

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document

from core.models import AccessibleMedia
from library.factories import (
    ResourcePageFactory,
    TopicFactory,
    TrainingStepPageFactory,
)
from library.models import LibraryIndexPage, ResourcePage, TrainingStepPage

TOPICS = [
    "Co-production",
    "Paying people for their time",
    "Recruitment",
    "Evidence",
    "Accessible communication",
    "Unpaid carers",
]


def _pdf(text: str) -> bytes:
    """A one-page PDF with a line of text, built by hand (no extra library)."""
    safe = text.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 14 Tf 72 720 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _document(title: str) -> Document:
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(f"{slugify(title)}.pdf", ContentFile(_pdf(title)), save=False)
    document.save()
    return document


DOCUMENTS = [
    (
        "Our Charter",
        "Co-production",
        "everyone",
        "uk-wide",
        "What we promise each other: how we meet, how we thank people, how we "
        "work as a team and how we meet online.",
    ),
    (
        "Annual report 2023",
        "Co-production",
        "everyone",
        "uk-wide",
        "What the group did in 2023: our meetings, what changed, and what "
        "matters most for 2024.",
    ),
    (
        "Reflections: you said, we heard, we propose",
        "Co-production",
        "practitioners",
        "uk-wide",
        "Eleven steps from what we heard to what happened.",
    ),
    (
        "Co-production induction pack",
        "Co-production",
        "people-and-carers",
        "uk-wide",
        "Everything a new member needs in their first month.",
    ),
    (
        "Paying people for their time: a guide for staff",
        "Paying people for their time",
        "commissioners",
        "uk-wide",
        "How to offer a fee and costs before the work starts, and pay them on time.",
    ),
    (
        "Being on an interview panel",
        "Recruitment",
        "people-and-carers",
        "scotland",
        "What happens when you help choose new staff at an interview.",
    ),
    (
        "What counts as evidence",
        "Evidence",
        "researchers",
        "uk-wide",
        "Research, what staff learn at work, and lived experience: what each "
        "one means.",
    ),
]
LINKS = [
    (
        "SCIE co-production principles",
        "Co-production",
        "everyone",
        "uk-wide",
        "Where our values come from.",
        "https://www.scie.org.uk/co-production/",
    ),
    (
        "Carers Week",
        "Unpaid carers",
        "people-and-carers",
        "uk-wide",
        "The yearly week that celebrates unpaid carers.",
        "https://www.carersweek.org/",
    ),
    (
        "Carers Trust Wales",
        "Unpaid carers",
        "people-and-carers",
        "wales",
        "Support for unpaid carers in Wales.",
        "https://carers.org/wales",
    ),
    (
        "Carers Scotland",
        "Unpaid carers",
        "people-and-carers",
        "scotland",
        "Advice and campaigns for carers in Scotland.",
        "https://www.carersuk.org/scotland/",
    ),
    (
        "Carers NI",
        "Unpaid carers",
        "people-and-carers",
        "northern-ireland",
        "Advice for carers in Northern Ireland.",
        "https://www.carersuk.org/northern-ireland/",
    ),
    (
        "Plain English guidance",
        "Accessible communication",
        "practitioners",
        "uk-wide",
        "How to write so everyone understands.",
        "https://www.plainenglish.co.uk/free-guides.html",
    ),
]
VIDEOS = [
    (
        "What co-production looks like",
        "Co-production",
        "everyone",
        "uk-wide",
        "Members say what co-production means, in their own words.",
    ),
    (
        "Recruitment panels: members' view",
        "Recruitment",
        "practitioners",
        "england",
        "Two panel members talk about taking part.",
    ),
    (
        "Making meetings accessible",
        "Accessible communication",
        "practitioners",
        "uk-wide",
        "Small changes that let everyone take part.",
    ),
    (
        "A carer's day",
        "Unpaid carers",
        "commissioners",
        "northern-ireland",
        "A short film about an ordinary day of caring.",
    ),
]
COURSES = [
    (
        "Co-production in five steps",
        "Co-production",
        "practitioners",
        "uk-wide",
        "A short course for staff starting to work with the group.",
        [
            (
                "Start with the people",
                "Involve people from the beginning, not at the end.",
            ),
            ("Share power", "Decide together. Say what can change and what cannot."),
            ("Pay people", "Say what the fee is before the work. Pay costs fast."),
            ("Make it accessible", "Ask about access needs before every meeting."),
            ("Close the loop", "Tell people what changed because of them."),
        ],
    ),
    (
        "Writing in plain language",
        "Accessible communication",
        "everyone",
        "uk-wide",
        "Write so that everyone can understand, first time.",
        [
            ("Short sentences", "Keep sentences under 20 words."),
            ("Everyday words", "Use the words your reader uses."),
            ("Check it", "Read it aloud, or ask someone to read it."),
        ],
    ),
    (
        "Joining an interview panel",
        "Recruitment",
        "people-and-carers",
        "uk-wide",
        "Get ready to help choose new staff at an interview.",
        [
            ("Before the day", "Read the job description and the questions."),
            ("On the day", "Listen, take notes and ask your question."),
            ("Scoring together", "Share your view; it counts the same as staff's."),
        ],
    ),
    (
        "Understanding evidence",
        "Evidence",
        "researchers",
        "uk-wide",
        "Three kinds of evidence, and how they work together.",
        [
            ("Research", "What studies tell us."),
            ("Practice knowledge", "What people who do the work know."),
            ("Lived experience", "What people who draw on care know."),
        ],
    ),
]


def library_load(index: LibraryIndexPage) -> None:
    topics = {name: TopicFactory(name=name, slug=slugify(name)) for name in TOPICS}
    video = AccessibleMedia.objects.filter(type="video").first()
    reviewed = date(2024, 1, 15)

    def add(title, topic, audience, nation, summary, **fields):
        slug = slugify(title)
        existing = ResourcePage.objects.filter(slug=slug).first()
        if existing:
            return existing
        fields.setdefault("external_url", "")
        page = ResourcePageFactory(
            parent=index,
            title=title,
            slug=slug,
            topic=topics[topic],
            audience=audience,
            nation=nation,
            summary=summary,
            made_by="The Co-production Advisory Group",
            last_reviewed=reviewed,
            body=[],
            **fields,
        )
        page.save_revision().publish()
        return page

    for title, topic, audience, nation, summary in DOCUMENTS:
        add(
            title,
            topic,
            audience,
            nation,
            summary,
            resource_type="document",
            document=_document(title),
        )
    for title, topic, audience, nation, summary, url in LINKS:
        add(
            title,
            topic,
            audience,
            nation,
            summary,
            resource_type="link",
            external_url=url,
        )
    for title, topic, audience, nation, summary in VIDEOS:
        add(title, topic, audience, nation, summary, resource_type="video", media=video)
    for title, topic, audience, nation, summary, steps in COURSES:
        course = add(title, topic, audience, nation, summary, resource_type="training")
        if TrainingStepPage.objects.child_of(course).exists():
            continue
        for step_title, text in steps:
            step = TrainingStepPageFactory(
                parent=course,
                title=step_title,
                slug=slugify(step_title),
                body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
            )
            step.save_revision().publish()
