"""Entry points for django-q2. The held-receipts purge deletes only what is
past its period, so running it twice deletes nothing more."""

from .services import receipts_held_purge


def held_receipts_delete() -> int:
    return receipts_held_purge()
