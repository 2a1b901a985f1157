"""Pages cost the same number of queries however many items they list: the
public lists, and every page of the members' area, as the role that sees it.

Each test measures a page, adds more of everything it could list (people,
opportunities, sign-ups, claims, goals, notifications, requests...), and
measures again. The builders are local on purpose: this module leans on
nothing but the ORM and the apps' own services.
"""

import itertools
import runpy
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from channel.models import Topic
from channel.services import post_add
from charter.models import CharterAcceptance, CharterVersion
from formats.factories import FormatRequestFactory
from impact.factories import HeardAnswerFactory, HeardAskFactory
from impact.models import Meeting, Outcome
from library.models import LibraryIndexPage, ResourcePage, TrainingStepPage
from members.audit import PLAN, SUPPORT_NEEDS, private_read_log
from members.models import Assembly, Profile, Support, User
from members.services import membership_move, person_join
from networks.factories import NetworkFactory
from notifications.models import CallBack, Notification
from notifications.services import notify
from opportunities.models import (
    EngagementRequest,
    Opportunity,
    Session,
    SignUp,
    Workstream,
)
from payments.models import AdvanceArrangement, Claim, ClaimEvent, ExpenseLine
from plans.models import DevelopmentPlan, Goal, PlanComment
from projects.models import Project, ProjectFollow, ProjectUpdate
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

OPP = Opportunity.Status
MORE = 3  # how many more of each record a page is given


def measured(client, url) -> tuple[int, str]:
    """The queries a page runs, and what it shows."""
    # Warm what a running site has warm: the first visit may make the
    # pictures' renditions, which starts a new content generation
    # (core/content_generation.py); the second derives what the pages show.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def queries_for(client, url) -> int:
    return measured(client, url)[0]


def add_copies(model, parent, count, **overrides):
    template = model.objects.live().filter(**overrides).first()
    for n in range(count):
        copy = template.copy(
            to=parent,
            update_attrs={"slug": f"{template.slug}-copy-{n}", "title": f"Copy {n}"},
            keep_live=True,
        )
        copy.save_revision().publish()


# Builders for the members' area -----------------------------------------------

_numbers = itertools.count(1)


def person(email="member@example.org") -> User:
    return User.objects.get(email=email)


def person_new(role="member") -> User:
    n = next(_numbers)
    user = person_join(
        email=f"more-{n}@example.org",
        password="coproduction",
        first_name="More",
        last_name=f"Person {n}",
        role=role,
        assembly=Assembly.objects.order_by("pk").first() if role == "member" else None,
    )
    user.profile.support_needs = "A quiet room."
    user.profile.share_skills_with_staff = True
    user.profile.share_experience_with_staff = True
    user.profile.skills_in_own_words = "Listening."
    user.profile.experience = "Caring for my dad."
    user.profile.save()
    return user


def opportunity_new(status=OPP.OPEN, *, began_days_ago=-14) -> Opportunity:
    today = timezone.localdate()
    opportunity = Opportunity.objects.create(
        title=f"More work {next(_numbers)}",
        summary="Read a draft and tell us what is unclear.",
        kind="one_off",
        workstream=Workstream.objects.order_by("pk").first(),
        fee_basis="per_hour",
        fee_rate=Decimal("25.00"),
        hours_per_session=Decimal("2.5"),
        places=20,
        closes_on=today + timedelta(days=7),
        mode="online",
        status=status,
        created_by=person("lead@example.org"),
    )
    start = timezone.make_aware(
        datetime.combine(today - timedelta(days=began_days_ago), datetime.min.time())
    )
    for number in range(2):
        Session.objects.create(
            opportunity=opportunity,
            starts_at=start + timedelta(days=number, hours=10),
            ends_at=start + timedelta(days=number, hours=12),
        )
    return opportunity


def sign_up_new(opportunity, member, status=SignUp.Status.SIGNED_UP) -> SignUp:
    return SignUp.objects.create(
        opportunity=opportunity,
        member=member,
        status=status,
        support_needs="Step-free access.",
    )


def taking_part(opportunity, member, claim_status=None) -> SignUp:
    """A selected sign-up with an advance payment and, if given, a claim."""
    sign_up = sign_up_new(opportunity, member, SignUp.Status.SELECTED)
    AdvanceArrangement.objects.create(
        sign_up=sign_up,
        kind="travel",
        details="Train tickets",
        amount=Decimal("12.00"),
        arranged_by=person("lead@example.org"),
    )
    if claim_status:
        claim = Claim.objects.create(
            sign_up=sign_up,
            units=Decimal("5"),
            fee=Decimal("125.00"),
            status=claim_status,
            paid_on=timezone.localdate() if claim_status == Claim.Status.PAID else None,
        )
        ExpenseLine.objects.create(
            claim=claim, kind="travel", description="Bus", amount=Decimal("4.50")
        )
    return sign_up


def plan_with_goals(member) -> DevelopmentPlan:
    plan, _ = DevelopmentPlan.objects.get_or_create(owner=member)
    for n in range(2):
        Goal.objects.create(plan=plan, title=f"Goal {next(_numbers)}", steps=f"{n}")
    PlanComment.objects.create(
        plan=plan, author=person("lead@example.org"), body="Well done."
    )
    return plan


def notification_new(recipient):
    n = next(_numbers)
    Notification.objects.create(
        recipient=recipient,
        kind="opportunity",
        subject=f"News {n}",
        body="Something happened.",
        url="/members/",
        dedupe_key=f"more-{n}",
        delivery="in_app",
    )


def meeting_new(*, public=False) -> Meeting:
    """A meeting member@ and member2@ went to, one led it, with outcomes
    and the work it was about."""
    n = next(_numbers)
    meeting = Meeting.objects.create(
        kind="meeting",
        date=timezone.localdate() - timedelta(days=n),
        title=f"More meeting {n}",
        slug=f"more-meeting-{n}",
        guests="A guest",
        question="What should we ask next?",
        is_public=public,
    )
    meeting.led_by.add(person("member2@example.org"))
    newcomer = person_new()
    meeting.attendees.add(person("member@example.org"), newcomer)
    meeting.workstreams.add(Workstream.objects.order_by("?").first())
    meeting.opportunities.add(Opportunity.objects.order_by("?").first())
    more_outcomes(meeting)
    heard_more(meeting, [person("member@example.org"), newcomer], by_phone=True)
    return meeting


def project_new(opportunity, meeting=None) -> Project:
    """A project with this work linked to it and an update from staff."""
    n = next(_numbers)
    staff = person("staff@example.org")
    project = Project.objects.create(
        name=f"More project {n}",
        slug=f"more-project-{n}",
        workstream=Workstream.objects.order_by("pk").first(),
        purpose="To make care easier to arrange.",
        contact=staff,
    )
    project.opportunities.add(opportunity)
    if meeting is not None:
        project.meetings.add(meeting)
    project_update_new(project)
    return project


def project_update_new(project) -> ProjectUpdate:
    staff = person("staff@example.org")
    return ProjectUpdate.objects.create(
        project=project,
        text=f"Update on the work, number {next(_numbers)}.",
        written_by=staff,
        written_by_name=str(staff),
    )


def project_tracked() -> Project:
    """One project that gains updates, linked work and followers."""
    project, _ = Project.objects.get_or_create(
        slug="tracked-project",
        defaults={
            "name": "Tracked project",
            "workstream": Workstream.objects.order_by("pk").first(),
            "purpose": "To be measured.",
            "contact": person("staff@example.org"),
        },
    )
    return project


def heard_more(meeting, members, *, by_phone=False):
    """Were we heard?: each member asked and answering; with by_phone,
    member2@, who led it, asked to be phoned (a call on the lead's list)."""
    for member in members:
        HeardAskFactory(member=member, meeting=meeting)
        HeardAnswerFactory(member=member, meeting=meeting, comment="More words")
    if not by_phone:
        return
    niamh = person("member2@example.org")
    ask = HeardAskFactory(member=niamh, meeting=meeting)
    for told in notify(
        recipients=[niamh],
        kind="general",
        subject=f"Were you heard? {meeting}",
        dedupe_key=f"heard-ask:meeting:{meeting.pk}",
        target=ask,
    ):
        CallBack.objects.get_or_create(notification=told)


def more_outcomes(meeting, count=2):
    for _ in range(count):
        Outcome.objects.create(
            meeting=meeting, text=f"More outcome {next(_numbers)}", from_whom="Us"
        )


def more_for(member):
    """What one member's own pages list: sign-ups in every state, claims in
    every state, advance payments, goals and notifications."""
    for status in [OPP.OPEN, OPP.CLOSED]:
        sign_up_new(opportunity_new(status), member)
    for claim_status in [None, *Claim.Status.values]:
        taking_part(
            opportunity_new(OPP.COMPLETED, began_days_ago=30), member, claim_status
        )
    in_progress = opportunity_new(OPP.IN_PROGRESS, began_days_ago=1)
    taking_part(in_progress, member)
    # A project they worked on: their dashboard shows it with its latest update.
    project_new(in_progress)
    plan_with_goals(member)
    for _ in range(2):
        notification_new(member)


def more_of_everything(count=MORE):
    """More of every record an intranet page lists."""
    lead = person("lead@example.org")
    staff = person("staff@example.org")
    supporter = person("supporter@example.org")
    charter = CharterVersion.objects.order_by("-number").first()
    for member in [person("member@example.org"), person("member2@example.org")]:
        more_for(member)
    for _ in range(count):
        member = person_new()
        more_for(member)
        private_read_log(
            viewer=lead, owner=member, instance=member.profile, what=SUPPORT_NEEDS
        )
        private_read_log(
            viewer=lead, owner=member, instance=member.development_plan, what=PLAN
        )
        CharterAcceptance.objects.create(user=member, version=charter)
        opportunity_new(OPP.DRAFT)
        EngagementRequest.objects.create(
            requested_by=staff,
            title=f"Help with a survey {next(_numbers)}",
            description="We would like to hear from carers.",
            workstream=Workstream.objects.order_by("pk").first(),
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=30),
            expected_hours=Decimal("4"),
            kind="one_off",
            budget=Decimal("200"),
            status=EngagementRequest.Status.SUBMITTED,
        )
        FormatRequestFactory()
        meeting = meeting_new()
        tracked = project_tracked()
        tracked.meetings.add(meeting)
        tracked.opportunities.add(opportunity_new(OPP.COMPLETED))
        project_update_new(tracked)
        ProjectFollow.objects.create(project=tracked, person=member)
        notification_new(lead)
        notification_new(staff)
        person_new("staff")
        Support.objects.create(
            member=member, supporter=supporter, accepted_at=timezone.now()
        )


# Things a page is about ---------------------------------------------------------


def payments_opportunity():
    """Work in progress whose pages list everyone who signed up."""
    opportunity = opportunity_new(OPP.IN_PROGRESS, began_days_ago=1)
    taking_part(opportunity, person("member@example.org"), Claim.Status.SUBMITTED)
    taking_part(opportunity, person("member2@example.org"))
    sign_up_new(opportunity, person("member3@example.org"), SignUp.Status.WAITING)
    return opportunity


def where(client, url) -> str:
    """The page an address leads to (a member's "Your plan" leads to it)."""
    response = client.get(url)
    return response.url if response.status_code == 302 else url


def grow_payments_opportunity(opportunity):
    for claim_status in [None, *Claim.Status.values]:
        taking_part(opportunity, person_new(), claim_status)


# Public pages ---------------------------------------------------------------------


# Page 2 holds 4 stories before and 9 after: more items, same queries.
@pytest.mark.parametrize("url", ["/stories/?page=2", "/feeds/stories.rss", "/"])
def test_story_lists_do_not_grow_with_the_number_of_stories(client, demo_site, url):
    before = queries_for(client, url)
    add_copies(
        StoryPage,
        StoryIndexPage.objects.get(locale__language_code="en-gb"),
        6,
        kind="video",
    )
    after = queries_for(client, url)
    assert after == before
    assert before <= 25


def test_the_library_does_not_grow_with_the_number_of_resources(client, demo_site):
    before = queries_for(client, "/library/?page=2")
    add_copies(
        ResourcePage,
        LibraryIndexPage.objects.get(locale__language_code="en-gb"),
        6,
        resource_type="document",
    )
    after = queries_for(client, "/library/?page=2")
    assert after == before


def tagged_copies(tag: str, count: int) -> None:
    """More stories with `tag`, copies of one that has it (tags come along)."""
    story = (
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .filter(tags__slug=tag)
        .first()
    )
    for n in range(count):
        copy = story.copy(
            to=StoryIndexPage.objects.get(locale__language_code="en-gb"),
            update_attrs={"slug": f"{story.slug}-copy-{n}", "title": f"Copy {n}"},
            keep_live=True,
        )
        copy.save_revision().publish()


# Search results and a tag's stories are specific pages fetched together, one
# query per page type (not one per result), and the tag pages are paged.
@pytest.mark.parametrize("url", ["/search/?q=carers", "/tags/carers/"])
def test_search_and_tag_pages_do_not_grow_with_their_results(client, demo_site, url):
    before, _ = measured(client, url)
    tagged_copies("carers", 12)
    after, content = measured(client, url)
    assert "Copy 11" in content or "Page 1 of" in content
    assert after == before


def test_a_tag_s_stories_come_a_page_at_a_time(client, demo_site):
    tagged_copies("carers", 12)
    first = client.get("/tags/carers/").content.decode()
    assert "Page 1 of 2" in first
    assert first.count('class="card"') <= 9
    second = client.get("/tags/carers/?page=2").content.decode()
    assert "Page 2 of 2" in second
    wrong = client.get("/tags/carers/?page=99").content.decode()
    assert "That page number does not exist; this is page 1." in wrong


# Every public page type (bench/public_pages.py times the same addresses), as
# an anonymous reader: at most 10 statements, however much the site holds.
PUBLIC_PAGE_LIMIT = 10
PUBLIC_PAGES = [
    "/",
    "/stories/",
    "/stories/?kind=blog&nation=england",
    "/stories/seven-of-us-sat-on-interview-panels/",
    "/stories/carers-week-2023-a-video-interview/",
    "/stories/why-paid-planned-opportunities-matter/",
    "/library/",
    "/library/?type=link&topic=unpaid-carers",
    "/library/our-charter/",
    "/library/co-production-in-five-steps/",
    "/library/co-production-in-five-steps/share-power/",
    "/who-we-are/",
    "/who-we-are/dafydd-pryce/",
    "/what-we-did/",
    "/what-we-did/meeting-2-understanding-evidence-2023/",
    "/networks/",
    "/networks/?nation=wales&topic=carers",
    "/accessibility/",
    "/what-we-are-working-on/",
    "/what-we-are-working-on/recruitment-panels/",
    "/search/?q=carers",
    "/tags/carers/",
    "/easy-read-about-us/",
    "/feeds/stories.rss",
    "/sitemap.xml",
]


def more_public_content(count=2):
    """More of everything a public page lists: stories of each kind (tagged,
    by one author, new tags), resources of each type, course steps, people."""
    stories = StoryIndexPage.objects.get(locale__language_code="en-gb")
    library = LibraryIndexPage.objects.get(locale__language_code="en-gb")
    add_copies(StoryPage, stories, count, kind="video")
    for name, template in [
        (
            "english-blog",
            StoryPage.objects.live()
            .filter(locale__language_code="en-gb")
            .filter(kind="blog", nation="england"),
        ),
        (
            "by-one-author",
            StoryPage.objects.live()
            .filter(locale__language_code="en-gb")
            .filter(author__slug="dafydd-pryce"),
        ),
    ]:
        for n in range(count):
            template.first().copy(
                to=stories,
                update_attrs={"slug": f"{name}-{n}", "title": f"{name} {n}"},
                keep_live=True,
            ).save_revision().publish()
    tagged_copies("carers", count)
    for n, story in enumerate(
        StoryPage.objects.live()
        .filter(locale__language_code="en-gb")
        .order_by("pk")[:count]
    ):
        story.tags.add(f"more-{n}", "carers")
        story.save_revision().publish()
    add_copies(ResourcePage, library, count, resource_type="document")
    add_copies(ResourcePage, library, count, resource_type="link")
    course = ResourcePage.objects.get(slug="co-production-in-five-steps")
    add_copies(TrainingStepPage, course, count, slug="pay-people")
    photo = person_profile("dafydd-pryce").photo
    for _ in range(count):
        for role, left_on in [
            ("member", None),
            ("member", timezone.localdate() - timedelta(days=30)),
            ("engagement_lead", None),
        ]:
            profile = person_new().profile
            profile.publish_on_site = True
            profile.publish_photo = True
            profile.photo = photo
            profile.role = role
            profile.left_on = left_on
            profile.save()
    meeting = Meeting.objects.get(slug="meeting-2-understanding-evidence-2023")
    more_outcomes(meeting, count)
    meeting.workstreams.add(*Workstream.objects.all())
    for _ in range(count):
        meeting_new(public=True)
    NetworkFactory.create_batch(count, nations=["wales", "scotland"], topics=["carers"])
    panels = Project.objects.get(slug="recruitment-panels")
    for _ in range(count):
        public_meeting = meeting_new(public=True)
        panels.meetings.add(public_meeting)
        project_update_new(panels)
        shown = project_new(Opportunity.objects.order_by("pk").first(), public_meeting)
        shown.is_public = True
        shown.save()


def person_profile(slug):
    return Profile.objects.get(slug=slug)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_is_a_few_statements_however_much_it_lists(
    client, demo_site, url
):
    before, _ = measured(client, url)
    more_public_content()
    after, _ = measured(client, url)
    assert before <= PUBLIC_PAGE_LIMIT
    assert after == before


def test_the_public_page_list_is_the_benchmark_s():
    """Every page type bench/public_pages.py times is held here too."""
    bench = runpy.run_path(str(Path(__file__).parent.parent / "bench/public_pages.py"))
    assert {url for _name, url in bench["PAGES"]} == set(PUBLIC_PAGES)


# The members' area ------------------------------------------------------------------

# Who signs in, the page's name, what its address needs (from the demo's
# records), and words each listed record shows (None: the page is about one
# thing, and lists no more of anything however many records there are).
MEMBER = "member@example.org"
LEAD = "lead@example.org"
STAFF = "staff@example.org"
SUPPORTER = "supporter@example.org"


def _member_pk():
    return person(MEMBER).pk


def _plan_pk():
    return plan_with_goals(person(MEMBER)).pk


def _open_opportunity_pk():
    return Opportunity.objects.filter(status=OPP.OPEN).order_by("pk").first().pk


def _claim_pk():
    return Claim.objects.filter(sign_up__member=person(MEMBER)).order_by("pk")[0].pk


def _request_pk():
    return EngagementRequest.objects.order_by("pk").first().pk


def _meeting_pk():
    """A meeting member@ was at, with outcomes."""
    return meeting_new().pk


def _heard_opportunity_pk():
    """Work done that member@ took part in and answered about."""
    opportunity = opportunity_new(OPP.COMPLETED, began_days_ago=3)
    taking_part(opportunity, person("member@example.org"))
    HeardAnswerFactory(
        member=person("member@example.org"), meeting=None, opportunity=opportunity
    )
    return opportunity.pk


def _charter_number():
    return CharterVersion.objects.order_by("-number").first().number


def _tracked_project_pk():
    return project_tracked().pk


INTRANET_PAGES = [
    (MEMBER, "intranet:home", None, "More work"),
    (LEAD, "intranet:home", None, "News "),
    (STAFF, "intranet:home", None, "Help with a survey"),
    (SUPPORTER, "intranet:home", None, "More Person"),
    (MEMBER, "opportunities:list", None, "More work"),
    (MEMBER, "opportunities:detail", _open_opportunity_pk, None),
    (LEAD, "opportunities:manage_list", None, "More work"),
    (MEMBER, "payments:mine", None, "More work"),
    (LEAD, "payments:claims", None, "More Person"),
    (LEAD, "payments:claim", _claim_pk, None),
    (MEMBER, "plans:mine", None, "Goal "),
    (LEAD, "plans:all", None, "More Person"),
    (LEAD, "plans:plan", _plan_pk, "Goal "),
    (LEAD, "members:people", None, "More Person"),
    (LEAD, "members:person", _member_pk, None),
    (LEAD, "members:privacy_log", None, "More Person"),
    (LEAD, "figures:figures", None, "More Person"),
    (STAFF, "figures:figures", None, None),
    (STAFF, "members:team_cv", None, "More Person"),
    (STAFF, "members:team_cv_print", None, "More Person"),
    (MEMBER, "members:profile", None, None),
    (MEMBER, "notifications:centre", None, "News "),
    (LEAD, "notifications:centre", None, "News "),
    (MEMBER, "notifications:preferences", None, None),
    (MEMBER, "charter:current", None, None),
    (MEMBER, "charter:versions", None, None),
    (MEMBER, "charter:version", _charter_number, None),
    (LEAD, "charter:acceptances", None, "More Person"),
    (LEAD, "format_requests:list", None, "A reader"),
    (STAFF, "opportunities:requests", None, "Help with a survey"),
    (LEAD, "opportunities:requests", None, "Help with a survey"),
    (STAFF, "opportunities:request", _request_pk, None),
    (MEMBER, "meetings:list", None, "More meeting"),
    (STAFF, "meetings:list", None, "More meeting"),
    (LEAD, "meetings:manage_list", None, "More meeting"),
    (MEMBER, "meetings:detail", _meeting_pk, None),
    (STAFF, "meetings:detail", _meeting_pk, None),
    (LEAD, "meetings:manage", _meeting_pk, None),
    (MEMBER, "heard:list", None, "More meeting"),
    (LEAD, "heard:manage", None, "More meeting"),
    (LEAD, "heard:manage_opportunity", _heard_opportunity_pk, None),
    (MEMBER, "impact:dashboard", None, None),
    (STAFF, "impact:dashboard", None, None),
    (LEAD, "impact:dashboard", None, None),
    (MEMBER, "intranet:home", None, "More project"),
    (MEMBER, "projects:list", None, "More project"),
    (STAFF, "projects:list", None, "More project"),
    (MEMBER, "projects:project", _tracked_project_pk, "Update on"),
    (LEAD, "projects:project", _tracked_project_pk, "Update on"),
]


def assert_flat(before, after, shows, what):
    """Same queries after more records; and the page lists more of them."""
    (queries_before, html_before), (queries_after, html_after) = before, after
    assert queries_after == queries_before, (
        f"{what}: {queries_before} queries, then {queries_after}"
    )
    if shows:
        assert html_after.count(shows) > html_before.count(shows), (
            f"{what} lists no more {shows!r}: the test measured nothing new"
        )


@pytest.mark.parametrize(
    ("email", "name", "arg", "shows"),
    INTRANET_PAGES,
    ids=[f"{email.split('@')[0]}-{name}" for email, name, *_ in INTRANET_PAGES],
)
def test_members_area_pages_do_not_grow_with_more_records(
    client, demo_site, email, name, arg, shows
):
    client.force_login(person(email))
    # One of everything first: a list with none runs fewer queries than a
    # list with some, which is not what is measured here.
    more_of_everything(1)
    url = where(client, reverse(name, args=[arg()] if arg else []))
    before = measured(client, url)
    more_of_everything()
    assert_flat(before, measured(client, url), shows, f"{url} as {email}")


def test_an_opportunitys_pages_do_not_grow_with_more_people_taking_part(
    client, demo_site
):
    opportunity = payments_opportunity()
    client.force_login(person(LEAD))
    urls = [
        reverse("payments:opportunity", args=[opportunity.pk]),
        reverse("opportunities:manage", args=[opportunity.pk]),
    ]
    before = [measured(client, url) for url in urls]
    grow_payments_opportunity(opportunity)
    for _ in range(MORE):
        sign_up_new(opportunity, person_new(), SignUp.Status.WAITING)
    for url, measured_before in zip(urls, before, strict=True):
        assert_flat(measured_before, measured(client, url), "More Person", url)


@pytest.mark.parametrize(
    ("name", "shows"),
    [
        ("intranet:home", "More work"),
        ("opportunities:list", "More work"),
        ("payments:mine", "More work"),
        ("plans:mine", "Goal "),
        ("members:profile", None),
    ],
)
def test_a_supporter_acting_for_a_member_sees_pages_that_do_not_grow(
    client, demo_site, name, shows
):
    client.force_login(person(SUPPORTER))
    member2 = person("member2@example.org")
    client.post(reverse("members:acting_start", args=[member2.pk]))
    more_of_everything(1)
    url = where(client, reverse(name))
    before = measured(client, url)
    more_of_everything()
    assert_flat(before, measured(client, url), shows, f"{url} acting for member2")


def more_memberships(member):
    assemblies = list(Assembly.objects.exclude(pk=member.profile.assembly_id))
    for day in range(1, MORE + 1):
        membership_move(
            user=member,
            assembly=assemblies[day % len(assemblies)],
            started_on=timezone.localdate() + timedelta(days=day),
        )


def more_claim_lines(claim):
    lead = person(LEAD)
    for n in range(MORE):
        ExpenseLine.objects.create(
            claim=claim, kind="taxi", description=f"More Taxi {n}", amount=Decimal("9")
        )
        ClaimEvent.objects.create(
            claim=claim,
            by=lead,
            from_status=Claim.Status.SUBMITTED,
            to_status=Claim.Status.QUERIED,
            message=f"More question {n}",
        )


def more_sessions(opportunity):
    start = opportunity.sessions.order_by("-starts_at").first().starts_at
    for day in range(1, MORE + 1):
        Session.objects.create(
            opportunity=opportunity,
            starts_at=start + timedelta(days=day),
            ends_at=start + timedelta(days=day, hours=2),
            where=f"More Room {day}",
        )


def more_meeting_parts(meeting):
    more_outcomes(meeting, MORE)
    for _ in range(MORE):
        there, led = person_new(), person_new()
        meeting.attendees.add(there)
        meeting.led_by.add(led)
        heard_more(meeting, [there, led])
    meeting.workstreams.add(*Workstream.objects.all())
    meeting.opportunities.add(*Opportunity.objects.all())


@pytest.mark.parametrize(
    ("email", "page", "grow", "shows"),
    [
        (
            LEAD,
            lambda: (reverse("members:person", args=[_member_pk()]), person(MEMBER)),
            more_memberships,
            "</tr>",  # a row of the membership history
        ),
        (
            LEAD,
            lambda: (
                reverse("payments:claim", args=[_claim_pk()]),
                Claim.objects.get(pk=_claim_pk()),
            ),
            more_claim_lines,
            "More ",
        ),
        (
            MEMBER,
            lambda: (
                reverse("opportunities:detail", args=[_open_opportunity_pk()]),
                Opportunity.objects.get(pk=_open_opportunity_pk()),
            ),
            more_sessions,
            "More Room",
        ),
        *[
            (
                email,
                lambda name=name: (
                    reverse(name, args=[_meeting_pk()]),
                    Meeting.objects.order_by("-pk").first(),
                ),
                more_meeting_parts,
                "More outcome",
            )
            for email, name in [
                (LEAD, "meetings:manage"),
                (LEAD, "meetings:edit"),
                (MEMBER, "meetings:detail"),
                (STAFF, "meetings:detail"),
            ]
        ],
    ],
    ids=[
        "person-memberships",
        "claim-lines-and-events",
        "opportunity-sessions",
        "meeting-for-the-lead",
        "meeting-form",
        "meeting-for-a-member",
        "meeting-for-staff",
    ],
)
def test_a_page_about_one_thing_does_not_grow_with_its_parts(
    client, demo_site, email, page, grow, shows
):
    client.force_login(person(email))
    url, thing = page()
    grow(thing)  # some of each part first, as above
    before = measured(client, url)
    grow(thing)
    assert_flat(before, measured(client, url), shows, f"{url} as {email}")


# Every signed-in page at most 15 statements ------------------------------------------

# Every page of the members' area and the signed-in pages of /accounts/, as
# the role that sees it, runs at most this many statements with the caches
# warm (README "Signed-in pages"): the person is loaded once with what every
# page asks about them, and each page fetches its lists whole.
SIGNED_IN_LIMIT = 15


def _plan_goal_pks():
    plan = plan_with_goals(person(MEMBER))
    return [plan.pk, plan.goals.order_by("pk").first().pk]


def _sign_up_to_claim_for_pk():
    """A member's selected sign-up on finished work, not yet claimed for."""
    opportunity = opportunity_new(OPP.COMPLETED, began_days_ago=30)
    return taking_part(opportunity, person(MEMBER)).pk


def _claim_queried_pk():
    opportunity = opportunity_new(OPP.COMPLETED, began_days_ago=30)
    return taking_part(opportunity, person(MEMBER), Claim.Status.QUERIED).claim.pk


def _in_progress_pk():
    return payments_opportunity().pk


def _support_request_pk():
    member = person_new()
    return Support.objects.create(member=member, supporter=person(SUPPORTER)).pk


def _first(arg):
    return lambda: [arg()]


def _channel_topic_pk():
    """The demo's recruitment panels topic, with a post the lead hid."""
    return Topic.objects.get(title__startswith="Recruitment panels").pk


def _channel_own_post_pk():
    """A post member@ wrote just now, so still theirs to change."""
    topic = Topic.objects.get(pk=_channel_topic_pk())
    return post_add(
        topic=topic, person=person(MEMBER), by=person(MEMBER), body="Mine"
    ).pk


# (who, page name, a function giving the address's arguments) beyond those
# INTRANET_PAGES lists.
MORE_SIGNED_IN_PAGES = [
    (MEMBER, "members:pause", None),
    *[
        (MEMBER, "members:profile_section", lambda section=section: [section])
        for section in ["about", "contact", "support", "sharing", "skills", "language"]
    ],
    (MEMBER, "members:supporter_add", None),
    (MEMBER, "plans:print", _first(_plan_pk)),
    (MEMBER, "plans:goal_add", _first(_plan_pk)),
    (MEMBER, "plans:goal_edit", _plan_goal_pks),
    (MEMBER, "payments:claim_add", _first(_sign_up_to_claim_for_pk)),
    (MEMBER, "payments:claim", _first(_claim_queried_pk)),
    (MEMBER, "payments:claim_edit", _first(_claim_queried_pk)),
    (MEMBER, "accounts:two_step_set_up", None),
    (SUPPORTER, "members:support_request", _first(_support_request_pk)),
    (SUPPORTER, "members:profile", None),
    (STAFF, "opportunities:request_add", None),
    (STAFF, "members:profile", None),
    (LEAD, "members:profile", None),
    (LEAD, "members:person_add", None),
    (LEAD, "opportunities:add", None),
    (LEAD, "opportunities:manage", _first(_in_progress_pk)),
    (LEAD, "opportunities:edit", _first(_open_opportunity_pk)),
    (LEAD, "opportunities:request", _first(_request_pk)),
    (LEAD, "payments:opportunity", _first(_in_progress_pk)),
    (LEAD, "plans:print", _first(_plan_pk)),
    (LEAD, "charter:publish", None),
    (LEAD, "charter:current", None),
    (LEAD, "charter:welsh", _first(_charter_number)),
    (LEAD, "meetings:add", None),
    (LEAD, "meetings:edit", _first(_meeting_pk)),
    (MEMBER, "heard:meeting", _first(_meeting_pk)),
    (LEAD, "heard:record_meeting", lambda: [_meeting_pk(), person(MEMBER).pk]),
    *[
        (email, name, args)
        for email in (MEMBER, STAFF, LEAD)
        for name, args in [
            ("channel:list", None),
            ("channel:topic", _first(_channel_topic_pk)),
            ("channel:start", None),
        ]
    ],
    (MEMBER, "channel:post_edit", _first(_channel_own_post_pk)),
    (STAFF, "channel:post_flag", _first(_channel_own_post_pk)),
    (LEAD, "channel:post_hide", _first(_channel_own_post_pk)),
    (LEAD, "channel:flags", None),
    (STAFF, "projects:add", None),
    (STAFF, "projects:edit", _first(_tracked_project_pk)),
    (LEAD, "projects:update_add", _first(_tracked_project_pk)),
]

SIGNED_IN_PAGES = [
    *[
        (email, name, (lambda arg=arg: [arg()]) if arg else None)
        for email, name, arg, _shows in INTRANET_PAGES
    ],
    *MORE_SIGNED_IN_PAGES,
]


def signed_in_pages(pages):
    """Parametrised by (email, name, args), each named "who-route-n"."""
    return pytest.mark.parametrize(
        ("email", "name", "args"),
        pages,
        ids=[
            f"{email.split('@')[0]}-{name}-{n}"
            for n, (email, name, _args) in enumerate(pages)
        ],
    )


def signed_in_at(client, email, name, args) -> str:
    """The page's address, signed in as `email`, with a record of each kind."""
    client.force_login(person(email))
    more_of_everything(1)
    return where(client, reverse(name, args=args() if args else []))


@signed_in_pages(SIGNED_IN_PAGES)
def test_every_signed_in_page_runs_at_most_15_statements(
    client, demo_site, email, name, args
):
    url = signed_in_at(client, email, name, args)
    statements, _ = measured(client, url)
    assert statements <= SIGNED_IN_LIMIT, f"{url} as {email}: {statements}"


ACTING_PAGES = [
    "intranet:home",
    "opportunities:list",
    "payments:mine",
    "plans:mine",
    "channel:list",
    "projects:list",
]


@pytest.mark.parametrize("name", [*ACTING_PAGES, "members:profile"])
def test_a_supporter_acting_for_a_member_runs_at_most_15_statements(
    client, demo_site, name
):
    client.force_login(person(SUPPORTER))
    client.post(
        reverse("members:acting_start", args=[person("member2@example.org").pk])
    )
    more_of_everything(1)
    url = where(client, reverse(name))
    statements, _ = measured(client, url)
    assert statements <= SIGNED_IN_LIMIT, f"{url} acting for member2: {statements}"


@pytest.mark.parametrize(
    ("name", "code_given"),
    [
        ("accounts:two_step", False),
        ("accounts:two_step_recovery", False),
        ("accounts:two_step_turn_off", True),
        ("members:profile", True),
        ("intranet:home", True),
    ],
)
def test_the_pages_of_someone_using_two_step_run_at_most_15_statements(
    client, demo_site, name, code_given
):
    member = person("member2@example.org")
    if code_given:  # force_login gives the code of those who use two-step
        TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
        client.force_login(member)
    else:  # turned on in another sign-in: this one has not given its code
        client.force_login(member)
        TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    more_of_everything(1)
    url = reverse(name)
    statements, _ = measured(client, url)
    assert statements <= SIGNED_IN_LIMIT, f"{url}: {statements}"


def test_the_lead_s_two_step_reset_page_runs_at_most_15_statements(client, demo_site):
    member = person(MEMBER)
    TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    client.force_login(person(LEAD))
    url = reverse("accounts:two_step_reset", args=[member.pk])
    statements, _ = measured(client, url)
    assert statements <= SIGNED_IN_LIMIT, f"{url}: {statements}"


@signed_in_pages(MORE_SIGNED_IN_PAGES)
def test_more_signed_in_pages_do_not_grow_with_more_records(
    client, demo_site, email, name, args
):
    url = signed_in_at(client, email, name, args)
    before = measured(client, url)
    more_of_everything()
    assert_flat(before, measured(client, url), None, f"{url} as {email}")
