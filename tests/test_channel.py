"""Issue 20, line 1: the channel. Topics between the group and staff, posts
in plain text (links, never HTML), edited by their writer for 30 minutes,
hidden by the lead with a reason only the writer (and the lead) read, closed
topics, flags to the lead, unread markers per person, long topics paged, and
pages that run the same queries however many topics and posts there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from channel.exports import TAKEN_OUT
from channel.factories import PostFactory, TopicFactory
from channel.models import Flag, Post, Topic
from channel.services import (
    post_add,
    post_edit,
    post_hide,
    topic_follow,
    topic_start,
)
from core.exceptions import NotAllowed
from members.anonymise import person_anonymise
from members.services import person_deactivate
from notifications.models import Notification
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

MEMBER = "member@example.org"
MEMBER2 = "member2@example.org"
STAFF = "staff@example.org"
LEAD = "lead@example.org"
ADMIN = "admin@example.org"
SUPPORTER = "supporter@example.org"
ACTING = "supporter acting for member2"


def enter(client, viewer):
    """Sign in as the viewer; ACTING is Aoife acting for Niamh (member2)."""
    if viewer == ACTING:
        return act_for(client, SUPPORTER, MEMBER2)
    return sign_in(client, viewer)


@pytest.fixture
def topic():
    """Started by member@ (Dafydd) a minute ago."""
    return topic_start(
        person=person(MEMBER),
        by=person(MEMBER),
        title="Panel questions in good time",
        body="Could we have interview questions two days before?",
        now=timezone.now() - timedelta(minutes=1),
    )


# Who may open what ----------------------------------------------------------

EVERYONE_IN_IT = {
    MEMBER: 200,
    MEMBER2: 200,
    STAFF: 200,
    LEAD: 200,
    ADMIN: 404,
    SUPPORTER: 404,  # not acting for anyone
    ACTING: 200,
}
WRITER_ONLY = dict.fromkeys(EVERYONE_IN_IT, 404) | {MEMBER: 200}
LEAD_ONLY = dict.fromkeys(EVERYONE_IN_IT, 404) | {LEAD: 200}

PAGES = [
    ("channel:list", None, EVERYONE_IN_IT),
    ("channel:start", None, EVERYONE_IN_IT),
    ("channel:topic", "topic", EVERYONE_IN_IT),
    ("channel:post_flag", "post", EVERYONE_IN_IT),
    ("channel:post_edit", "post", WRITER_ONLY),
    ("channel:post_hide", "post", LEAD_ONLY),
]


def _args(topic, about):
    if about == "topic":
        return [topic.pk]
    if about == "post":
        return [topic.posts.get().pk]
    return []


@pytest.mark.parametrize(("name", "about", "expected"), PAGES)
@pytest.mark.parametrize("viewer", [*EVERYONE_IN_IT, None])
def test_who_may_open_each_page(client, topic, name, about, expected, viewer):
    url = reverse(name, args=_args(topic, about))
    if viewer is None:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    enter(client, viewer)
    response = client.get(url)
    assert response.status_code == expected[viewer], viewer
    if response.status_code == 200 and about:
        assert "Panel questions in good time" in response.content.decode()


@pytest.mark.parametrize("viewer", [*EVERYONE_IN_IT, None])
def test_only_the_lead_closes_a_topic(client, topic, viewer):
    if viewer:
        enter(client, viewer)
    response = client.post(reverse("channel:close", args=[topic.pk]))
    topic.refresh_from_db()
    if viewer == LEAD:
        assert response.status_code == 302
        assert topic.is_closed
        return
    if viewer is None:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404
    assert not topic.is_closed


@pytest.mark.parametrize("viewer", [MEMBER, STAFF, LEAD, ACTING])
def test_the_menu_leads_to_the_channel(client, viewer):
    enter(client, viewer)
    html = client.get(reverse("intranet:home"), follow=True).content.decode()
    assert f'href="{reverse("channel:list")}"' in html


def test_the_menu_has_no_channel_for_an_administrator(client):
    sign_in(client, ADMIN)
    html = client.get(reverse("members:profile")).content.decode()
    assert f'href="{reverse("channel:list")}"' not in html


# Starting, replying, and a supporter writing for a member ---------------------


def test_a_member_starts_a_topic_and_staff_reply(client):
    sign_in(client, MEMBER)
    response = client.post(
        reverse("channel:start"),
        {"title": "Large print papers", "body": "Can papers come in large print?"},
    )
    topic = Topic.objects.get(title="Large print papers")
    assert response["Location"] == reverse("channel:topic", args=[topic.pk])
    sign_in(client, STAFF)
    response = client.post(
        reverse("channel:topic", args=[topic.pk]), {"body": "Yes: just ask."}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Can papers come in large print?" in html
    assert "Yes: just ask." in html
    assert "Dafydd Pryce" in html and "Tom Whitlock" in html
    assert "Large print papers" in client.get(reverse("channel:list")).content.decode()


def test_a_supporter_s_post_is_the_member_s_written_by_their_supporter(client, topic):
    act_for(client, SUPPORTER, MEMBER2)
    client.post(reverse("channel:topic", args=[topic.pk]), {"body": "Niamh agrees."})
    post = topic.posts.get(body="Niamh agrees.")
    assert post.author == person(SUPPORTER)
    assert post.written_for == person(MEMBER2)
    sign_in(client, STAFF)
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    assert "Niamh Rafferty (written by their supporter Aoife Rafferty)" in html


def test_a_supporter_may_not_write_for_someone_they_do_not_support(topic):
    with pytest.raises(NotAllowed):
        post_add(topic=topic, person=person(MEMBER), by=person(SUPPORTER), body="Hello")


# Plain text, and bad input --------------------------------------------------


def test_html_is_shown_as_text_and_addresses_become_links(client, topic):
    sign_in(client, MEMBER2)
    client.post(
        reverse("channel:topic", args=[topic.pk]),
        {"body": "<script>alert(1)</script> <b>bold</b>\n\nSee https://example.org/a"},
    )
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert 'href="https://example.org/a"' in html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "Write your post."),
        ("x" * 5001, "5,001 characters long"),
        ("Look [here](javascript:alert(1))", "Remove the “javascript:” link"),
        ("JavaScript :alert(1)", "Remove the “javascript:” link"),
    ],
)
def test_a_bad_reply_is_refused_beside_the_field_with_the_text_kept(
    client, topic, body, message
):
    sign_in(client, MEMBER2)
    response = client.post(reverse("channel:topic", args=[topic.pk]), {"body": body})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html or "field--error" in html
    if body.strip():
        assert body in html
    assert topic.posts.count() == 1


def test_a_topic_needs_a_title_and_keeps_what_was_typed(client):
    sign_in(client, MEMBER)
    response = client.post(
        reverse("channel:start"), {"title": "", "body": "javascript:void(0)"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the topic a title." in html
    assert "javascript:void(0)" in html
    assert not Topic.objects.filter(posts__body="javascript:void(0)").exists()


# Editing within 30 minutes ----------------------------------------------------


def test_the_writer_changes_their_post_and_it_says_edited(client, topic):
    post = topic.posts.get()
    sign_in(client, MEMBER)
    response = client.post(
        reverse("channel:post_edit", args=[post.pk]),
        {"body": "Could we have the questions three days before?"},
    )
    assert response.status_code == 302
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    assert "three days before" in html
    assert "(edited" in html


def test_after_30_minutes_a_post_stays_as_it_is(client, topic):
    post = topic.posts.get()
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(minutes=31)
    )
    post.refresh_from_db()
    sign_in(client, MEMBER)
    assert client.get(reverse("channel:post_edit", args=[post.pk])).status_code == 404
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    assert "Change your post" not in html
    with pytest.raises(NotAllowed):
        post_edit(post=post, by=person(MEMBER), body="Too late")


# Hiding, closing, flagging --------------------------------------------------


def test_a_hidden_post_s_reason_is_read_only_by_its_writer_and_the_lead(client, topic):
    post = topic.posts.get()
    sign_in(client, LEAD)
    response = client.post(
        reverse("channel:post_hide", args=[post.pk]),
        {"reason": "It names a candidate."},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.body  # nothing deleted
    url = reverse("channel:topic", args=[topic.pk])
    for viewer, sees_reason in [
        (MEMBER, True),
        (LEAD, True),
        (MEMBER2, False),
        (STAFF, False),
        (ACTING, False),
    ]:
        client.logout()
        enter(client, viewer)
        html = client.get(url).content.decode()
        assert ("It names a candidate." in html) is sees_reason, viewer
        assert ("interview questions two days" in html) is sees_reason, viewer
        assert "Hidden by the engagement lead" in html, viewer


def test_a_hidden_supporter_s_post_shows_its_reason_to_the_member_and_supporter(
    client, topic
):
    post = post_add(
        topic=topic, person=person(MEMBER2), by=person(SUPPORTER), body="Aoife here"
    )
    post_hide(post=post, by=person(LEAD), reason="Please keep to the topic.")
    url = reverse("channel:topic", args=[topic.pk])
    for viewer, sees_reason in [(MEMBER2, True), (ACTING, True), (MEMBER, False)]:
        client.logout()
        enter(client, viewer)
        html = client.get(url).content.decode()
        assert ("Please keep to the topic." in html) is sees_reason, viewer


def test_hiding_needs_a_reason(client, topic):
    post = topic.posts.get()
    sign_in(client, LEAD)
    response = client.post(reverse("channel:post_hide", args=[post.pk]), {"reason": ""})
    assert response.status_code == 400
    assert (
        "Say why: the person who wrote it will read this." in response.content.decode()
    )
    post.refresh_from_db()
    assert not post.is_hidden


def test_only_the_lead_hides_a_post(topic):
    with pytest.raises(NotAllowed):
        post_hide(post=topic.posts.get(), by=person(STAFF), reason="No")


def test_a_closed_topic_takes_no_more_replies(client, topic):
    sign_in(client, LEAD)
    client.post(reverse("channel:close", args=[topic.pk]))
    sign_in(client, MEMBER2)
    url = reverse("channel:topic", args=[topic.pk])
    html = client.get(url).content.decode()
    assert "no more replies" in html
    assert "Send the reply" not in html
    response = client.post(url, {"body": "One more thing"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This topic is closed: no more replies." in html
    assert "One more thing" in html
    assert topic.posts.count() == 1


def test_a_flag_tells_the_lead(client, topic):
    post = topic.posts.get()
    sign_in(client, MEMBER2)
    response = client.post(
        reverse("channel:post_flag", args=[post.pk]), {"reason": "It is unkind."}
    )
    assert response.status_code == 302
    flag = Flag.objects.get(post=post)
    assert flag.by == person(MEMBER2) and not flag.handled
    told = Notification.objects.get(
        recipient=person(LEAD), dedupe_key=f"channel-flag:{flag.pk}"
    )
    assert "Panel questions in good time" in told.subject
    assert "It is unkind." in told.body
    assert not Notification.objects.filter(
        recipient=person(STAFF), dedupe_key=f"channel-flag:{flag.pk}"
    ).exists()


def test_a_flag_needs_a_reason(client, topic):
    sign_in(client, STAFF)
    response = client.post(
        reverse("channel:post_flag", args=[topic.posts.get().pk]), {"reason": " "}
    )
    assert response.status_code == 400
    assert "Say what is wrong with the post." in response.content.decode()
    assert not Flag.objects.filter(post__topic=topic).exists()


# Unread markers, paging ---------------------------------------------------------


def _marked_new(client, topic) -> bool:
    html = client.get(reverse("channel:list")).content.decode()
    start = html.index(f'href="{reverse("channel:topic", args=[topic.pk])}"')
    item = html[html.rindex("<li", 0, start) : start]
    return "New posts" in item


def test_unread_markers_are_each_person_s(client, topic):
    sign_in(client, MEMBER)
    assert not _marked_new(client, topic)  # their own post
    sign_in(client, MEMBER2)
    assert _marked_new(client, topic)
    client.get(reverse("channel:topic", args=[topic.pk]))
    assert not _marked_new(client, topic)
    post_add(topic=topic, person=person(STAFF), by=person(STAFF), body="A reply")
    assert _marked_new(client, topic)
    sign_in(client, STAFF)
    assert not _marked_new(client, topic)


def test_a_long_topic_comes_20_posts_a_page(client, topic):
    start = timezone.now() - timedelta(hours=2)
    for n in range(24):
        PostFactory(
            topic=topic,
            author=person(STAFF),
            body=f"Reply number {n + 2}.",
            created_at=start + timedelta(minutes=n),
        )
    sign_in(client, MEMBER2)
    url = reverse("channel:topic", args=[topic.pk])
    first = client.get(url).content.decode()
    assert first.count('class="panel" id="post-') == 20
    assert "Page 1 of 2" in first
    second = client.get(url + "?page=2").content.decode()
    assert second.count('class="panel" id="post-') == 5
    response = client.post(url, {"body": "The newest."})
    newest = topic.posts.get(body="The newest.")
    assert response["Location"] == f"{url}?page=2#post-{newest.pk}"


# Queries ------------------------------------------------------------------------


def measured(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def more_topics_and_posts(count=3):
    for _ in range(count):
        more = TopicFactory(started_by=person(MEMBER), title="More topic")
        for _ in range(count):
            PostFactory(topic=more, author=person(STAFF))


@pytest.mark.parametrize("viewer", [MEMBER, STAFF, LEAD, ACTING])
def test_the_channel_s_pages_do_not_grow_with_more_topics_and_posts(
    client, topic, viewer
):
    enter(client, viewer)
    list_url = reverse("channel:list")
    topic_url = reverse("channel:topic", args=[topic.pk])
    more_topics_and_posts(1)
    PostFactory(topic=topic, author=person(STAFF))
    before = measured(client, list_url), measured(client, topic_url)
    more_topics_and_posts()
    post_add(topic=topic, person=person(LEAD), by=person(LEAD), body="Hidden one")
    post_hide(post=topic.posts.last(), by=person(LEAD), reason="Test")
    for _ in range(3):
        PostFactory(topic=topic, author=person(MEMBER2))
    after = measured(client, list_url), measured(client, topic_url)
    assert after == before
    assert max(after) <= 15
    html = client.get(list_url).content.decode()
    assert html.count("More topic") == 4


def test_a_deleted_account_s_posts_stay_under_the_name_they_had(client):
    """A supporter's account (or someone of staff's) can be deleted: the
    posts they wrote stay, signed with the name they had."""
    topic = topic_start(
        person=person(MEMBER2),
        by=person(SUPPORTER),
        title="Dates for the away day",
        body="Niamh would like a Friday.",
    )
    supporter_name = str(person(SUPPORTER))
    person(SUPPORTER).delete()

    post = topic.posts.get()
    assert post.author is None
    sign_in(client, MEMBER)
    page = client.get(reverse("channel:topic", kwargs={"pk": topic.pk}))
    assert (
        f"written by their supporter {supporter_name} (account since closed)"
        in page.content.decode()
    )


def test_anonymising_takes_out_a_leaver_s_words_and_keeps_the_conversation(
    client, topic
):
    """Dafydd (member@) started a topic and leaves; staff replied naming him."""
    reply = post_add(
        topic=topic,
        person=person(STAFF),
        by=person(STAFF),
        body="Thanks Dafydd Pryce, we will send them two days before.",
    )
    dafydd = person(MEMBER)
    # Niamh follows: she is told of his next post, quoted.
    topic_follow(topic=topic, person=person(MEMBER2), by=person(MEMBER2))
    later = post_add(
        topic=topic, person=dafydd, by=dafydd, body="Two days is plenty, thanks."
    )
    told = Notification.objects.filter(dedupe_key=f"channel-post:{later.pk}")
    assert told.filter(body__contains="Two days is plenty").exists()
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    assert person_anonymise(person=dafydd, by=person(LEAD))

    first = topic.posts.filter(author=dafydd).first()
    assert first.body == TAKEN_OUT
    # What his topic's followers were told no longer quotes him.
    assert told.exists()
    assert not told.filter(body__contains="Two days is plenty").exists()
    assert first.signed == f"Former member {dafydd.pk}"
    reply.refresh_from_db()
    assert reply.body == (
        f"Thanks Former member {dafydd.pk}, we will send them two days before."
    )
    sign_in(client, MEMBER2)
    page = client.get(reverse("channel:topic", kwargs={"pk": topic.pk})).text
    assert TAKEN_OUT in page and "Could we have interview questions" not in page
