"""Entry points for django-q2: the daily retention purges of ways in. Each
deletes only what is past its period, so running it twice deletes nothing
more."""

from .retention import invitations_purge, sign_in_links_purge


def sign_in_links_delete() -> int:
    return sign_in_links_purge()


def invitations_delete() -> int:
    return invitations_purge()
