"""The notification service and the in-app notification centre."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_q.models import Schedule

from members.factories import UserFactory
from members.models import User
from notifications.digests import digests_send
from notifications.emails import email_render
from notifications.forms import PreferencesForm
from notifications.models import CallBack, Delivery, Notification, OutboxEmail
from notifications.outbox import outbox_send_due
from notifications.selectors import preferences_get
from notifications.services import (
    CHOOSABLE_KINDS,
    account_email,
    notify,
    preferences_save,
)
from tests.people import sign_in

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


def test_notifying_many_people_takes_the_same_queries_as_one():
    one = UserFactory.create_batch(1)
    many = UserFactory.create_batch(40)
    # Every way of hearing is in play, so every insert happens.
    for person, delivery in zip(many, Delivery.values * 8, strict=False):
        preferences_save(user=person, choices={"opportunity": delivery})
    preferences_save(user=one[0], choices={"opportunity": Delivery.PHONE})

    def queries_for(people, key):
        with CaptureQueriesContext(connection) as queries:
            notify(recipients=people, kind="opportunity", subject="x", dedupe_key=key)
        return len(queries)

    assert queries_for(many, "many") == queries_for(one + many[:1], "few") <= 7
    assert Notification.objects.filter(dedupe_key="many").count() == 40


def test_each_person_hears_the_way_they_chose():
    straight, daily, weekly, app_only, phone = UserFactory.create_batch(5)
    for person, delivery in [
        (daily, Delivery.DAILY),
        (weekly, Delivery.WEEKLY),
        (app_only, Delivery.IN_APP),
        (phone, Delivery.PHONE),
    ]:
        preferences_save(user=person, choices={"opportunity": delivery})
    everyone = [straight, daily, weekly, app_only, phone]
    notify(
        recipients=everyone,
        kind="opportunity",
        subject="Paid: review the carers' leaflet",
        body="One online session, £50.",
        dedupe_key="leaflet",
    )

    assert set(OutboxEmail.objects.filter(recipient__in=everyone)) == {
        straight.notifications.get().email
    }
    assert daily.notifications.get().delivery == Delivery.DAILY
    assert weekly.notifications.get().email is None
    call_back = CallBack.objects.get(notification__recipient__in=everyone)
    assert call_back.notification.recipient == phone
    assert call_back.notification.body == "One online session, £50."
    assert all(person.notifications.count() == 1 for person in everyone)


def test_account_emails_always_go_whatever_the_preferences():
    person = UserFactory()
    preferences_save(
        user=person,
        choices={kind.value: Delivery.IN_APP for kind in CHOOSABLE_KINDS},
    )
    notify(
        recipients=[person],
        kind="account",
        subject="Your email address was changed",
        dedupe_key="email-changed",
    )
    invitation = account_email(
        to_address="new.member@example.org",
        subject="You are invited to join Co-production Hub",
        template="emails/notification",
        context={},
        dedupe_key="invite:new.member",
    )
    assert person.emails.get().subject == "Your email address was changed"
    assert invitation.state == OutboxEmail.State.PENDING
    assert "account" not in PreferencesForm().fields


def test_people_who_have_left_are_not_notified():
    gone = UserFactory(is_active=False)
    assert notify(recipients=[gone], kind="general", subject="x", dedupe_key="x") == []
    assert not gone.emails.exists()


def test_an_email_has_both_parts_a_stable_id_and_a_preferences_link(mailoutbox):
    person = UserFactory(first_name="Aled")
    notify(
        recipients=[person],
        kind="opportunity",
        subject="New paid opportunity: the autumn roundtable",
        body="Two online sessions. £75 in total.",
        url="/stories/",
        dedupe_key="roundtable",
    )
    email = person.emails.get()
    outbox_send_due()
    (message,) = [m for m in mailoutbox if m.to == [person.email]]
    assert message.subject == "New paid opportunity: the autumn roundtable"
    assert message.extra_headers["Message-ID"] == email.message_id
    assert "Hello Aled" in message.body
    assert "http://testserver/stories/" in message.body
    assert "http://testserver/members/notifications/preferences/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en-GB">' in html
    assert "<h1>New paid opportunity: the autumn roundtable</h1>" in html
    assert (
        '<a href="http://testserver/members/notifications/preferences/">'
        "Change how and when we email you</a>"
    ) in html
    assert "<img" not in html
    email.refresh_from_db()
    assert email.state == OutboxEmail.State.SENT
    assert email.body_text == message.body


def test_a_notification_whose_target_was_deleted_shows_without_its_link(client):
    person = UserFactory()
    target = UserFactory()
    notify(
        recipients=[person],
        kind="general",
        subject="A new member joined",
        url="/who-we-are/someone/",
        target=target,
        dedupe_key="joined",
    )
    client.force_login(person)
    assert 'href="/who-we-are/someone/"' in client.get(CENTRE).content.decode()
    target.delete()
    content = client.get(CENTRE).content.decode()
    assert "A new member joined" in content
    assert 'href="/who-we-are/someone/"' not in content


def test_running_the_schedule_command_twice_adds_no_duplicates():
    call_command("schedules_register", stdout=StringIO())
    first = dict(Schedule.objects.values_list("name", "next_run"))
    output = StringIO()
    call_command("schedules_register", stdout=output)
    assert dict(Schedule.objects.values_list("name", "next_run")) == first
    assert set(first) == {
        "Send waiting emails",
        "Daily email digests",
        "Weekly email digests",
        "Development plan review reminders",
        "Opportunity closing-date reminders",
        "Opportunity session reminders",
        "Ask members who took part: were we heard?",
        "Forget old email words and read notifications",
        "Delete expired sessions",
        "Publish scheduled pages",
        "Delete old sign-in links",
        "Delete invitations nobody accepted",
        "Delete held receipts nobody claimed",
        "Claims close to or past the payment promise",
        "Ask requesters what changed because of the group",
        "Remind the lead to check networks once a year",
    }
    assert "Added" not in output.getvalue()


PREFERENCES = reverse("notifications:preferences")


def test_preferences_need_a_sign_in(client):
    response = client.get(PREFERENCES)
    assert response["Location"].startswith(reverse("accounts:login"))


def test_preferences_are_saved_and_shown_again(client):
    person = UserFactory()
    client.force_login(person)
    choices = {kind.value: Delivery.IMMEDIATE for kind in CHOOSABLE_KINDS}
    choices["general"] = Delivery.WEEKLY
    response = client.post(PREFERENCES, choices, follow=True)
    assert "Your choices are saved." in response.content.decode()
    assert preferences_get(user=person)["general"] == Delivery.WEEKLY
    assert (
        '<input type="radio" name="general" value="weekly" id="id_general_2" '
        "required checked>"
    ) in response.content.decode()


def test_an_unknown_choice_is_refused_next_to_its_field_and_keeps_the_rest(client):
    person = UserFactory()
    client.force_login(person)
    choices = {kind.value: Delivery.DAILY for kind in CHOOSABLE_KINDS}
    choices["payment"] = "carrier-pigeon"
    response = client.post(PREFERENCES, choices)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<p class="field__error" id="id_payment_error">' in content
    assert "That is not one of the choices." in content
    assert 'aria-describedby="id_payment_helptext id_payment_error"' in content
    # What else was chosen is still chosen.
    assert (
        '<input type="radio" name="charter" value="daily" id="id_charter_1" '
        "required checked>"
    ) in content
    assert not person.notification_preferences.exists()


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("lead@example.org", True),
        ("admin@example.org", True),
        ("staff@example.org", False),
        ("member@example.org", False),
    ],
)
def test_only_the_lead_and_administrators_see_emails_and_call_backs(
    client, demo_site, email, allowed
):
    sign_in(client, email)
    for name in ["notification_emails:index", "notification_call_backs:index"]:
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, name


def test_the_lead_can_send_a_failed_email_again_and_a_member_cannot(client, demo_site):
    failed = OutboxEmail.objects.create(
        to_address="someone@example.org",
        subject="Your payment was approved",
        template="emails/notification",
        dedupe_key="failed-once",
        state=OutboxEmail.State.FAILED,
        attempts=8,
        last_error="SMTPDataError: 451",
    )
    retry = reverse("notification_emails:retry", args=[failed.pk])
    sign_in(client, "member@example.org")
    assert client.post(retry).status_code in (302, 403)
    failed.refresh_from_db()
    assert failed.state == OutboxEmail.State.FAILED

    sign_in(client, "lead@example.org")
    assert "Send this email again?" in client.get(retry).content.decode()
    response = client.post(retry, follow=True)
    assert "will be sent again" in response.content.decode()
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (OutboxEmail.State.PENDING, 0)


def test_the_lead_marks_a_call_back_done_with_a_note(client, demo_site):
    person = UserFactory(phone="01632 960123")
    preferences_save(user=person, choices={"opportunity": Delivery.PHONE})
    notify(
        recipients=[person],
        kind="opportunity",
        subject="Paid: a focus group on respite care",
        dedupe_key="focus-group",
    )
    call_back = CallBack.objects.get(notification__recipient=person)
    done = reverse("notification_call_backs:done", args=[call_back.pk])

    sign_in(client, "member2@example.org")
    client.post(done, {"note": "sneaky"})
    call_back.refresh_from_db()
    assert not call_back.is_done

    sign_in(client, "lead@example.org")
    listing = client.get(reverse("notification_call_backs:index")).content.decode()
    assert "Paid: a focus group on respite care" in listing
    assert "01632 960123" in listing
    page = client.get(done).content.decode()
    assert 'href="tel:01632 960123"' in page
    client.post(done, {"note": "Left a voicemail."})
    call_back.refresh_from_db()
    assert call_back.is_done
    assert call_back.note == "Left a voicemail."
    assert call_back.done_by.email == "lead@example.org"


def test_the_centre_needs_a_sign_in(client):
    response = client.get(CENTRE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_centre_shows_only_my_notifications_newest_first(client, demo_site):
    sign_in(client, "member2@example.org")
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
    sign_in(client, "member@example.org")
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
    sign_in(client, "member2@example.org")
    response = client.post(reverse("notifications:read", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_marking_read_is_a_post_only(client, demo_site):
    sign_in(client, "member@example.org")
    mine = Notification.objects.filter(recipient__email="member@example.org").first()
    assert client.get(reverse("notifications:read", args=[mine.pk])).status_code == 405


def test_rendering_a_digest_does_not_query_once_per_item():
    def digest_queries(items):
        person = UserFactory()
        preferences_save(user=person, choices={"general": Delivery.DAILY})
        for number in range(items):
            notify(
                recipients=[person],
                kind="general",
                subject=f"News {number}",
                url="/who-we-are/",
                target=UserFactory(),
                dedupe_key=f"{person.pk}:{number}",
            )
        digests_send(rhythm=Delivery.DAILY)
        email = OutboxEmail.objects.select_related("recipient").get(recipient=person)
        with CaptureQueriesContext(connection) as queries:
            text, _ = email_render(email)
        assert f"News {items - 1}" in text
        return len(queries)

    assert digest_queries(1) == digest_queries(6)
