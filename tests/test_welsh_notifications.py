"""Notifications and emails in each recipient's own language (issue 21):
one event, each person in theirs; the email's subject and bodies; digests;
account emails (English to an address with no account); no query more for
a second language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.services import invitation_create, sign_in_link_send
from charter.services import charter_publish
from members.factories import UserFactory
from notifications.digests import digests_send
from notifications.models import Delivery, Notification, OutboxEmail
from notifications.services import notify, preferences_save
from tests.people import person, sent_message, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db

CHARTER_ASK = "Please read and accept version {number} of the Charter"
CHARTER_ASK_CY = (
    "Darllenwch a derbyniwch fersiwn {number} o'r Siarter, os gwelwch yn dda"
)


def charter_ask(number):
    """A real notification's words, lazy, as charter.services makes them."""
    return format_lazy(_(CHARTER_ASK), number=number)


def test_one_event_reaches_each_member_in_their_own_language(demo_site):
    english = person("member@example.org")
    welsh = reads_welsh(person("member2@example.org"))

    version = charter_publish(
        body="We listen.", summary_of_changes="Shorter.", published_by=person()
    )

    told = Notification.objects.filter(dedupe_key=f"charter:{version.number}")
    assert told.get(recipient=english).subject == CHARTER_ASK.format(
        number=version.number
    )
    cy = told.get(recipient=welsh)
    assert cy.subject == CHARTER_ASK_CY.format(number=version.number)
    assert cy.body == "Beth sydd wedi newid: Shorter."


def test_the_notification_centre_shows_it_in_welsh(client, demo_site):
    welsh = reads_welsh(person("member2@example.org"))
    notify(
        recipients=[welsh],
        kind="general",
        subject=charter_ask(7),
        dedupe_key="welsh-centre",
    )
    sign_in(client, welsh.email)
    page = client.get(reverse("notifications:centre")).content.decode()
    assert "Darllenwch a derbyniwch fersiwn 7 o&#x27;r Siarter" in page


def test_the_email_comes_in_welsh_subject_and_body():
    welsh = reads_welsh(UserFactory(first_name="Gwen"))
    english = UserFactory(first_name="Ann")
    notify(
        recipients=[welsh, english],
        kind="general",
        subject=charter_ask(4),
        body=format_lazy(_("What changed: {summary}"), summary="Dau air."),
        url="/members/charter/",
        dedupe_key="welsh-email",
    )

    email = OutboxEmail.objects.get(recipient=welsh)
    assert email.language == "cy"
    message = sent_message(email)
    assert message.subject == CHARTER_ASK_CY.format(number=4)
    assert CHARTER_ASK_CY.format(number=4) in message.body
    assert "Beth sydd wedi newid: Dau air." in message.body
    html = message.alternatives[0][0]
    assert '<html lang="cy">' in html
    assert "Beth sydd wedi newid: Dau air." in html

    other = sent_message(OutboxEmail.objects.get(recipient=english))
    assert other.subject == CHARTER_ASK.format(number=4)
    assert "What changed: Dau air." in other.body
    assert '<html lang="en-GB">' in other.alternatives[0][0]


def test_a_daily_digest_comes_in_welsh():
    welsh = reads_welsh(UserFactory())
    preferences_save(user=welsh, choices={"general": Delivery.DAILY})
    for number in (1, 2):
        notify(
            recipients=[welsh],
            kind="general",
            subject=charter_ask(number),
            dedupe_key=f"welsh-digest-{number}",
        )
    assert digests_send(rhythm=Delivery.DAILY) >= 1

    email = OutboxEmail.objects.get(recipient=welsh)
    assert (
        email.subject == "Diweddariadau'r dydd gan yr Hwb Cydgynhyrchu: 2 diweddariad"
    )
    message = sent_message(email)
    assert message.subject == email.subject
    assert CHARTER_ASK_CY.format(number=1) in message.body
    assert CHARTER_ASK_CY.format(number=2) in message.body
    # The dates are written in Welsh too.
    made = Notification.objects.filter(recipient=welsh).first().created_at
    with translation.override("cy"):
        welsh_day = date_format(timezone.localtime(made), "l j F")
    with translation.override("en-gb"):
        english_day = date_format(timezone.localtime(made), "l j F")
    assert welsh_day != english_day
    assert welsh_day in message.body


def test_a_weekly_digest_subject_in_welsh_counts_in_welsh():
    welsh = reads_welsh(UserFactory())
    preferences_save(user=welsh, choices={"general": Delivery.WEEKLY})
    notify(recipients=[welsh], kind="general", subject="Un", dedupe_key="w1")
    digests_send(rhythm=Delivery.WEEKLY)
    assert OutboxEmail.objects.get(recipient=welsh).subject == (
        "Diweddariadau'r wythnos gan yr Hwb Cydgynhyrchu: 1 diweddariad"
    )


def test_notify_takes_no_more_queries_for_people_of_two_languages():
    def queries_for(people, key):
        with CaptureQueriesContext(connection) as queries:
            notify(
                recipients=people,
                kind="general",
                subject=charter_ask(1),
                dedupe_key=key,
            )
        return len(queries)

    english = UserFactory.create_batch(2)
    mixed = UserFactory.create_batch(3) + [
        reads_welsh(u) for u in UserFactory.create_batch(3)
    ]
    assert queries_for(english, "one-language") == queries_for(mixed, "two-languages")
    subjects = set(
        Notification.objects.filter(dedupe_key="two-languages").values_list(
            "subject", flat=True
        )
    )
    assert subjects == {CHARTER_ASK.format(number=1), CHARTER_ASK_CY.format(number=1)}


# Account emails --------------------------------------------------------------------


def test_a_sign_in_link_comes_in_the_person_s_language_with_a_welsh_link(demo_site):
    welsh = reads_welsh(person("member@example.org"))
    sign_in_link_send(email=welsh.email)
    email = OutboxEmail.objects.get(account_link="sign-in", to_address=welsh.email)
    assert email.language == "cy"
    message = sent_message(email)
    assert message.subject == "Eich dolen i fewngofnodi i'r Hwb Cydgynhyrchu"
    # The link opens the Welsh sign-in pages.
    assert re.search(r"https?://\S+/cy/accounts/sign-in-link/\S+", message.body)


def test_a_password_reset_comes_in_the_person_s_language(client, demo_site):
    welsh = reads_welsh(person("member@example.org"))
    client.post(reverse("accounts:password_reset"), {"email": welsh.email})
    email = OutboxEmail.objects.get(account_link="password-reset")
    assert sent_message(email).subject == (
        "Dewiswch gyfrinair newydd ar gyfer yr Hwb Cydgynhyrchu"
    )


def test_an_invitation_to_an_address_with_no_account_is_in_english(demo_site):
    # Even when the lead who sends it reads Welsh.
    lead = reads_welsh(person("lead@example.org"))
    with translation.override("cy"):
        invitation_create(email="someone.new@example.org", invited_by=lead)
    email = OutboxEmail.objects.get(to_address="someone.new@example.org")
    assert email.language == "en-gb"
    message = sent_message(email)
    assert message.subject == "You are invited to join the Co-production Hub"
    assert '<html lang="en-GB">' in message.alternatives[0][0]
