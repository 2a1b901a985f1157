"""Issue 20, line 3 (and following projects, line 2): projects staff keep,
their plain-text updates, who may read and keep them, what each member
worked on (their dashboard shows it with its latest update), and following
a project: each update reaches followers at the rhythm they chose."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from impact.factories import MeetingFactory
from members.anonymise import person_anonymise
from members.factories import UserFactory
from members.services import person_deactivate
from notifications.digests import digests_send
from notifications.models import CallBack, Delivery, Notification, OutboxEmail
from notifications.services import notify, preferences_save
from opportunities.factories import OpportunityFactory, SignUpFactory
from opportunities.models import Opportunity, SignUp, Workstream
from projects import exports as projects_exports
from projects.factories import ProjectFactory, ProjectUpdateFactory
from projects.models import Project, ProjectFollow, ProjectUpdate
from projects.selectors import projects_worked_on
from projects.services import (
    project_follow,
    project_save,
    project_unfollow,
    project_update_post,
)
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

MEMBER = "member@example.org"
MEMBER2 = "member2@example.org"
STAFF = "staff@example.org"
LEAD = "lead@example.org"
ADMIN = "admin@example.org"
SUPPORTER = "supporter@example.org"
ACTING = "supporter acting for member2"
VIEWERS = [MEMBER, MEMBER2, STAFF, LEAD, ADMIN, SUPPORTER, ACTING]


def enter(client, viewer):
    """Sign in as the viewer; ACTING is Aoife acting for Niamh (member2)."""
    if viewer == ACTING:
        return act_for(client, SUPPORTER, MEMBER2)
    return sign_in(client, viewer)


@pytest.fixture
def project():
    """Kept by staff@, who is its contact; member@ went to its meeting."""
    meeting = MeetingFactory(
        title="Panel training day", attendees=[person(MEMBER)], led_by=[]
    )
    project = ProjectFactory(
        name="Recruitment panels 2026",
        workstream=Workstream.objects.order_by("pk").first(),
        contact=person(STAFF),
        meetings=[meeting],
    )
    ProjectUpdateFactory(
        project=project,
        written_by=person(STAFF),
        text="Six members sat on interview panels this month.",
    )
    return project


# Who may open what ----------------------------------------------------------

READERS = {
    MEMBER: 200,
    MEMBER2: 200,
    STAFF: 200,
    LEAD: 200,
    ADMIN: 404,
    SUPPORTER: 404,  # not acting for anyone
    ACTING: 200,
}
KEEPERS = dict.fromkeys(READERS, 404) | {STAFF: 200, LEAD: 200}

PAGES = [
    ("projects:list", False, READERS),
    ("projects:project", True, READERS),
    ("projects:add", False, KEEPERS),
    ("projects:edit", True, KEEPERS),
    ("projects:update_add", True, KEEPERS),
]


@pytest.mark.parametrize(("name", "about", "expected"), PAGES)
@pytest.mark.parametrize("viewer", [*VIEWERS, None])
def test_who_may_open_each_page(client, project, name, about, expected, viewer):
    url = reverse(name, args=[project.pk] if about else [])
    if viewer is None:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    enter(client, viewer)
    response = client.get(url)
    assert response.status_code == expected[viewer], viewer
    if response.status_code == 200 and name != "projects:add":
        assert "Recruitment panels 2026" in response.content.decode()


@pytest.mark.parametrize("viewer", [*VIEWERS, None])
def test_only_staff_and_the_lead_post_an_update(client, project, viewer):
    if viewer:
        enter(client, viewer)
    response = client.post(
        reverse("projects:update_add", args=[project.pk]),
        {"text": "The panel for the new director met."},
    )
    posted = project.updates.filter(text__startswith="The panel for").exists()
    assert posted == (viewer in (STAFF, LEAD))
    if viewer in (STAFF, LEAD):
        assert response.status_code == 302
    elif viewer is None:
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("viewer", [*VIEWERS, None])
def test_only_staff_and_the_lead_add_a_project(client, viewer):
    if viewer:
        enter(client, viewer)
    client.post(
        reverse("projects:add"),
        {
            "name": "Carers' roundtables",
            "workstream": Workstream.objects.order_by("pk").first().pk,
            "purpose": "To bring members' experience to policy makers.",
            "contact": person(LEAD).pk,
        },
    )
    added = Project.objects.filter(name="Carers' roundtables").exists()
    assert added == (viewer in (STAFF, LEAD))


def test_the_project_page_shows_what_members_need(client, project):
    sign_in(client, MEMBER2)
    html = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    staff = person(STAFF)
    assert f"mailto:{staff.email}" in html
    assert str(staff) in html
    assert "Six members sat on interview panels" in html
    # A linked meeting: its title and date only, never who was there.
    assert "Panel training day" in html
    assert str(person(MEMBER)) not in html
    assert "Post an update" not in html


def test_a_members_page_never_reads_who_was_at_a_linked_meeting(client, project):
    sign_in(client, MEMBER2)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("projects:project", args=[project.pk]))
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "impact_meeting_attendees" not in read
    assert "impact_meeting_led_by" not in read


def test_updates_come_newest_first_ten_a_page(client, project):
    start = timezone.now()
    for n in range(12):
        ProjectUpdateFactory(
            project=project,
            written_by=person(STAFF),
            text=f"Update number {n}",
            posted_at=start + timezone.timedelta(minutes=n),
        )
    sign_in(client, MEMBER)
    url = reverse("projects:project", args=[project.pk])
    first = client.get(url).content.decode()
    assert first.index("Update number 11") < first.index("Update number 2")
    assert "Update number 1<" not in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Update number 1<" in second
    assert "Page 2 of 2" in second


# Bad input ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("   ", "Write the update."),
        ("x" * 20_000, "20,000 characters long"),
        ("See javascript:alert(1)", "Remove the “javascript:” link"),
        ("Look JavaScript :alert(1) here", "Remove the “javascript:” link"),
    ],
)
def test_a_bad_update_is_refused_beside_the_field_with_the_text_kept(
    client, project, typed, message
):
    sign_in(client, STAFF)
    response = client.post(
        reverse("projects:update_add", args=[project.pk]), {"text": typed}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    if typed.strip():
        assert typed[:200] in html
    assert project.updates.count() == 1


def test_html_in_an_update_is_shown_as_typed_and_addresses_become_links(
    client, project
):
    sign_in(client, STAFF)
    client.post(
        reverse("projects:update_add", args=[project.pk]),
        {"text": '<script>alert("x")</script> Notes at https://example.org/notes'},
    )
    sign_in(client, MEMBER)
    html = client.get(reverse("projects:project", args=[project.pk])).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert 'href="https://example.org/notes"' in html


def test_a_project_without_a_name_is_refused_with_what_was_typed_kept(client):
    sign_in(client, STAFF)
    response = client.post(
        reverse("projects:add"),
        {
            "name": "",
            "workstream": Workstream.objects.order_by("pk").first().pk,
            "purpose": "To bring members' experience to policy makers.",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the project a name." in html
    assert "To bring members&#x27; experience to policy makers." in html


def test_only_staff_or_the_lead_can_be_the_contact():
    project = ProjectFactory.build(
        workstream=Workstream.objects.order_by("pk").first(), contact=person(MEMBER)
    )
    with pytest.raises(NotAllowed) as refused:
        project_save(project=project, by=person(STAFF))
    assert refused.value.field == "contact"


def test_the_address_is_made_once_from_the_name(client):
    sign_in(client, STAFF)
    workstream = Workstream.objects.order_by("pk").first()
    made = project_save(
        project=Project(name="Carers' voices", workstream=workstream, purpose="x"),
        by=person(STAFF),
    )
    assert made.slug == "carers-voices"
    twin = project_save(
        project=Project(name="Carers voices", workstream=workstream, purpose="x"),
        by=person(STAFF),
    )
    assert twin.slug == "carers-voices-2"
    made.name = "Carers' voices, renamed"
    assert project_save(project=made, by=person(LEAD)).slug == "carers-voices"


# What a member worked on --------------------------------------------------------


def test_a_member_worked_on_a_project_through_its_opportunities_or_meetings():
    member, other = person(MEMBER), person(MEMBER2)
    selected_for = OpportunityFactory(status=Opportunity.Status.IN_PROGRESS)
    SignUpFactory(opportunity=selected_for, member=member, selected=True)
    only_signed_up = OpportunityFactory()
    SignUpFactory(opportunity=only_signed_up, member=other)
    waiting = OpportunityFactory()
    SignUpFactory(opportunity=waiting, member=member, status=SignUp.Status.WAITING)
    by_opportunity = ProjectFactory(opportunities=[selected_for])
    led = ProjectFactory(meetings=[MeetingFactory(led_by=[member])])
    attended = ProjectFactory(meetings=[MeetingFactory(attendees=[member])])
    signed_up = ProjectFactory(opportunities=[only_signed_up])
    on_the_list = ProjectFactory(opportunities=[waiting])
    ProjectFactory()  # nothing to do with them

    mine = set(projects_worked_on(member=member))
    assert {by_opportunity, led, attended} <= mine
    assert not {signed_up, on_the_list} & mine
    assert signed_up not in set(projects_worked_on(member=other))


def test_the_dashboard_shows_each_project_worked_on_with_its_latest_update(
    client, project
):
    ProjectUpdateFactory(
        project=project,
        written_by=person(STAFF),
        text="Panels are booked for the spring with four members each.",
        posted_at=timezone.now() + timezone.timedelta(minutes=1),
    )
    sign_in(client, MEMBER)
    html = client.get(reverse("intranet:home")).content.decode()
    assert "Your projects" in html
    assert "Recruitment panels 2026" in html
    assert "Panels are booked for the spring" in html
    # Someone who did not work on it sees nothing of it there.
    sign_in(client, MEMBER2)
    html = client.get(reverse("intranet:home")).content.decode()
    assert "Recruitment panels 2026" not in html


def test_a_member_who_worked_on_no_project_sees_no_projects_section(client, project):
    newcomer = UserFactory(groups=["Members"])
    client.force_login(newcomer)
    html = client.get(reverse("intranet:home")).content.decode()
    assert "Hello" in html
    assert "Your projects" not in html


# Following --------------------------------------------------------------------


@pytest.mark.parametrize("viewer", [MEMBER, STAFF, LEAD, ACTING])
def test_follow_and_stop_following_by_button(client, project, viewer):
    whose = enter(client, viewer)
    url = reverse("projects:project", args=[project.pk])
    assert "Follow this project" in client.get(url).content.decode()
    client.post(reverse("projects:follow", args=[project.pk]))
    html = client.get(url).content.decode()
    assert "Stop following" in html
    assert ProjectFollow.objects.filter(project=project, person=whose).exists()
    client.post(reverse("projects:unfollow", args=[project.pk]))
    assert not ProjectFollow.objects.filter(project=project).exists()
    assert "Follow this project" in client.get(url).content.decode()


@pytest.mark.parametrize("viewer", [ADMIN, SUPPORTER, None])
def test_those_outside_cannot_follow(client, project, viewer):
    if viewer:
        sign_in(client, viewer)
    response = client.post(reverse("projects:follow", args=[project.pk]))
    if viewer:
        assert response.status_code == 404
    else:
        assert response["Location"].startswith(reverse("accounts:login"))
    assert not ProjectFollow.objects.filter(project=project).exists()


def test_following_is_a_post_only(client, project):
    sign_in(client, MEMBER)
    response = client.get(reverse("projects:follow", args=[project.pk]))
    assert response.status_code == 405
    assert not ProjectFollow.objects.filter(project=project).exists()


def test_a_supporter_cannot_follow_for_someone_they_do_not_support(project):
    with pytest.raises(NotAllowed):
        project_follow(project=project, person=person(MEMBER), by=person(SUPPORTER))
    with pytest.raises(NotAllowed):
        project_unfollow(project=project, person=person(MEMBER), by=person(SUPPORTER))


def test_an_update_reaches_each_follower_as_they_chose_and_never_twice(project):
    straight, daily, phone = person(MEMBER), person(MEMBER2), person(LEAD)
    preferences_save(user=daily, choices={"project": Delivery.DAILY})
    preferences_save(user=phone, choices={"project": Delivery.PHONE})
    for follower in (straight, daily, phone):
        project_follow(project=project, person=follower, by=follower)
    project_follow(project=project, person=straight, by=straight)  # twice: one
    writer = person(STAFF)
    project_follow(project=project, person=writer, by=writer)

    update = project_update_post(
        project=project, by=writer, text="The spring panels are booked."
    )

    told = Notification.objects.filter(dedupe_key=f"project-update:{update.pk}")
    assert {n.recipient for n in told} == {straight, daily, phone}  # not the writer
    assert all(n.kind == "project" for n in told)
    assert all(n.url == reverse("projects:project", args=[project.pk]) for n in told)
    # Straight away: one email in the outbox.
    assert (
        OutboxEmail.objects.filter(
            recipient=straight, dedupe_key__endswith=f"project-update:{update.pk}"
        ).count()
        == 1
    )
    # Phone: a call-back on the lead's list, with the words to read out.
    call = CallBack.objects.get(notification__recipient=phone)
    assert "spring panels" in call.notification.body
    # Daily: gathered by the daily digest, once.
    assert digests_send(rhythm=Delivery.DAILY) >= 1
    digest = told.get(recipient=daily).email
    assert digest is not None and digest.template == "emails/digest"
    assert digests_send(rhythm=Delivery.DAILY) == 0
    # Nothing sent twice: the same key again adds nothing.
    assert (
        notify(
            recipients=[straight, daily, phone],
            kind="project",
            subject="again",
            dedupe_key=f"project-update:{update.pk}",
        )
        == []
    )
    assert told.count() == 3


def test_no_follower_no_notification(project):
    update = project_update_post(
        project=project, by=person(LEAD), text="Nobody follows this yet."
    )
    assert not Notification.objects.filter(
        dedupe_key=f"project-update:{update.pk}"
    ).exists()
    assert ProjectUpdate.objects.get(pk=update.pk).written_by_name == str(person(LEAD))


# A person's own information ----------------------------------------------------


def test_a_persons_download_holds_what_they_follow_and_posted(project):
    staff = person(STAFF)
    project_follow(project=project, person=staff, by=staff)
    part = projects_exports.person_data(staff)
    assert part.data["projects you follow"] == [
        {
            "project": "Recruitment panels 2026",
            "since": ProjectFollow.objects.get(person=staff).created_at,
        }
    ]
    assert "Six members sat on interview panels this month." in [
        update["words"] for update in part.data["updates you posted"]
    ]


def test_anonymising_a_leaver_keeps_the_updates_and_takes_out_their_name(project):
    dafydd = person(MEMBER)
    project_follow(project=project, person=dafydd, by=dafydd)
    update = project_update_post(
        project=project, by=person(STAFF), text="Thank you to Dafydd Pryce."
    )
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    assert person_anonymise(person=dafydd, by=person(LEAD))

    update.refresh_from_db()
    assert "Dafydd" not in update.text
    assert not ProjectFollow.objects.filter(person=dafydd).exists()


# "What we are working on" --------------------------------------------------------

WORKING_ON = "/what-we-are-working-on/"


def test_the_public_page_lists_only_public_projects(client, project, demo_site):
    shown = ProjectFactory(
        name="Carers' leaflet",
        workstream=project.workstream,
        is_public=True,
        contact=person(STAFF),
    )
    listing = client.get(WORKING_ON).content.decode()
    assert "Carers&#x27; leaflet" in listing
    assert "Recruitment panels 2026" not in listing
    assert client.get(f"{WORKING_ON}{project.slug}/").status_code == 404
    assert client.get(f"{WORKING_ON}{shown.slug}/").status_code == 200
    assert client.get(f"{WORKING_ON}no-such-project/").status_code == 404


def test_a_public_project_shows_its_updates_never_who_wrote_them(
    client, project, demo_site
):
    public_meeting = MeetingFactory(title="Panels: what we learnt", is_public=True)
    project.meetings.add(public_meeting)
    project.is_public = True
    project.save()
    html = client.get(f"{WORKING_ON}{project.slug}/").content.decode()
    staff = person(STAFF)
    assert "Six members sat on interview panels" in html
    assert "Updates from the team" in html
    assert str(staff) not in html and staff.email not in html
    assert f'/what-we-did/{public_meeting.slug}/"' in html
    # A linked meeting that is not public is not named.
    assert "Panel training day" not in html
    assert str(person(MEMBER)) not in html


def test_the_sitemap_lists_public_projects_only(client, project, demo_site):
    shown = ProjectFactory(workstream=project.workstream, is_public=True)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{WORKING_ON}{shown.slug}/" in sitemap
    assert f"{WORKING_ON}{project.slug}/" not in sitemap


@pytest.fixture
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_an_update_on_a_public_project_shows_at_once(
    client, project, demo_site, cache_on, django_capture_on_commit_callbacks
):
    project.is_public = True
    project.save()
    url = f"{WORKING_ON}{project.slug}/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        project_update_post(
            project=project, by=person(STAFF), text="Panels booked for June."
        )
    assert "Panels booked for June." in client.get(url).content.decode()


def test_making_a_project_private_takes_it_off_at_once(
    client, project, demo_site, cache_on, django_capture_on_commit_callbacks
):
    project.is_public = True
    project.save()
    client.get(WORKING_ON)
    assert client.get(WORKING_ON)["X-Page-Cache"] == "hit"
    project.is_public = False
    with django_capture_on_commit_callbacks(execute=True):
        project_save(project=project, by=person(LEAD))
    assert "Recruitment panels 2026" not in client.get(WORKING_ON).content.decode()
