"""The outbox against a real SMTP server on 127.0.0.1: nothing sent twice,
nothing lost, whatever the server or the worker does."""

import re
import threading
from collections import Counter
from datetime import timedelta
from unittest import mock
from urllib.parse import urlparse

import pytest
import time_machine
from django.conf import settings
from django.db import connections
from django.urls import reverse
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import Schedule
from django_q.scheduler import scheduler

from core.scheduling import declared_schedules, schedules_register
from members.factories import UserFactory
from notifications import outbox
from notifications.digests import digests_send
from notifications.models import Delivery, Notification, OutboxEmail
from notifications.outbox import (
    claim_lease,
    outbox_due_ids,
    outbox_send_due,
    outbox_take,
)
from notifications.services import notify, preferences_save
from tests.people import sign_in

from .smtp import SMTPServer

pytestmark = pytest.mark.django_db

Sent = OutboxEmail.State.SENT


@pytest.fixture
def smtp(settings):
    # Only this test's mail should arrive: the demo's waiting emails are set aside.
    OutboxEmail.objects.update(state=Sent)
    server = SMTPServer()
    server.start()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    yield server
    server.stop()


def emails_due(count: int, people: int = 10) -> list[OutboxEmail]:
    recipients = UserFactory.create_batch(people)
    for number in range(count):
        notify(
            recipients=[recipients[number % people]],
            kind=Notification.Kind.OPPORTUNITY,
            subject=f"New paid opportunity number {number}",
            dedupe_key=f"test:{number}",
        )
    return list(OutboxEmail.objects.filter(recipient__in=recipients))


def later(minutes: float):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=True)


def assert_each_arrived_once(server, emails):
    arrived = Counter(server.mailbox.message_ids())
    assert {email.message_id for email in emails} <= set(arrived)
    assert max(arrived.values()) == 1
    assert set(
        OutboxEmail.objects.filter(pk__in=[e.pk for e in emails]).values_list(
            "state", flat=True
        )
    ) == {Sent}


@pytest.mark.parametrize("trouble", ["stopped", "refusing"])
def test_a_server_that_is_down_then_back_gets_every_email_exactly_once(smtp, trouble):
    emails = emails_due(200)
    if trouble == "stopped":
        smtp.stop()
    else:
        smtp.mailbox.refusing = True

    assert outbox_send_due() == 0
    waiting = OutboxEmail.objects.filter(pk__in=[e.pk for e in emails])
    # A server that cannot be reached uses up no attempt; one that refuses does.
    attempts = 0 if trouble == "stopped" else 1
    assert set(waiting.values_list("state", "attempts")) == {("pending", attempts)}
    assert waiting.first().last_error

    if trouble == "stopped":
        smtp.start()
    else:
        smtp.mailbox.refusing = False
    # Nothing is retried before its wait is over...
    assert outbox_send_due() == 0
    # ...and everything goes once it is.
    with later(minutes=2):
        assert outbox_send_due() == 200
    assert_each_arrived_once(smtp, emails)


def test_b_two_workers_seeing_the_same_rows_never_both_claim_one(smtp):
    emails = emails_due(30)
    now = timezone.now()
    # Both workers look before either claims: they see the same rows.
    first_look = outbox_due_ids(now=now, limit=100)
    second_look = outbox_due_ids(now=now, limit=100)
    assert first_look == second_look
    first = outbox_take(first_look, now=now)
    second = outbox_take(second_look, now=now)
    assert {e.pk for e in emails} <= {e.pk for e in first}
    assert second == []


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_b_two_send_tasks_at_the_same_time_send_each_email_once(smtp):
    emails = emails_due(200)
    start = threading.Barrier(2)
    errors = []

    def worker():
        try:
            start.wait()
            outbox_send_due(batch_size=10)
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    assert errors == []
    assert_each_arrived_once(smtp, emails)


def test_c_the_digest_task_twice_in_one_period_sends_one_digest(smtp):
    person = UserFactory()
    preferences_save(user=person, choices={"general": Delivery.DAILY})
    for number in range(3):
        notify(
            recipients=[person],
            kind="general",
            subject=f"Group news {number}",
            dedupe_key=f"news:{number}",
        )
    assert not OutboxEmail.objects.filter(recipient=person).exists()

    assert digests_send(rhythm=Delivery.DAILY) >= 1
    assert digests_send(rhythm=Delivery.DAILY) == 0
    assert OutboxEmail.objects.filter(recipient=person).count() == 1
    outbox_send_due()

    received = [r for r in smtp.mailbox.received if r.to == [person.email]]
    assert len(received) == 1
    assert "3 updates" in received[0].subject
    text = received[0].message.get_payload()[0].get_payload(decode=True).decode()
    for number in range(3):
        assert f"Group news {number}" in text


class WorkerKilled(BaseException):
    """Stands in for the worker being killed: not an error the task handles."""


def test_d_a_task_that_dies_half_way_sends_nothing_twice_and_loses_nothing(smtp):
    emails = emails_due(20)
    real_message = outbox.email_message
    calls = 0

    def dies_on_the_eighth(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 8:
            raise WorkerKilled
        return real_message(*args, **kwargs)

    with (
        mock.patch.object(outbox, "email_message", dies_on_the_eighth),
        pytest.raises(WorkerKilled),
    ):
        outbox_send_due()
    assert len(smtp.mailbox.received) == 7
    states = Counter(
        OutboxEmail.objects.filter(pk__in=[e.pk for e in emails]).values_list(
            "state", flat=True
        )
    )
    # Sent ones are recorded; the one in hand waits for its claim to lapse;
    # the untried ones are handed straight back.
    assert states == {"sent": 7, "sending": 1, "pending": 12}

    outbox_send_due()
    assert len(smtp.mailbox.received) == 19
    with later(minutes=claim_lease().total_seconds() / 60 + 1):
        outbox_send_due()
    assert_each_arrived_once(smtp, emails)


def test_the_one_duplicate_smtp_cannot_rule_out_carries_the_same_message_id(smtp):
    (email,) = emails_due(1, people=1)
    with (
        mock.patch.object(outbox, "_record_sent", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        outbox_send_due()
    with later(minutes=claim_lease().total_seconds() / 60 + 1):
        outbox_send_due()
    assert smtp.mailbox.message_ids() == [email.message_id, email.message_id]


@pytest.mark.parametrize("catch_up", [False, True])
def test_e_after_three_days_off_each_person_gets_one_digest_per_period(
    smtp, monkeypatch, catch_up
):
    monkeypatch.setattr(Conf, "CATCH_UP", catch_up)
    schedules_register(schedules=declared_schedules(), report=lambda line: None)
    person = UserFactory()
    preferences_save(user=person, choices={"opportunity": Delivery.DAILY})
    start = timezone.now() - timedelta(days=3, hours=1)
    for day in range(3):
        with time_machine.travel(start + timedelta(days=day)):
            notify(
                recipients=[person],
                kind="opportunity",
                subject=f"Opportunity on day {day}",
                dedupe_key=f"day:{day}",
            )
    # The cluster was off: the daily digest last ran three days ago.
    Schedule.objects.filter(name="Daily email digests").update(
        next_run=start + timedelta(minutes=30)
    )

    # Without catch-up the first tick runs it once; with it, one run per
    # missed day. Either way the next tick after that runs nothing.
    for _tick in range(5):
        scheduler(broker=get_broker())

    digests = OutboxEmail.objects.filter(recipient=person)
    assert digests.count() == 1
    assert digests.get().notifications.count() == 3
    assert Schedule.objects.get(name="Daily email digests").next_run > timezone.now()


def test_f_a_poison_email_fails_after_the_capped_attempts_and_the_rest_go(smtp, client):
    emails = emails_due(5)
    poison = emails[2]
    OutboxEmail.objects.filter(pk=poison.pk).update(template="emails/no-such-template")
    attempts = settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS

    outbox_send_due()
    for hours in range(1, attempts):
        with later(minutes=hours * 7 * 60):
            outbox_send_due()

    poison.refresh_from_db()
    assert poison.state == OutboxEmail.State.FAILED
    assert poison.attempts == attempts
    assert "TemplateDoesNotExist" in poison.last_error
    assert_each_arrived_once(smtp, [e for e in emails if e != poison])
    assert poison.message_id not in smtp.mailbox.message_ids()

    # The engagement lead sees it among the failed emails.
    sign_in(client, "lead@example.org")
    listing = client.get(reverse("notification_emails:index"), {"state": "failed"})
    assert poison.subject in listing.content.decode()
    assert "Send again" in listing.content.decode()


def test_a_send_task_out_of_time_hands_back_what_it_did_not_try(smtp, monkeypatch):
    emails = emails_due(5, people=1)
    slow = mock.Mock(side_effect=[0.0, 0.0, 0.0, 0.0, 100.0, 100.0, 100.0])
    monkeypatch.setattr(outbox, "monotonic", slow)
    assert outbox_send_due() == 2
    rows = OutboxEmail.objects.filter(pk__in=[e.pk for e in emails])
    assert Counter(rows.values_list("state", "attempts")) == {
        ("sent", 1): 2,
        ("pending", 0): 3,
    }


def test_g_six_hours_without_a_mail_server_lose_nothing_sign_in_links_included(
    smtp, client
):
    emails = emails_due(20)
    member = UserFactory(email="waiting.for.a.link@example.org")
    client.post(reverse("accounts:sign_in_link"), {"email": member.email})
    client.post(reverse("accounts:password_reset"), {"email": member.email})
    emails += list(OutboxEmail.objects.filter(to_address=member.email))
    assert len(emails) == 22
    smtp.stop()

    # The schedule runs every minute; every ten minutes is enough to show it.
    start = timezone.now()
    for minutes in range(0, 6 * 60 + 1, 10):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert outbox_send_due() == 0
    rows = OutboxEmail.objects.filter(pk__in=[e.pk for e in emails])
    assert set(rows.values_list("state", "attempts")) == {("pending", 0)}
    assert "could not be reached" in rows.first().last_error

    smtp.start()
    with time_machine.travel(start + timedelta(hours=6, minutes=2), tick=True):
        assert outbox_send_due() == 22
        assert_each_arrived_once(smtp, emails)
        # The sign-in link was made as it was sent, so it still works.
        [received] = [
            r
            for r in smtp.mailbox.received
            if r.subject.startswith("Your link to sign in")
        ]
        [body] = [
            part.get_payload(decode=True).decode()
            for part in received.message.walk()
            if part.get_content_type() == "text/plain"
        ]
        path = urlparse(re.search(r"https?://\S+/sign-in-link/\S+", body)[0]).path
        assert client.post(path).status_code == 302
        assert client.get(reverse("intranet:home")).status_code == 200


def test_h_after_an_outage_the_lead_sends_every_failed_email_again_at_once(
    smtp, client
):
    emails = emails_due(5)
    OutboxEmail.objects.filter(pk__in=[e.pk for e in emails]).update(
        state=OutboxEmail.State.FAILED, attempts=8, last_error="SMTPDataError: 451"
    )
    retry_all = reverse("notification_emails:retry_all")

    sign_in(client, "member@example.org")
    assert client.post(retry_all).status_code in (302, 403)
    assert OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED).count() == 5

    sign_in(client, "lead@example.org")
    listing = client.get(reverse("notification_emails:index")).content.decode()
    assert "Send every failed email again" in listing
    assert "5 emails could not be sent" in client.get(retry_all).content.decode()
    response = client.post(retry_all, follow=True)
    assert "5 emails will be sent again" in response.content.decode()
    assert outbox_send_due() == 5
    assert_each_arrived_once(smtp, emails)
    listing = client.get(reverse("notification_emails:index")).content.decode()
    assert "Send every failed email again" not in listing
