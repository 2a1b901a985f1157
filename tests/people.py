"""The demo people in tests: finding one, signing a test client in as one,
and reading the links in the emails they are sent."""

import re
from urllib.parse import urlparse

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import User
from notifications.models import OutboxEmail
from notifications.outbox import outbox_send_due


def person(email: str = "member@example.org") -> User:
    """One of the demo people, by their email address."""
    return User.objects.get(email=email)


def sign_in(client, email: str) -> User:
    """Sign in without the form (django-axes checks every form sign-in, which
    needs a request; the form itself is tested in test_sign_in.py)."""
    user = User.objects.get(email__iexact=email)
    client.force_login(user)
    return user


def act_for(client, supporter_email: str, member_email: str) -> User:
    """Sign the supporter in and start acting for the member they support."""
    sign_in(client, supporter_email)
    member = person(member_email)
    response = client.post(reverse("members:acting_start", args=[member.pk]))
    assert response.status_code == 302
    return member


# Where each kind of account link points.
LINK_PATHS = {
    "accept_url": "/accounts/invitation/",
    "sign_in_url": "/accounts/sign-in-link/",
    "reset_url": "/accounts/password-reset/",
}


def sent_message(email):
    """The message an outbox email became, sending it first if it waits
    (made due now: a test may have queued it while travelling in time)."""
    OutboxEmail.objects.filter(pk=email.pk, state=OutboxEmail.State.PENDING).update(
        next_attempt_at=timezone.now()
    )
    outbox_send_due(only=[email.pk])
    sent = [
        message
        for message in mail.outbox
        if message.extra_headers.get("Message-ID") == email.message_id
    ]
    assert sent, f"{email} was not sent"
    return sent[-1]


def link_from(email, key: str) -> str:
    """The path of the account link in an outbox email, as its recipient
    reads it. Account links are made when the email is sent (never stored),
    so this sends it to Django's test mailbox and reads the message."""
    for url in re.findall(r"https?://\S+", sent_message(email).body):
        path = urlparse(url).path
        if path.startswith(LINK_PATHS[key]):
            return path
    raise AssertionError(f"No {key} link in {email}")


# Who tries a private page: the owner (member@), people who must not see it,
# the lead, and a visitor. Privacy tests parametrize over this list.
PRIVACY_VIEWERS = [
    ("member@example.org", "owner"),
    ("member2@example.org", "other"),
    ("staff@example.org", "other"),
    ("admin@example.org", "other"),
    ("supporter@example.org", "other"),
    ("lead@example.org", "lead"),
    (None, "anonymous"),
]
