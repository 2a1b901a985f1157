"""Issue 21: the channel in Welsh, for a member who reads Welsh, and its
notifications worded in the language they are read in."""

import pytest
from django.urls import reverse
from django.utils import translation

import channel.services
from channel.services import HIDDEN_NOTICE, topic_follow, topic_start
from notifications.models import Notification
from tests.people import person, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_channel_speaks_welsh_to_a_welsh_reader(client):
    reads_welsh(sign_in(client, "member@example.org"))
    page = client.get(reverse("channel:list")).content.decode()
    assert "Dechrau pwnc" in page
    assert "Start a topic" not in page


def test_a_new_post_tells_followers_in_their_own_language(monkeypatch):
    told = []
    monkeypatch.setattr(channel.services, "notify", lambda **kw: told.append(kw))
    writer, follower = person("member@example.org"), person("staff@example.org")
    topic = topic_start(person=writer, by=writer, title="Paneli", body="Helo")
    topic_follow(topic=topic, person=follower, by=follower)
    channel.services.post_add(topic=topic, person=writer, by=writer, body="Eto")
    subject = told[-1]["subject"]
    with translation.override("en-gb"):
        assert str(subject) == "New post in “Paneli”"
    with translation.override("cy"):
        assert str(subject) == "Neges newydd yn “Paneli”"
        assert str(HIDDEN_NOTICE).startswith("Mae’r arweinydd ymgysylltu")


def test_a_hidden_post_s_notification_says_so_in_each_reader_s_language():
    writer, lead = person("member@example.org"), person("lead@example.org")
    english, welsh = person("staff@example.org"), person("member2@example.org")
    reads_welsh(welsh)
    topic = topic_start(person=writer, by=writer, title="Paneli", body="Helo")
    for follower in (english, welsh):
        topic_follow(topic=topic, person=follower, by=follower)
    post = channel.services.post_add(topic=topic, person=writer, by=writer, body="Eto")
    channel.services.post_hide(post=post, by=lead, reason="Rheswm")
    told = Notification.objects.filter(dedupe_key=f"channel-post:{post.pk}")
    assert told.get(recipient=english).body == (
        "The engagement lead has since hidden this post."
    )
    assert told.get(recipient=welsh).body == (
        "Mae’r arweinydd ymgysylltu wedi cuddio’r neges hon ers hynny."
    )
