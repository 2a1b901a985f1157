"""Who may write, edit, approve and publish, and who is told what."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from library.models import LibraryIndexPage
from members.models import User
from notifications.models import Notification
from stories.models import StoryIndexPage, StoryPage
from tests.people import sign_in
from tests.story_forms import member_story_form

pytestmark = pytest.mark.django_db

PASSWORD = "coproduction"


@pytest.fixture
def index(demo_site):
    return StoryIndexPage.objects.get(locale__language_code="en-gb")


def person(email):
    return User.objects.get(email=email)


def draft_by(owner, index, title="A draft about respite care"):
    page = index.add_child(
        instance=StoryPage(
            title=title,
            summary="What respite meant for our family.",
            owner=owner,
            live=False,
        )
    )
    page.save_revision(user=owner)
    return page


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))


def test_a_member_writes_a_story_that_waits_for_the_lead(client, index):
    sign_in(client, "member@example.org")
    data = member_story_form()
    data["action-submit"] = "submit"
    response = client.post(add_url(index), data)
    assert response.status_code == 302
    story = StoryPage.objects.get(title="Respite, and what it gave us")
    assert not story.live
    assert story.owner.email == "member@example.org"
    assert story.slug == "respite-and-what-it-gave-us"
    assert story.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    lead_heard = Notification.objects.get(
        recipient__email="lead@example.org", kind="moderation", target_id=story.pk
    )
    assert "Waiting for your review" in lead_heard.subject
    assert not Notification.objects.filter(
        recipient__email="member2@example.org", target_id=str(story.pk)
    ).exists()


def test_a_member_cannot_publish(client, index):
    sign_in(client, "member@example.org")
    data = member_story_form(title="Trying to publish")
    data["action-publish"] = "publish"
    client.post(add_url(index), data)
    story = StoryPage.objects.get(title="Trying to publish")
    assert not story.live
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert b'name="action-publish"' not in editor.content
    assert b'name="action-submit"' in editor.content


def test_a_member_s_editor_shows_only_what_they_need(client, index):
    sign_in(client, "member@example.org")
    content = client.get(add_url(index)).content.decode()
    assert 'name="summary"' in content
    assert 'name="slug"' not in content
    assert 'name="seo_title"' not in content
    assert "Publishing" not in content
    sign_in(client, "lead@example.org")
    content = client.get(add_url(index)).content.decode()
    assert 'name="slug"' in content
    assert "Publishing" in content


@pytest.mark.parametrize(
    ("email", "can_edit"),
    [
        ("member@example.org", True),  # the owner
        ("member2@example.org", False),
        ("staff@example.org", False),
        ("lead@example.org", True),
        ("admin@example.org", True),
    ],
)
def test_only_the_owner_and_the_lead_may_edit_a_member_s_draft(
    client, index, email, can_edit
):
    draft = draft_by(person("member@example.org"), index)
    sign_in(client, email)
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert (client.get(edit).status_code == 200) is can_edit
    data = member_story_form(title="Changed by someone")
    data["slug"] = draft.slug
    data["date"] = "2026-11-01"
    client.post(edit, data)
    draft.refresh_from_db()
    assert (draft.draft_title == "Changed by someone") is can_edit


def test_anonymous_people_and_staff_cannot_write_stories(client, index):
    response = client.get(add_url(index))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    sign_in(client, "staff@example.org")
    assert client.get(add_url(index)).status_code != 200
    assert client.get(reverse("wagtailadmin_home")).status_code != 200


@pytest.mark.parametrize("section", [StoryIndexPage, LibraryIndexPage])
def test_members_cannot_write_outside_the_two_sections(client, demo_site, section):
    sign_in(client, "member@example.org")
    home = reverse(
        "wagtailadmin_pages:add", args=("stories", "storyindexpage", demo_site.pk)
    )
    assert client.get(home).status_code != 200
    allowed = section.objects.get(locale__language_code="en-gb")
    assert (
        client.get(
            reverse("wagtailadmin_pages:add_subpage", args=[allowed.pk])
        ).status_code
        == 200
    )


def test_a_member_sees_only_the_admin_areas_they_can_use(client, demo_site):
    sign_in(client, "member@example.org")
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    for area in ["/admin/images/", "/admin/documents/", "/admin/media/"]:
        assert area in content
    for area in [
        "/admin/users/",
        "/admin/settings/",
        "/admin/workflows/",
        "/admin/emails/",
        "/admin/snippets/",
        "/admin/reports/",
    ]:
        assert area not in content, area


def start_moderation(page, by):
    workflow = page.get_workflow()
    workflow.start(page, by)
    return page.current_workflow_task_state


def test_the_lead_requests_a_change_and_the_author_reads_it(client, index):
    member = person("member@example.org")
    draft = draft_by(member, index)
    task_state = start_moderation(draft, member)

    sign_in(client, "lead@example.org")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[draft.pk, "reject", task_state.pk],
    )
    comment = "Please add a sentence about who looked after your dad."
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    heard = Notification.objects.get(
        recipient=member, dedupe_key=f"moderation:changes:{task_state.pk}"
    )
    assert heard.subject.startswith("Your story needs a change")
    assert heard.body == comment


def test_the_lead_approves_and_publishes_and_the_author_is_told(client, index):
    member = person("member@example.org")
    draft = draft_by(member, index, title="Approved story")
    task_state = start_moderation(draft, member)

    sign_in(client, "lead@example.org")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[draft.pk, "approve", task_state.pk],
    )
    client.post(url)
    draft.refresh_from_db()
    assert draft.live
    heard = Notification.objects.get(recipient=member, target_id=str(draft.pk))
    assert heard.subject == "Your story was published: “Approved story”"
    assert heard.url == draft.url
    assert client.get(draft.url).status_code == 200


def test_a_member_cannot_approve(client, index):
    owner = person("member2@example.org")
    draft = draft_by(owner, index)
    task_state = start_moderation(draft, owner)
    sign_in(client, "member@example.org")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[draft.pk, "approve", task_state.pk],
    )
    client.post(url)
    draft.refresh_from_db()
    assert not draft.live


def test_wagtail_s_own_workflow_emails_are_replaced_by_notifications(index, mailoutbox):
    member = person("member@example.org")
    start_moderation(draft_by(member, index), member)
    assert not [m for m in mailoutbox if "submitted" in m.subject.lower()]


@pytest.mark.parametrize(
    ("email", "actions"),
    [
        ("member@example.org", ["Write a story", "Add a library resource"]),
        ("lead@example.org", ["Write a story", "Add a library resource"]),
    ],
)
def test_the_admin_home_offers_to_write_in_the_right_section(
    client, index, email, actions
):
    sign_in(client, email)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{add_url(index)}">Write a story</a>' in content
    for action in actions:
        assert f">{action}</a>" in content


def test_the_preview_runs_the_checker_with_the_project_s_extra_rules(client, index):
    sign_in(client, "lead@example.org")
    story = StoryPage.objects.live().filter(locale__language_code="en-gb").first()
    content = client.get(story.url).content.decode()
    assert "image-redundant-alt" in content
    assert "video-caption" in content


def test_a_member_sees_their_story_s_history_and_restores_an_earlier_version(
    client, index
):
    member = person("member@example.org")
    draft = draft_by(member, index, title="First title")
    first = draft.latest_revision
    draft.title = "Second title"
    draft.save_revision(user=member)

    sign_in(client, "member@example.org")
    history = client.get(reverse("wagtailadmin_pages:history", args=[draft.pk]))
    assert history.status_code == 200
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[draft.pk, first.pk])
    form = client.get(revert).content.decode()
    assert 'value="First title"' in form
    client.post(revert, member_story_form(title="First title"))
    draft.refresh_from_db()
    assert draft.draft_title == "First title"
    assert draft.revisions.count() == 3

    # Nobody else's history is open to them.
    theirs = draft_by(person("member2@example.org"), index, title="Not yours")
    sign_in(client, "member@example.org")
    history = client.get(reverse("wagtailadmin_pages:history", args=[theirs.pk]))
    assert history.status_code != 200


def test_drafts_and_the_review_queue_show_on_the_dashboards(
    client, index, django_assert_max_num_queries
):
    member = person("member@example.org")
    pages = [draft_by(member, index, title=f"Respite story {n}") for n in range(3)]
    sign_in(client, "member@example.org")
    mine = client.get(reverse("intranet:home")).content.decode()
    assert "Respite story 0" in mine and "(not published yet)" in mine

    for page in pages:
        start_moderation(page, member)
    sign_in(client, "lead@example.org")
    response = client.get(reverse("intranet:home"))
    assert all(f"Respite story {n}" in response.content.decode() for n in range(3))
    # The review list's titles come in one query, not one per page.
    page = draft_by(member, index, title="Respite story 3")
    start_moderation(page, member)
    with django_assert_max_num_queries(30) as counted:
        client.get(reverse("intranet:home"))
    four = len(counted.captured_queries)
    start_moderation(draft_by(member, index, title="Respite story 4"), member)
    with django_assert_max_num_queries(30) as counted:
        client.get(reverse("intranet:home"))
    assert len(counted.captured_queries) == four
