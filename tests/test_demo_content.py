"""The demo content command: complete, repeatable, never in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Revision, Site, TaskState, WorkflowState

from channel.models import Post, Topic
from demo.accounts import DEMO_ACCOUNTS
from demo.writing_content import CHANGE_REQUESTED
from impact.models import HeardAnswer, HeardAsk, Meeting
from impact.selectors import heard_answers_about, heard_summary
from notifications.models import CallBack, Notification, OutboxEmail
from opportunities.models import EngagementRequest, Opportunity, Session
from payments.models import Claim
from projects.models import Project, ProjectUpdate
from stories.models import StoryPage
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db


def counts():
    return (
        get_user_model().objects.count(),
        Page.objects.count(),
        Site.objects.count(),
        Revision.objects.count(),
        Notification.objects.count(),
        OutboxEmail.objects.count(),
        CallBack.objects.count(),
        HeardAnswer.objects.count(),
        HeardAsk.objects.count(),
        Topic.objects.count(),
        Post.objects.count(),
        Project.objects.count(),
        ProjectUpdate.objects.count(),
    )


def test_running_twice_creates_nothing_twice():
    call_command("load_demo_content", stdout=None)
    first = counts()
    call_command("load_demo_content")
    assert counts() == first


@pytest.mark.parametrize(
    ("email", "group"),
    [
        ("lead@example.org", "Engagement leads"),
        ("member@example.org", "Members"),
        ("member2@example.org", "Members"),
        ("member3@example.org", "Members"),
        ("staff@example.org", "Staff"),
        ("admin@example.org", "Administrators"),
    ],
)
def test_each_demo_account_signs_in_in_its_role(client, email, group):
    call_command("load_demo_content")
    user = get_user_model().objects.get(email=email)
    assert user.check_password("coproduction")
    assert list(user.groups.values_list("name", flat=True)) == [group]


def test_only_the_administrator_is_a_superuser():
    call_command("load_demo_content")
    superusers = get_user_model().objects.filter(is_superuser=True)
    assert list(superusers.values_list("email", flat=True)) == ["admin@example.org"]
    assert len(DEMO_ACCOUNTS) == 8


def test_the_demo_channel_has_the_report_s_topics_and_one_hidden_post(client):
    titles = set(Topic.objects.values_list("title", flat=True))
    assert any("roundtables" in title for title in titles)
    assert any("Recruitment panels" in title for title in titles)
    assert any("away day" in title for title in titles)
    hidden = Post.objects.get(hidden_at__isnull=False)
    assert hidden.hidden_by == person("lead@example.org")
    assert Post.objects.filter(written_for=person("member2@example.org")).exists()
    sign_in(client, "member2@example.org")
    html = client.get(reverse("channel:list")).content.decode()
    assert "Recruitment panels" in html
    # One flag waits for the lead: her list shows it.
    sign_in(client, "lead@example.org")
    flags = client.get(reverse("channel:flags")).text
    assert "The old room has no lift" in flags


def test_an_editor_s_change_to_the_home_page_survives_a_reload(demo_site):
    demo_site.introduction = "Written by the lead"
    demo_site.save_revision().publish()
    call_command("load_demo_content")
    demo_site.refresh_from_db()
    assert demo_site.introduction == "Written by the lead"


def test_refuses_when_settings_do_not_allow_demo_content(settings):
    # Staff requests are kept when an account goes (PROTECT): remove them first.
    EngagementRequest.objects.filter(requested_by__email="staff@example.org").delete()
    get_user_model().objects.filter(email="staff@example.org").delete()
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load demo content"):
        call_command("load_demo_content")
    assert not get_user_model().objects.filter(email="staff@example.org").exists()


def test_the_demo_shows_each_way_of_hearing_about_things(demo_site):
    kinds = set(
        Notification.objects.filter(
            recipient__email__in=["member@example.org", "member2@example.org"]
        ).values_list("kind", flat=True)
    )
    assert len(kinds) >= 5
    # member2 asked to be phoned about payments: the lead has a call to make.
    assert CallBack.objects.filter(
        notification__recipient__email="member2@example.org",
        notification__kind="payment",
    ).exists()
    # member asked for a weekly summary of group news: nothing emailed yet.
    news = Notification.objects.get(
        recipient__email="member@example.org", kind="general"
    )
    assert (news.delivery, news.email) == ("weekly", None)
    assert OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED).exists()


def test_the_demo_has_opportunities_and_claims_in_every_state(demo_site):
    assert set(Opportunity.objects.values_list("status", flat=True)) == set(
        Opportunity.Status.values
    )
    assert set(Claim.objects.values_list("status", flat=True)) == set(
        Claim.Status.values
    )
    assert {e.status for e in EngagementRequest.objects.all()} == set(
        EngagementRequest.Status.values
    )
    years = {
        s.starts_at.year
        for s in Session.objects.filter(opportunity__status="completed")
    }
    assert {2022, 2023} <= years


# Members writing (demo/writing_content.py) -------------------------------------


def story(slug) -> StoryPage:
    return StoryPage.objects.get(slug=slug)


def test_dafydd_owns_two_published_stories_and_a_draft(demo_site):
    dafydd = person("member@example.org")
    owned = StoryPage.objects.filter(owner=dafydd, locale__language_code="en-gb")
    assert {s.slug for s in owned.live()} == {
        "carers-week-2023-a-video-interview",
        "my-first-paid-meeting",
    }
    assert [s.title for s in owned.not_live()] == ["A break for me when I care all day"]
    # Each is in his history: a revision saved by him.
    for page in owned:
        assert page.revisions.filter(user=dafydd).exists(), page.title


def test_dafydd_s_draft_is_on_his_dashboard(client, demo_site):
    sign_in(client, "member@example.org")
    content = client.get(reverse("intranet:home")).content.decode()
    drafts = content.split('id="drafts-heading"')[1].split("</section>")[0]
    assert "A break for me when I care all day" in drafts
    assert "You have no drafts" not in drafts
    assert "My first paid meeting" not in drafts  # published, nothing pending


def test_niamh_s_story_waits_for_the_lead_s_review(demo_site):
    waiting = story("why-i-joined-the-group")
    assert waiting.owner.email == "member2@example.org"
    assert not waiting.live
    state = waiting.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by.email == "member2@example.org"
    assert waiting.current_workflow_task.name == "Engagement lead review"
    assert Notification.objects.filter(
        recipient__email="lead@example.org", kind="moderation", target_id=waiting.pk
    ).exists()


def test_niamh_s_other_story_was_sent_back_with_the_lead_s_comment(client, demo_site):
    sent_back = story("getting-to-meetings-by-bus")
    assert sent_back.owner.email == "member2@example.org"
    assert not sent_back.live
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(sent_back.pk)
    )
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.finished_by.email == "lead@example.org"
    assert task_state.comment == CHANGE_REQUESTED
    # Niamh reads the comment in her notifications.
    sign_in(client, "member2@example.org")
    content = client.get(reverse("notifications:centre")).content.decode()
    assert "Your story needs a change" in content
    assert "Please add a line about what would make the trip easier." in content


def test_the_lead_s_dashboard_shows_what_waits_for_review(client, demo_site):
    sign_in(client, "lead@example.org")
    content = client.get(reverse("intranet:home")).content.decode()
    panel = content.split('id="moderation-heading"')[1].split("</section>")[0]
    assert "Why I joined the group" in panel
    assert "Nothing is waiting for review" not in panel
    # Sent back: waiting for Niamh now, not for the lead.
    assert "Getting to meetings by bus" not in panel


def test_wagtail_s_workflow_screens_show_the_members_stories(client, demo_site):
    sign_in(client, "lead@example.org")
    report = client.get(reverse("wagtailadmin_reports:workflow"))
    assert report.status_code == 200
    for title in ["Why I joined the group", "Getting to meetings by bus"]:
        assert title in report.content.decode()
    waiting = story("why-i-joined-the-group")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[waiting.pk]))
    assert editor.status_code == 200
    content = editor.content.decode()
    assert "In Moderation" in content
    assert "Engagement lead review" in content
    assert "Approve and Publish" in content
    # Niamh's editor shows the lead's comment on the story sent back.
    sign_in(client, "member2@example.org")
    sent_back = story("getting-to-meetings-by-bus")
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[sent_back.pk]))
    assert editor.status_code == 200
    assert "Changes requested by Morwenna Hale" in editor.content.decode()
    assert CHANGE_REQUESTED in editor.content.decode()


def test_the_members_stories_pass_the_content_checks(demo_site):
    for slug in [
        "my-first-paid-meeting",
        "a-break-for-me-when-i-care-all-day",
        "why-i-joined-the-group",
        "getting-to-meetings-by-bus",
    ]:
        assert story(slug).content_report() == [], slug


def test_the_demo_members_answered_were_we_heard(demo_site):
    """Enough answers that some meetings and the year 2023 are summarised,
    one written down by the lead on a call, from members who were there."""
    shown = [
        meeting.title
        for meeting in Meeting.objects.order_by("date")
        if heard_summary(answers=heard_answers_about(subject=meeting)).is_shown
    ]
    assert len(shown) >= 3
    assert "Planning meeting" in shown
    of_2023 = HeardAnswer.objects.filter(meeting__date__year=2023)
    summary = heard_summary(answers=of_2023)
    assert summary.is_shown
    assert len(summary.scores) == 4
    by_phone = [answer for answer in HeardAnswer.objects.all() if answer.was_by_phone]
    assert [(a.member.email, a.meeting.title) for a in by_phone] == [
        ("member2@example.org", "Planning meeting")
    ]
    for answer in HeardAnswer.objects.select_related("meeting"):
        there = answer.meeting.attendees.all() | answer.meeting.led_by.all()
        assert answer.member in there
        assert HeardAsk.objects.filter(member=answer.member, meeting=answer.meeting)


def test_the_demo_projects_one_public_and_on_dafydd_s_dashboard(client, demo_site):
    public = Project.objects.get(slug="recruitment-panels")
    private = Project.objects.get(slug="policy-and-practice-roundtables")
    assert public.is_public and not private.is_public
    for project in (public, private):
        assert 2 <= project.updates.count() <= 3
        assert {u.written_by.email for u in project.updates.all()} == {
            "staff@example.org"
        }
    sign_in(client, "member@example.org")
    html = client.get(reverse("intranet:home")).content.decode()
    assert "Your projects" in html
    assert "Recruitment panels" in html
    assert "The short guide for new panel members is ready" in html
    # He follows it: its latest update reached him as a notification.
    told = Notification.objects.filter(
        recipient__email="member@example.org", kind="project"
    )
    assert [n.subject for n in told] == ["News of “Recruitment panels”"]
    client.logout()
    listing = client.get("/what-we-are-working-on/").content.decode()
    assert "Recruitment panels" in listing
    assert "Policy and practice roundtables" not in listing
    page = client.get("/what-we-are-working-on/recruitment-panels/")
    assert page.status_code == 200
    assert "Seven members have now sat on interview panels" in page.content.decode()
    assert (
        client.get(
            "/what-we-are-working-on/policy-and-practice-roundtables/"
        ).status_code
        == 404
    )


def test_the_welsh_reading_member_reads_the_charter_and_its_notice_in_welsh(client):
    seren = person("member4@example.org")
    assert seren.language == "cy"
    asked = Notification.objects.get(recipient=seren, dedupe_key="charter:2")
    assert asked.subject.startswith("Darllenwch a derbyniwch fersiwn 2")
    assert "isdeitlau ymlaen bob amser" in asked.body  # what changed, in Welsh
    client.force_login(seren)
    html = client.get("/members/charter/").content.decode()
    assert "Ein hymrwymiad" in html
    assert "Hawdd ei Ddeall" in html


def test_the_demo_s_page_tree_counts_every_page_s_children(demo_site):
    """Welsh versions are published at once, never from a stale copy that
    would forget the children added since (treebeard's numchild)."""
    wrong = [
        page.url_path
        for page in Page.objects.order_by("path")
        if page.numchild
        != Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    ]
    assert wrong == []
