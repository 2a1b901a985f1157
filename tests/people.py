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
