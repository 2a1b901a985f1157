"""Inviting someone who has no account yet, from the people screens here.

An invitation is a way in, kept by accounts (a layer above members): at
start-up accounts registers how to send one, whether one is waiting for an
address, and the latest sent (accounts/apps.py). Members only calls them."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_ways: dict[str, Callable] = {}


def invitations_register(
    *, send: Callable, waiting: Callable, recent: Callable
) -> None:
    _ways.update(send=send, waiting=waiting, recent=recent)


def _way(name: str) -> Callable:
    if name not in _ways:
        raise ImproperlyConfigured("No app has registered how to invite people")
    return _ways[name]


def invitation_send(**details):
    """Send an invitation (accounts.services.invitation_create's arguments)."""
    return _way("send")(**details)


def invitation_waiting(*, email: str) -> bool:
    """An unused, unexpired invitation to this address, from anyone."""
    return _way("waiting")(email=email)


def invitations_recent(*, limit: int) -> list:
    """The latest invitations sent, newest first, for the lead."""
    return _way("recent")(limit=limit)
