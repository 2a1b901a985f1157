"""Projects as they happen: two of the report's pieces of work, kept by
staff@ (Rhian, invented like everyone here). The recruitment panels are
public, under "What we are working on", and Dafydd (member@) worked on them
(selected for an interview panel, at the recruitment session), so his
dashboard lists them; the policy and practice roundtables stay in the
members' area."""

from datetime import datetime

from django.utils import timezone

from home.models import HomePage
from impact.models import Meeting
from members.models import User
from opportunities.models import Opportunity, Workstream
from projects.factories import (
    ProjectFactory,
    ProjectsPageFactory,
    ProjectUpdateFactory,
)
from projects.models import Project, ProjectsPage
from projects.services import project_follow, project_update_post

INTRODUCTION = (
    "What the organisation is working on with the Co-production Advisory "
    "Group, and what has happened lately. The group's members shaped each "
    "of these pieces of work."
)

PROJECTS = [
    {
        "name": "Recruitment panels",
        "slug": "recruitment-panels",
        "workstream": "Recruitment processes",
        "purpose": "Members with lived experience sit on the interview panels "
        "that choose new staff, so the people we hire understand what it is "
        "like to draw on care and support.",
        "opportunities": ["Interview panel: Engagement Officer"],
        "meetings": ["Development session 1: recruitment"],
        "public": True,
        # Dafydd follows it: the last update reaches him as he chose.
        "followers": ["member@example.org"],
        "updates": [
            (
                datetime(2023, 4, 3, 10, 0),
                "The recruitment team has changed how it writes interview "
                "questions, after the development session with the group. "
                "Panel members now get the questions two days before.",
            ),
            (
                datetime(2023, 9, 18, 14, 30),
                "Seven members have now sat on interview panels. At the "
                "feedback session they said they felt listened to, and asked "
                "for a short guide for new panel members.",
            ),
            (
                datetime(2024, 1, 22, 11, 0),
                "The short guide for new panel members is ready: ask the "
                "engagement lead for a copy, or for it in another format.",
            ),
        ],
    },
    {
        "name": "Policy and practice roundtables",
        "slug": "policy-and-practice-roundtables",
        "workstream": "Embedding strategy",
        "purpose": "Roundtables where people who make policy and people who "
        "work in social care hear from people with lived experience, and "
        "plan what to change together.",
        "opportunities": [],
        "meetings": ["Meeting 2: understanding evidence"],
        "public": False,
        "updates": [
            (
                datetime(2023, 7, 10, 9, 30),
                "Thank you to the group: the roundtables now focus on lived "
                "experience, on how it reaches policy and practice, and on a "
                "format more people can take part in.",
            ),
            (
                datetime(2023, 11, 6, 15, 0),
                "Two members helped plan the next roundtable. It will be "
                "online, with captions, and papers sent a week before.",
            ),
        ],
    },
]


def projects_page_load(home: HomePage) -> ProjectsPage:
    page = ProjectsPage.objects.first()
    if page is None:
        page = ProjectsPageFactory(
            parent=home,
            title="What we are working on",
            slug="what-we-are-working-on",
            show_in_menus=True,
            introduction=INTRODUCTION,
        )
    return page


def projects_load() -> None:
    """Each project once, with its updates; a second run changes nothing.
    After opportunities and meetings, which they link to."""
    staff = User.objects.get(email="staff@example.org")
    for made in PROJECTS:
        if Project.objects.filter(slug=made["slug"]).exists():
            continue
        project = ProjectFactory(
            name=made["name"],
            slug=made["slug"],
            workstream=Workstream.objects.get(name=made["workstream"]),
            purpose=made["purpose"],
            contact=staff,
            is_public=made["public"],
            opportunities=list(
                Opportunity.objects.filter(title__in=made["opportunities"])
            ),
            meetings=list(Meeting.objects.filter(title__in=made["meetings"])),
            created_at=timezone.make_aware(made["updates"][0][0]),
            updated_at=timezone.make_aware(made["updates"][-1][0]),
        )
        *earlier, (last_at, last_text) = made["updates"]
        for posted_at, text in earlier:
            ProjectUpdateFactory(
                project=project,
                text=text,
                written_by=staff,
                written_by_name=str(staff),
                posted_at=timezone.make_aware(posted_at),
            )
        for email in made.get("followers", []):
            follower = User.objects.get(email=email)
            project_follow(project=project, person=follower, by=follower)
        # The last through the service, as staff post one: followers are told.
        project_update_post(
            project=project, by=staff, text=last_text, now=timezone.make_aware(last_at)
        )
        Project.objects.filter(pk=project.pk).update(
            updated_at=timezone.make_aware(last_at)
        )
