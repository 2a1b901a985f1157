"""Issue 20, line 2, for the channel: following a topic and mentioning
someone by name. Follow / Stop following on the topic page (the same people
as the channel, a supporter acting follows for the member), starting or
posting in a topic follows it, a new post reaches followers through the
notification service at the rhythm each chose (straight away, daily or
weekly digests, a call-back on the lead's list), "@Name" tells that person,
and nothing is sent twice."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from channel.models import TopicFollow
from channel.selectors import mentions_in, topic_is_followed
from channel.services import (
    _post_tell,
    post_add,
    post_edit,
    post_hide,
    topic_start,
    topic_unfollow,
)
from members import roles
from members.factories import PersonFactory
from members.services import person_deactivate
from notifications.digests import digests_send
from notifications.emails import email_render
from notifications.models import CallBack, Delivery, Kind, Notification, OutboxEmail
from notifications.services import preferences_save
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

MEMBER = "member@example.org"  # Dafydd Pryce
MEMBER2 = "member2@example.org"  # Niamh Rafferty
STAFF = "staff@example.org"  # Tom Whitlock
LEAD = "lead@example.org"  # Morwenna Hale
ADMIN = "admin@example.org"
SUPPORTER = "supporter@example.org"  # Aoife Rafferty, Niamh's supporter
ACTING = "supporter acting for member2"


def enter(client, viewer):
    if viewer == ACTING:
        return act_for(client, SUPPORTER, MEMBER2)
    return sign_in(client, viewer)


@pytest.fixture
def topic():
    """Started by member@ (Dafydd) a minute ago: he follows it."""
    return topic_start(
        person=person(MEMBER),
        by=person(MEMBER),
        title="Panel questions in good time",
        body="Could we have interview questions two days before?",
        now=timezone.now() - timedelta(minutes=1),
    )


def told(who, dedupe_key) -> list[Notification]:
    return list(Notification.objects.filter(recipient=who, dedupe_key=dedupe_key))


def channel_news(who, topic) -> list[Notification]:
    """What this person heard of the topic's posts (the demo's topics tell
    the demo people of theirs too)."""
    keys = [
        f"channel-{about}:{pk}"
        for pk in topic.posts.values_list("pk", flat=True)
        for about in ("post", "mention")
    ]
    return list(
        Notification.objects.filter(
            recipient=who, kind=Kind.CHANNEL, dedupe_key__in=keys
        )
    )


# Who may follow ---------------------------------------------------------------

# Whose follow a press of the button makes (None: "not found", nothing made).
FOLLOWER = {
    MEMBER: MEMBER,  # started it, so follows already: pressing again keeps one
    MEMBER2: MEMBER2,
    STAFF: STAFF,
    LEAD: LEAD,
    ADMIN: None,
    SUPPORTER: None,  # not acting for anyone
    ACTING: MEMBER2,  # the member follows, not her supporter
}


@pytest.mark.parametrize("viewer", [*FOLLOWER, None])
def test_who_may_follow_and_stop_following(client, topic, viewer):
    follow = reverse("channel:follow", args=[topic.pk])
    unfollow = reverse("channel:unfollow", args=[topic.pk])
    if viewer is None:
        for url in (follow, unfollow):
            response = client.post(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:login"))
        assert list(topic.follows.values_list("person__email", flat=True)) == [MEMBER]
        return
    enter(client, viewer)
    expected = FOLLOWER[viewer]
    response = client.post(follow)
    if expected is None:
        assert response.status_code == 404
        assert client.post(unfollow).status_code == 404
        assert list(topic.follows.values_list("person__email", flat=True)) == [MEMBER]
        return
    assert response.status_code == 302
    assert topic_is_followed(topic=topic, person=person(expected))
    assert not TopicFollow.objects.filter(person=person(SUPPORTER)).exists()
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    who = "Niamh Rafferty follows" if viewer == ACTING else "You follow"
    assert f"{who} this topic: new posts reach" in html
    assert topic.follows.filter(person=person(expected)).count() == 1
    assert client.post(unfollow).status_code == 302
    assert not topic_is_followed(topic=topic, person=person(expected))
    # Another person's follow is theirs: the starter still follows.
    assert topic_is_followed(topic=topic, person=person(MEMBER)) is (viewer != MEMBER)


def test_following_is_a_post_only(client, topic):
    sign_in(client, MEMBER2)
    assert client.get(reverse("channel:follow", args=[topic.pk])).status_code == 405
    assert client.get(reverse("channel:unfollow", args=[topic.pk])).status_code == 405
    assert not topic_is_followed(topic=topic, person=person(MEMBER2))


def test_the_topic_page_says_in_words_whether_you_follow_it(client, topic):
    sign_in(client, MEMBER)
    url = reverse("channel:topic", args=[topic.pk])
    html = client.get(url).content.decode()
    assert "You follow this topic: new posts reach you" in html
    assert f'href="{reverse("notifications:preferences")}"' in html
    assert "Stop following this topic" in html

    response = client.post(reverse("channel:unfollow", args=[topic.pk]), follow=True)
    html = response.content.decode()
    assert "You no longer follow this topic." in html
    assert "You do not follow this topic." in html
    assert "Follow this topic</button>" in html


def test_the_topic_list_marks_the_topics_you_follow_in_words(client, topic):
    sign_in(client, MEMBER)
    html = client.get(reverse("channel:list")).content.decode()
    item = html.split("Panel questions in good time")[1].split("</li>")[0]
    assert "You follow this topic." in item

    sign_in(client, MEMBER2)
    html = client.get(reverse("channel:list")).content.decode()
    item = html.split("Panel questions in good time")[1].split("</li>")[0]
    assert "You follow this topic." not in item


def test_replying_follows_the_topic_again_after_stopping(topic):
    niamh = person(MEMBER2)
    post_add(topic=topic, person=niamh, by=niamh, body="Yes, please.")
    assert topic_is_followed(topic=topic, person=niamh)
    topic_unfollow(topic=topic, person=niamh, by=niamh)
    assert not topic_is_followed(topic=topic, person=niamh)
    post_add(topic=topic, person=niamh, by=niamh, body="And the room in advance.")
    assert topic_is_followed(topic=topic, person=niamh)


def test_a_supporter_s_post_follows_for_the_member(topic):
    post_add(topic=topic, person=person(MEMBER2), by=person(SUPPORTER), body="Agreed.")
    assert topic_is_followed(topic=topic, person=person(MEMBER2))
    assert not TopicFollow.objects.filter(person=person(SUPPORTER)).exists()


# A new post reaches the followers ---------------------------------------------


def test_followers_are_told_of_a_new_post_and_its_writer_is_not(topic):
    dafydd, tom = person(MEMBER), person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    (notification,) = told(dafydd, f"channel-post:{post.pk}")
    assert notification.kind == Kind.CHANNEL
    assert notification.subject == "New post in “Panel questions in good time”"
    assert notification.body == "Tom Whitlock wrote:\n\nTwo days: agreed."
    assert notification.url == (
        f"{reverse('channel:topic', args=[topic.pk])}#post-{post.pk}"
    )
    assert notification.target == post
    assert channel_news(tom, topic) == []


def test_a_supporter_s_post_tells_neither_the_member_nor_the_supporter(topic):
    niamh, aoife = person(MEMBER2), person(SUPPORTER)
    post_add(topic=topic, person=niamh, by=niamh, body="I follow this too.")
    post = post_add(topic=topic, person=niamh, by=aoife, body="Niamh agrees.")
    (notification,) = told(person(MEMBER), f"channel-post:{post.pk}")
    assert notification.body.startswith(
        "Niamh Rafferty (written by their supporter Aoife Rafferty) wrote:"
    )
    assert told(niamh, f"channel-post:{post.pk}") == []
    assert told(aoife, f"channel-post:{post.pk}") == []


def test_a_long_post_is_quoted_in_its_first_300_characters(topic):
    tom = person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="word " * 200)
    (notification,) = told(person(MEMBER), f"channel-post:{post.pk}")
    quoted = notification.body.split("\n\n", 1)[1]
    assert len(quoted) <= 300
    assert quoted.endswith("word…")


def test_followers_no_longer_in_the_channel_are_not_told(topic):
    left, moved_on = PersonFactory(), PersonFactory()
    for someone in (left, moved_on):
        TopicFollow.objects.create(person=someone, topic=topic)
    person_deactivate(user=left, ended_on=timezone.localdate())
    moved_on.groups.remove(moved_on.groups.get(name=roles.MEMBERS))
    tom = person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    assert told(left, f"channel-post:{post.pk}") == []
    assert told(moved_on, f"channel-post:{post.pk}") == []
    assert len(told(person(MEMBER), f"channel-post:{post.pk}")) == 1


def test_a_follower_who_stopped_is_not_told(topic):
    dafydd, tom = person(MEMBER), person(STAFF)
    topic_unfollow(topic=topic, person=dafydd, by=dafydd)
    post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    assert channel_news(dafydd, topic) == []


def test_a_hidden_post_is_no_longer_quoted_in_what_people_were_told(topic):
    tom, niamh = person(STAFF), person(MEMBER2)
    post = post_add(
        topic=topic, person=tom, by=tom, body="@Niamh Rafferty, the candidate's name…"
    )
    other = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    post_hide(post=post, by=person(LEAD), reason="It names a candidate.")
    for notification in [
        *told(person(MEMBER), f"channel-post:{post.pk}"),
        *told(niamh, f"channel-mention:{post.pk}"),
    ]:
        assert notification.body == "The engagement lead has since hidden this post."
        assert "candidate" not in email_render(notification.email)[0]
    # The other post's news still quotes it.
    (kept,) = told(person(MEMBER), f"channel-post:{other.pk}")
    assert kept.body.endswith("Two days: agreed.")


# Each at the rhythm they chose ------------------------------------------------


@pytest.fixture
def followers(topic):
    """Four members following the topic, one for each rhythm."""
    people = {}
    for delivery in (Delivery.IMMEDIATE, Delivery.DAILY, Delivery.WEEKLY):
        someone = PersonFactory()
        preferences_save(user=someone, choices={Kind.CHANNEL: delivery})
        TopicFollow.objects.create(person=someone, topic=topic)
        people[delivery] = someone
    someone = PersonFactory()
    preferences_save(user=someone, choices={Kind.CHANNEL: Delivery.PHONE})
    TopicFollow.objects.create(person=someone, topic=topic)
    people[Delivery.PHONE] = someone
    return people


def test_straight_away_is_one_email_in_the_outbox_even_when_told_again(
    topic, followers
):
    tom = person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    _post_tell(post=post)  # a second run (a retried task, say) adds nothing
    straight = followers[Delivery.IMMEDIATE]
    (email,) = OutboxEmail.objects.filter(recipient=straight)
    assert email.subject == "New post in “Panel questions in good time”"
    text, html = email_render(email)
    assert "Tom Whitlock wrote:" in text
    assert f"#post-{post.pk}" in text
    assert Notification.objects.filter(
        dedupe_key=f"channel-post:{post.pk}"
    ).count() == (
        len(followers) + 1  # and Dafydd, who started it
    )


@pytest.mark.parametrize("rhythm", [Delivery.DAILY, Delivery.WEEKLY])
def test_a_digest_gathers_the_post_and_nothing_is_emailed_at_once(
    topic, followers, rhythm
):
    tom = person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    reader = followers[rhythm]
    assert not OutboxEmail.objects.filter(recipient=reader).exists()

    assert digests_send(rhythm=rhythm) >= 1
    digests_send(rhythm=rhythm)  # a repeated run sends no second digest
    (digest,) = OutboxEmail.objects.filter(recipient=reader)
    (notification,) = told(reader, f"channel-post:{post.pk}")
    assert notification.email == digest
    text, _ = email_render(digest)
    assert "New post in “Panel questions in good time”" in text
    # The other rhythm's reader is not in this digest.
    other = followers[Delivery.WEEKLY if rhythm == Delivery.DAILY else Delivery.DAILY]
    assert not OutboxEmail.objects.filter(recipient=other).exists()


def test_phone_me_puts_the_post_on_the_lead_s_call_back_list(topic, followers):
    tom = person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="Two days: agreed.")
    caller = followers[Delivery.PHONE]
    (call_back,) = CallBack.objects.filter(notification__recipient=caller)
    assert call_back.notification.dedupe_key == f"channel-post:{post.pk}"
    assert "Tom Whitlock wrote:\n\nTwo days: agreed." == call_back.notification.body
    assert not OutboxEmail.objects.filter(recipient=caller).exists()


def test_telling_followers_runs_the_same_statements_for_10_and_40(topic):
    tom = person(STAFF)
    # Tom has posted before: he follows it and has read it.
    post_add(topic=topic, person=tom, by=tom, body="A first word.")

    def statements(count):
        for someone in [PersonFactory() for _ in range(count)]:
            TopicFollow.objects.create(person=someone, topic=topic)
        with CaptureQueriesContext(connection) as queries:
            post = post_add(
                topic=topic, person=tom, by=tom, body="@Dafydd Pryce, two days."
            )
        return len(queries), post

    ten, _ = statements(10)
    forty, post = statements(30)
    assert ten == forty
    # Dafydd, who follows it too, hears of the mention instead.
    assert (
        Notification.objects.filter(dedupe_key=f"channel-post:{post.pk}").count() == 40
    )
    assert len(told(person(MEMBER), f"channel-mention:{post.pk}")) == 1


# Mentions ---------------------------------------------------------------------


def test_a_mention_tells_that_person_whatever_the_case(topic):
    tom, niamh = person(STAFF), person(MEMBER2)
    post = post_add(
        topic=topic, person=tom, by=tom, body="@niamh rafferty, could you lead it?"
    )
    (notification,) = told(niamh, f"channel-mention:{post.pk}")
    assert notification.kind == Kind.CHANNEL
    assert notification.subject == (
        "Tom Whitlock mentioned you in “Panel questions in good time”"
    )
    assert notification.url.endswith(f"#post-{post.pk}")
    # Niamh does not follow the topic: the mention is all she hears.
    assert channel_news(niamh, topic) == [notification]


def test_the_longest_name_wins_and_only_people_in_the_channel_count():
    sam = PersonFactory(first_name="Sam", last_name="")
    sam_jones = PersonFactory(first_name="Sam", last_name="Jones")
    assert mentions_in(body="Ask @Sam Jones.") == [sam_jones]
    assert mentions_in(body="Ask @Sam, then @SAM\nJONES.") == [sam, sam_jones]
    # Aoife is a supporter; the administrator is not in the channel; an
    # email address mentions nobody.
    assert mentions_in(body="@Aoife Rafferty @Site Administrator") == []
    assert mentions_in(body="write to sam@Sam Jones") == []
    assert mentions_in(body="@Samuel") == []


def test_someone_who_has_left_is_not_told_of_a_mention(topic):
    gone = PersonFactory(first_name="Rhian", last_name="Evans")
    person_deactivate(user=gone, ended_on=timezone.localdate())
    tom = person(STAFF)
    post_add(topic=topic, person=tom, by=tom, body="As @Rhian Evans said.")
    assert channel_news(gone, topic) == []


def test_a_follower_who_is_mentioned_gets_one_notification_the_mention(topic):
    dafydd, tom = person(MEMBER), person(STAFF)
    post = post_add(topic=topic, person=tom, by=tom, body="@Dafydd Pryce: agreed.")
    (notification,) = channel_news(dafydd, topic)
    assert notification.dedupe_key == f"channel-mention:{post.pk}"
    assert "mentioned you" in notification.subject
    assert OutboxEmail.objects.filter(notifications__in=[notification]).count() == 1


def test_the_writer_is_not_told_of_their_own_mention(topic):
    tom = person(STAFF)
    post_add(topic=topic, person=tom, by=tom, body="I, @Tom Whitlock, agree.")
    assert channel_news(tom, topic) == []


def test_an_edit_tells_only_the_newly_mentioned_and_a_second_edit_nobody(topic):
    dafydd, niamh, lead, tom = (
        person(MEMBER),
        person(MEMBER2),
        person(LEAD),
        person(STAFF),
    )
    post = post_add(topic=topic, person=tom, by=tom, body="@Niamh Rafferty: yes.")
    assert len(channel_news(niamh, topic)) == 1
    assert len(channel_news(dafydd, topic)) == 1  # the new post, as a follower

    post_edit(post=post, by=tom, body="@Niamh Rafferty and @Morwenna Hale: yes.")
    post_edit(post=post, by=tom, body="@Niamh Rafferty and @Morwenna Hale: yes!")
    assert len(channel_news(niamh, topic)) == 1
    (mention,) = channel_news(lead, topic)
    assert mention.body.endswith("@Niamh Rafferty and @Morwenna Hale: yes.")
    assert len(channel_news(dafydd, topic)) == 1  # followers hear of new posts only


def test_the_post_box_says_how_to_mention(client, topic):
    sign_in(client, MEMBER2)
    html = client.get(reverse("channel:topic", args=[topic.pk])).content.decode()
    assert "write @ and their name as it shows here" in html


# Names and titles cannot break an email ---------------------------------------


def test_html_and_line_breaks_in_a_title_or_name_are_safe_in_the_email():
    writer = PersonFactory(first_name="<b>Bold\nName</b>", last_name="Jones")
    reader = PersonFactory(first_name="Reader", last_name="Jones")
    topic = topic_start(
        person=reader,
        by=reader,
        title="<script>alert(1)</script>\nBcc: everyone@example.org",
        body="Who knows?",
    )
    post = post_add(
        topic=topic, person=writer, by=writer, body="<img src=x onerror=alert(1)>"
    )
    (email,) = OutboxEmail.objects.filter(recipient=reader)
    assert "\n" not in email.subject
    assert email.subject == (
        "New post in “<script>alert(1)</script> Bcc: everyone@example.org”"
    )
    text, html = email_render(email)
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold Name&lt;/b&gt; Jones wrote:" in html
    assert "<b>Bold Name</b> Jones wrote:" in text  # plain text, as typed
    assert f"#post-{post.pk}" in text


def test_a_subject_from_the_longest_title_fits_a_notification(topic):
    reader = person(MEMBER)
    long = topic_start(person=reader, by=reader, title="Panels " * 28, body="Who?")
    niamh = person(MEMBER2)
    post = post_add(
        topic=long, person=niamh, by=person(SUPPORTER), body="@Dafydd Pryce, me."
    )
    (notification,) = told(reader, f"channel-mention:{post.pk}")
    assert len(notification.subject) == 200
    assert notification.subject.startswith(
        "Niamh Rafferty (written by their supporter Aoife Rafferty) mentioned you"
    )
    assert notification.subject.endswith("…")
