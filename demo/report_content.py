"""The 2023 annual report's own words for the demo: the introduction, the
priorities for 2024 and an Easy Read summary, as the lead would write them
on the report's words screen. Drawn from the public report's wording, with
no figure typed: the report works each one out from the records."""

from impact.factories import ReportYearFactory
from impact.models import ReportYear
from members.models import User


def _paragraphs(*lines: str) -> str:
    """Paragraphs as the lead types them: a blank line between each."""
    return "\n\n".join(lines)


INTRODUCTION = _paragraphs(
    "This report tells the story of the Co-production Advisory Group in "
    "2023: what we did, what we were asked, and what changed because of it.",
    "Our vision is: \"Good support isn't just about services. It's about "
    'having a life."',
    "Our values are equality, diversity, accessibility and reciprocity.",
)
PRIORITIES = _paragraphs(
    "Set up a formal way for staff to ask for the group's input.",
    "Give the group its own space to talk with staff.",
    "Write a team CV, so staff know the skills of the group.",
    "Make payments for our time faster and simpler.",
    "Find a better way to measure the value of the group, and use it to "
    "tell people about our work.",
    "Offer paid work on a regular, planned basis, and for longer pieces of "
    "work, not only one-off meetings.",
)
EASY_READ = _paragraphs(
    "This is about what our group did in 2023.",
    "We met many times. Staff asked us questions. We told them what we think.",
    "Staff changed things because of what we said.",
    "We were paid for more work than the year before.",
    "Next year we want staff to ask us in a set way. We want to be paid faster.",
)


def report_words_load() -> None:
    """The 2023 words, once; a second run changes nothing."""
    if ReportYear.objects.filter(year=2023).exists():
        return
    ReportYearFactory(
        year=2023,
        introduction=INTRODUCTION,
        priorities_next_year=PRIORITIES,
        easy_read_summary=EASY_READ,
        changed_by=User.objects.get(email="lead@example.org"),
    )
