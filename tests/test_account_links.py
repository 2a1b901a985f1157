"""Account links are for the recipient alone, and private words stay private.

Played as the attack that found it: the lead asks for a password reset for the
administrator without signing in, waits for the outbox, then looks for the
link everywhere the site keeps things. It must be in the administrator's
mailbox and nowhere else.
"""

import logging
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from accounts.models import SignInLink
from accounts.services import invitation_create, sign_in_link_send
from members.factories import UserFactory
from members.models import User
from notifications.models import Notification, OutboxEmail
from notifications.outbox import outbox_send_due
from notifications.services import notify
from tests.people import sent_message, sign_in

pytestmark = pytest.mark.django_db

# Any link that opens an account: a reset, a sign-in link, an invitation.
ACCOUNT_LINK = re.compile(
    r"/accounts/(password-reset/[\w-]+/[\w-]+|sign-in-link/[\w-]{20,}"
    r"|invitation/[\w-]{20,})/"
)


def account_links_in(text: str) -> list[str]:
    return [m.group(0) for m in ACCOUNT_LINK.finditer(text)]


def stored_text(email: OutboxEmail) -> str:
    email.refresh_from_db()
    return " ".join(
        [str(email.context), email.body_text, email.body_html, email.last_error]
    )


def test_the_lead_cannot_take_over_the_administrator_account(client, caplog):
    caplog.set_level(logging.DEBUG)
    admin = User.objects.get(email="admin@example.org")

    # 1. Anyone may ask for a reset: the email waits in the outbox, linkless.
    client.post(reverse("accounts:password_reset"), {"email": admin.email})
    email = OutboxEmail.objects.filter(to_address=admin.email).latest("pk")
    assert account_links_in(stored_text(email)) == []

    # 2. The outbox sends it: the administrator's mailbox has the link...
    message = sent_message(email)
    [link] = account_links_in(message.body)
    assert account_links_in(message.alternatives[0][0]) == [link]
    # ...and the row that sent it keeps neither the link nor the words.
    email.refresh_from_db()
    assert email.state == OutboxEmail.State.SENT
    assert (email.body_text, email.body_html) == ("", "")
    assert account_links_in(stored_text(email)) == []

    # 3. The lead looks in the admin's email screens: listing, search, details.
    sign_in(client, "lead@example.org")
    screens = [
        reverse("notification_emails:index"),
        reverse("notification_emails:index") + "?q=password",
        reverse("notification_emails:inspect", args=[email.pk]),
    ]
    for screen in screens:
        response = client.get(screen)
        assert response.status_code == 200, screen
        page = response.content.decode()
        assert account_links_in(page) == [], screen
        assert link not in page
    details = client.get(screens[-1]).content.decode()
    assert "Choose a new password for the Co-production Hub" in details

    # 4. Nor in any notification, nor in any log line written on the way.
    for notification in Notification.objects.all():
        assert account_links_in(notification.body + notification.url) == []
    assert account_links_in(caplog.text) == []
    assert link not in caplog.text

    # 5. So the only way to the link is the administrator's own mailbox: it
    # works for them, and it is the only reset link there is.
    client.logout()
    form = client.get(link, follow=True)
    assert form.status_code == 200
    assert "New password" in form.content.decode()


def test_a_dump_of_the_outbox_holds_no_live_link(client):
    member = User.objects.get(email="member@example.org")
    lead = User.objects.get(email="lead@example.org")
    sent = [
        invitation_create(email="new.person@example.org", invited_by=lead),
        sign_in_link_send(email=member.email),
    ]
    client.post(reverse("accounts:password_reset"), {"email": member.email})
    # One invitation waiting, the rest sent: links exist only in the mailbox.
    waiting = invitation_create(email="later@example.org", invited_by=lead)
    emails = OutboxEmail.objects.exclude(account_link="").exclude(
        account_link_for=str(waiting.pk), account_link="invitation"
    )
    mailed = []
    for email in emails.filter(state=OutboxEmail.State.PENDING):
        mailed += account_links_in(sent_message(email).body)
    assert len(mailed) >= len(sent) + 1

    dump = StringIO()
    call_command("dumpdata", "notifications", "accounts", stdout=dump)
    assert account_links_in(dump.getvalue()) == []
    for link in mailed:
        assert link.split("/")[-2] not in dump.getvalue()


def test_each_sending_makes_a_new_link_and_only_the_newest_works(client):
    member = User.objects.get(email="member@example.org")
    link = sign_in_link_send(email=member.email)
    email = OutboxEmail.objects.get(account_link="sign-in", account_link_for=link.pk)
    first = account_links_in(sent_message(email).body)[0]
    # The mail server lost it, say: the lead sends it again.
    OutboxEmail.objects.filter(pk=email.pk).update(state=OutboxEmail.State.FAILED)
    sign_in(client, "lead@example.org")
    client.post(reverse("notification_emails:retry", args=[email.pk]))
    client.logout()
    mail.outbox.clear()
    second = account_links_in(sent_message(email).body)[0]
    assert second != first
    assert client.post(first).status_code in (404, 410)
    assert client.post(second).status_code == 302


def test_a_link_no_longer_needed_is_not_sent():
    member = User.objects.get(email="member@example.org")
    link = sign_in_link_send(email=member.email)
    SignInLink.objects.filter(pk=link.pk).update(used_at=link.created_at)
    email = OutboxEmail.objects.get(account_link="sign-in", account_link_for=link.pk)
    outbox_send_due(only=[email.pk])
    email.refresh_from_db()
    assert email.state == OutboxEmail.State.NOT_NEEDED
    assert mail.outbox == []


# Private words ---------------------------------------------------------------

PRIVATE = "I find the mornings hard since the diagnosis"


@pytest.mark.parametrize(
    ("viewer", "admin_access"),
    [
        ("lead@example.org", True),
        ("admin@example.org", True),
        ("staff@example.org", False),
        ("member2@example.org", True),
    ],
)
def test_no_one_reads_a_member_s_private_words_in_the_email_screens(
    client, viewer, admin_access
):
    member = User.objects.get(email="member@example.org")
    notify(
        recipients=[member],
        kind=Notification.Kind.PLAN,
        subject="A new comment on your development plan",
        body=PRIVATE,
        dedupe_key="private-comment",
    )
    email = OutboxEmail.objects.get(recipient=member, subject__startswith="A new c")
    assert PRIVATE in sent_message(email).body
    email.refresh_from_db()

    sign_in(client, viewer)
    screens = [
        reverse("notification_emails:index"),
        reverse("notification_emails:index") + "?q=mornings",
        reverse("notification_emails:inspect", args=[email.pk]),
    ]
    for screen in screens:
        response = client.get(screen)
        assert PRIVATE not in response.content.decode(), screen
        if not admin_access:
            assert response.status_code != 200
    if viewer in ("lead@example.org", "admin@example.org"):
        # What is needed to run the outbox is there.
        details = client.get(screens[-1]).content.decode()
        assert "A new comment on your development plan" in details
        assert member.email in details
        assert "Sent" in details


# Line breaks in names ---------------------------------------------------------


def test_a_name_with_a_line_break_cannot_break_an_email(client):
    # However it came in (the admin, an import, a crafted form), it is stored
    # on one line.
    member = User.objects.get(email="member@example.org")
    member.first_name = "Dafydd\r\nBcc: everyone@example.org"
    member.save()
    member.refresh_from_db()
    assert member.first_name == "Dafydd Bcc: everyone@example.org"

    # And a subject built from anything is one line too, so the email goes.
    newcomer = UserFactory(email="newcomer@example.org")
    notify(
        recipients=[newcomer],
        kind=Notification.Kind.GENERAL,
        subject="Joan\nBcc: everyone@example.org has joined",
        dedupe_key="line-break",
    )
    email = OutboxEmail.objects.get(dedupe_key__endswith=":line-break")
    message = sent_message(email)
    assert message.subject == "Joan Bcc: everyone@example.org has joined"
    assert message.bcc == []
    assert message.to == ["newcomer@example.org"]


def test_a_profile_name_with_a_line_break_is_stored_on_one_line(client):
    sign_in(client, "member@example.org")
    client.post(
        reverse("members:profile_section", args=["about"]),
        {
            "first_name": "Dafydd\nX",
            "last_name": "Pryce",
            "display_name": "Dafydd\r\nPryce",
            "pronouns": "he\nhim",
        },
    )
    member = User.objects.get(email="member@example.org")
    assert "\n" not in member.first_name
    assert member.profile.display_name == "Dafydd Pryce"


@pytest.mark.parametrize("email", ["lead@example.org", "admin@example.org"])
def test_the_lead_asking_for_a_sign_in_link_is_told_how_to_sign_in_instead(
    client, email
):
    client.post(reverse("accounts:sign_in_link"), {"email": email})
    assert not SignInLink.objects.filter(user__email=email).exists()
    sent = OutboxEmail.objects.filter(to_address=email).latest("pk")
    message = sent_message(sent)
    assert message.subject == "How to sign in to the Co-production Hub"
    assert "authenticator app" in message.body
    assert account_links_in(message.body) == []
