"""Account links (sign-in links, password resets, invitations) are made at
the moment their email is sent and never stored.

An outbox row names the link it needs (`OutboxEmail.account_link`, with the
object it is for) instead of holding it: the app that owns the link registers
a maker here, and the sending task asks it for a fresh link each attempt. So
no database row, backup or admin screen ever holds a link that opens someone's
account, and a link sent after a mail outage is as fresh as the email.
This module imports no feature app: makers register themselves (accounts
does so in its AppConfig.ready()).
"""

from collections.abc import Callable

_makers: dict[str, Callable[[str], dict]] = {}


class LinkNotNeeded(Exception):
    """The link's purpose has gone (used, replaced, the account closed): the
    email is not sent at all."""


def link_maker(name: str):
    """Register `maker(object_id) -> dict` (context for the email's template)
    under `name`. It may raise LinkNotNeeded."""

    def register(maker: Callable[[str], dict]):
        _makers[name] = maker
        return maker

    return register


def link_context(*, name: str, object_id: str) -> dict:
    try:
        maker = _makers[name]
    except KeyError:
        raise LookupError(f"No account link maker named {name!r}") from None
    return maker(object_id)
