"""The notification service and the in-app notification centre."""

import pytest
from django.urls import reverse

from members.factories import UserFactory
from members.models import User
from notifications.models import Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db

CENTRE = reverse("notifications:centre")


def test_the_same_dedupe_key_twice_creates_one_notification_each():
    people = UserFactory.create_batch(3)
    first = notify(
        recipients=people, kind="general", subject="Hello", dedupe_key="hello:1"
    )
    again = notify(
        recipients=people, kind="general", subject="Hello", dedupe_key="hello:1"
    )
    assert len(first) == 3
    assert again == []
    assert Notification.objects.filter(dedupe_key="hello:1").count() == 3


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify(
            recipients=UserFactory.create_batch(1),
            kind="gossip",
            subject="x",
            dedupe_key="x",
        )


def test_notifying_many_people_takes_the_same_queries_as_one(
    django_assert_num_queries,
):
    one, many = UserFactory.create_batch(1), UserFactory.create_batch(40)
    with django_assert_num_queries(2):
        notify(recipients=one, kind="general", subject="x", dedupe_key="a")
    with django_assert_num_queries(2):
        notify(recipients=many, kind="general", subject="x", dedupe_key="b")


def test_the_centre_needs_a_sign_in(client):
    response = client.get(CENTRE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def test_the_centre_shows_only_my_notifications_newest_first(client, demo_site):
    client.login(email="member2@example.org", password="coproduction")
    response = client.get(CENTRE)
    shown = list(response.context["notifications"])
    assert shown
    assert all(n.recipient.email == "member2@example.org" for n in shown)
    assert [n.created_at for n in shown] == sorted(
        (n.created_at for n in shown), reverse=True
    )
    assert "Your story was published" not in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]


def test_the_header_announces_the_unread_count(client, demo_site):
    client.login(email="member@example.org", password="coproduction")
    unread = Notification.objects.filter(
        recipient__email="member@example.org", read_at__isnull=True
    ).count()
    content = client.get("/").content.decode()
    assert f'<span class="visually-hidden">, {unread} unread</span>' in content


def test_mark_one_and_then_all_as_read(client, demo_site):
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    first = member.notifications.first()
    response = client.post(reverse("notifications:read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.is_read
    client.post(reverse("notifications:read_all"))
    assert not member.notifications.filter(read_at__isnull=True).exists()
    assert "unread" not in client.get("/").content.decode().split("<main")[0]


def test_nobody_can_mark_another_person_s_notification(client, demo_site):
    theirs = Notification.objects.filter(recipient__email="member@example.org").first()
    client.login(email="member2@example.org", password="coproduction")
    response = client.post(reverse("notifications:read", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_marking_read_is_a_post_only(client, demo_site):
    client.login(email="member@example.org", password="coproduction")
    mine = Notification.objects.filter(recipient__email="member@example.org").first()
    assert client.get(reverse("notifications:read", args=[mine.pk])).status_code == 405
