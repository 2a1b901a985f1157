"""Entry points for django-q2. The held-receipts purge deletes only what is
past its period, so running it twice deletes nothing more."""

from .services import held_receipts_purge


def held_receipts_delete() -> int:
    return held_receipts_purge()
