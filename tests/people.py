"""Signing a test client in as one of the demo people."""

from urllib.parse import urlparse

from members.models import User


def sign_in(client, email: str) -> User:
    """Sign in without the form (django-axes checks every form sign-in, which
    needs a request; the form itself is tested in test_sign_in.py)."""
    user = User.objects.get(email__iexact=email)
    client.force_login(user)
    return user


def link_from(email, key: str) -> str:
    """The path of a link in an outbox email's context."""
    return urlparse(email.context[key]).path


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
