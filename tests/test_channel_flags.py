"""The engagement lead's flagged posts: only the lead reads the list or
leaves a post up; hiding deals with a post's flags; nothing is deleted."""

import pytest
from django.urls import reverse

from channel.models import Flag
from channel.services import post_add, post_flag, post_hide, topic_start
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
EVERYONE = [MEMBER, MEMBER2, STAFF, LEAD, ADMIN, SUPPORTER, ACTING]


def enter(client, viewer):
    if viewer == ACTING:
        return act_for(client, SUPPORTER, MEMBER2)
    return sign_in(client, viewer)


@pytest.fixture
def flagged():
    """A reply by staff that member2 (Niamh) flagged."""
    topic = topic_start(
        person=person(MEMBER),
        by=person(MEMBER),
        title="Away day venue",
        body="Could we meet somewhere with step-free access?",
    )
    post = post_add(
        topic=topic,
        person=person(STAFF),
        by=person(STAFF),
        body="That venue is always a pain, honestly.",
    )
    post_flag(post=post, person=person(MEMBER2), by=person(MEMBER2), reason="Unkind")
    return post


@pytest.mark.parametrize("viewer", [*EVERYONE, None])
def test_only_the_lead_reads_the_flagged_posts(client, flagged, viewer):
    if viewer:
        enter(client, viewer)
    response = client.get(reverse("channel:flags"))
    if viewer == LEAD:
        assert response.status_code == 200
        assert "That venue is always a pain" in response.text
        assert f"{person(MEMBER2)}, " in response.text and "“Unkind”" in response.text
    elif viewer is None:
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("viewer", [*EVERYONE, None])
def test_only_the_lead_leaves_a_flagged_post_up(client, flagged, viewer):
    if viewer:
        enter(client, viewer)
    client.post(reverse("channel:flags_dismiss", args=[flagged.pk]))
    flag = Flag.objects.get(post=flagged)
    assert flag.handled is (viewer == LEAD)
    flagged.refresh_from_db()
    assert not flagged.is_hidden


def test_left_up_or_hidden_a_post_leaves_the_list_and_its_flags_stay(client, flagged):
    # Only this one waits (the demo's own flag is dealt with).
    Flag.objects.exclude(post=flagged).update(handled=True)
    sign_in(client, LEAD)
    page = client.get(reverse("channel:list")).text
    assert "Flagged posts (1)" in page
    response = client.post(
        reverse("channel:flags_dismiss", args=[flagged.pk]), follow=True
    )
    assert "No flagged posts are waiting for you." in response.text
    assert "The post stays up." in response.text
    assert Flag.objects.filter(post=flagged).count() == 1

    # Flagged again, then hidden: the list empties again.
    post_flag(post=flagged, person=person(MEMBER), by=person(MEMBER), reason="Rude")
    assert "That venue" in client.get(reverse("channel:flags")).text
    post_hide(post=flagged, by=person(LEAD), reason="Please keep it kind.")
    assert "No flagged posts" in client.get(reverse("channel:flags")).text
    assert Flag.objects.filter(post=flagged).count() == 2


def test_the_lead_s_notification_leads_to_the_flagged_posts(flagged):
    told = Notification.objects.get(
        recipient=person(LEAD), dedupe_key=f"channel-flag:{flagged.flags.get().pk}"
    )
    assert told.url == reverse("channel:flags")
