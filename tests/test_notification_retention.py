"""The words of sent emails and old read notifications are forgotten on
schedule; what is still needed stays."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from members.factories import UserFactory
from notifications.models import CallBack, Delivery, Notification, OutboxEmail
from notifications.services import notify, preferences_save
from notifications.tasks import retention_purge
from tests.people import sent_message

pytestmark = pytest.mark.django_db


def sent_email(subject: str) -> OutboxEmail:
    person = UserFactory()
    notify(recipients=[person], kind="general", subject=subject, dedupe_key=subject)
    email = person.emails.get()
    sent_message(email)
    email.refresh_from_db()
    assert email.body_text
    return email


def test_sent_email_words_go_after_30_days_and_the_row_stays(settings):
    old = sent_email("A month ago")
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        recent = sent_email("Yesterday")
    with time_machine.travel(timezone.now() + timedelta(days=30, hours=1)):
        retention_purge()
        assert retention_purge()["email bodies"] == 0  # twice is harmless
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.body_text, old.body_html, old.context) == ("", "", {})
    assert old.subject == "A month ago" and old.state == OutboxEmail.State.SENT
    assert recent.body_text


def test_an_email_still_waiting_keeps_its_words_however_old():
    person = UserFactory()
    notify(recipients=[person], kind="general", subject="Waiting", dedupe_key="w")
    email = person.emails.get()
    OutboxEmail.objects.filter(pk=email.pk).update(
        body_text="kept for the retry", state=OutboxEmail.State.PENDING
    )
    with time_machine.travel(timezone.now() + timedelta(days=90)):
        retention_purge()
    email.refresh_from_db()
    assert email.body_text == "kept for the retry"


def test_read_notifications_go_after_a_year_unread_and_calls_to_make_stay():
    person = UserFactory(phone="01632 960000")
    preferences_save(user=person, choices={"opportunity": Delivery.PHONE})
    for key in ["read", "unread"]:
        notify(recipients=[person], kind="general", subject=key, dedupe_key=key)
    notify(recipients=[person], kind="opportunity", subject="call", dedupe_key="c")
    Notification.objects.filter(recipient=person).exclude(subject="unread").update(
        read_at=timezone.now()
    )
    with time_machine.travel(timezone.now() + timedelta(days=364)):
        assert retention_purge()["read notifications"] == 0
    with time_machine.travel(timezone.now() + timedelta(days=366)):
        retention_purge()
    left = set(person.notifications.values_list("subject", flat=True))
    assert left == {"unread", "call"}
    call_back = CallBack.objects.get(notification__recipient=person)
    call_back.done_at = timezone.now()
    call_back.save()
    with time_machine.travel(timezone.now() + timedelta(days=366)):
        retention_purge()
    assert set(person.notifications.values_list("subject", flat=True)) == {"unread"}
