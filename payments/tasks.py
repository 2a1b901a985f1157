"""Entry points for django-q2. Running either twice does nothing twice: the
held-receipts purge deletes only what is past its period, and each promise
notice has its own dedupe key."""

from core.scheduling import intended_day

from .services import claims_promise_check, receipts_held_purge


def held_receipts_delete() -> int:
    return receipts_held_purge()


def promise_check(intended_for: str | None = None) -> int:
    return claims_promise_check(today=intended_day(intended_for))
