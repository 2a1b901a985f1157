"""Draining the outbox: claim due rows atomically, send, record the outcome.

At most once: a row is claimed by one conditional UPDATE (state and due time
in its WHERE clause), so two workers never hold the same row; each outcome is
committed straight after the server answers. Never lost: a refusal or an
outage puts the row back with a growing wait, and only after the last attempt
is it marked failed, for the engagement lead to see and retry.
"""

import logging
import smtplib
import uuid
from datetime import timedelta
from time import monotonic

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone

from .emails import email_message
from .models import OutboxEmail

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
# A row left "sending" by a worker that died is picked up again after this;
# longer than the task timeout, so a live worker is never overtaken.
CLAIM_LEASE = timedelta(minutes=10)
# Stop starting new emails in time to finish before django-q2's task timeout
# (60 s), even if the last one waits the whole EMAIL_TIMEOUT (20 s).
TIME_BUDGET_SECONDS = 30
MAX_WAIT = timedelta(hours=6)

# Errors that mean the server is unreachable, not that this email is bad.
CONNECTION_ERRORS = (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError)


def retry_wait(attempts: int) -> timedelta:
    first = settings.NOTIFICATIONS_EMAIL_RETRY_SECONDS
    return min(timedelta(seconds=first * 2 ** max(attempts - 1, 0)), MAX_WAIT)


def _due(now) -> Q:
    return Q(state=OutboxEmail.State.PENDING, next_attempt_at__lte=now) | Q(
        state=OutboxEmail.State.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )


def outbox_claim(*, limit: int = BATCH_SIZE) -> list[OutboxEmail]:
    """Take up to `limit` due rows for this worker alone."""
    now = timezone.now()
    return outbox_take(outbox_due_ids(now=now, limit=limit), now=now)


def outbox_due_ids(*, now, limit: int) -> list[int]:
    return list(
        OutboxEmail.objects.filter(_due(now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_take(candidates: list[int], *, now) -> list[OutboxEmail]:
    """Claim those candidates that are still due. The due condition is checked
    again by the UPDATE itself: a row another worker claimed in the meantime
    no longer matches and is left alone."""
    if not candidates:
        return []
    claim = uuid.uuid4()
    OutboxEmail.objects.filter(_due(now), pk__in=candidates).update(
        state=OutboxEmail.State.SENDING,
        claim=claim,
        claimed_at=now,
        attempts=F("attempts") + 1,
    )
    return list(
        OutboxEmail.objects.filter(claim=claim)
        .select_related("recipient")
        .order_by("pk")
    )


def _record_sent(email: OutboxEmail) -> None:
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.SENT,
        body_text=email.body_text,
        body_html=email.body_html,
        sent_at=timezone.now(),
        last_error="",
        claim=None,
        claimed_at=None,
    )


def _record_failure(email: OutboxEmail, error: BaseException) -> None:
    final = email.attempts >= settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.FAILED if final else OutboxEmail.State.PENDING,
        # Kept (if rendered), so the retry sends the same words.
        body_text=email.body_text,
        body_html=email.body_html,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=timezone.now() + retry_wait(email.attempts),
        claim=None,
        claimed_at=None,
    )
    log = logger.error if final else logger.warning
    log("Email %s attempt %s failed: %s", email.pk, email.attempts, error)


def _release(emails: list[OutboxEmail]) -> None:
    """Hand back rows this worker claimed but never tried."""
    for email in emails:
        OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
            state=OutboxEmail.State.PENDING,
            attempts=F("attempts") - 1,
            claim=None,
            claimed_at=None,
        )


def _send_batch(emails: list[OutboxEmail], deadline: float) -> int:
    untried = list(emails)
    sent = 0
    connection = get_connection(fail_silently=False)
    try:
        try:
            connection.open()
        except (smtplib.SMTPException, OSError) as error:  # the server is down
            for email in untried:
                _record_failure(email, error)
            untried = []
            return 0
        while untried and monotonic() < deadline:
            email = untried.pop(0)
            try:
                email_message(email, connection).send()
            except CONNECTION_ERRORS as error:
                # The server went away mid-batch: this one counts as tried,
                # the rest go back untried for the next run.
                _record_failure(email, error)
                break
            # A refusal, or a row that cannot render (any template error): it
            # fails alone, and everyone else's mail still goes.
            except Exception as error:  # noqa: BLE001
                _record_failure(email, error)
                continue
            _record_sent(email)
            sent += 1
        return sent
    finally:
        # Also on a crash half-way: what was sent is recorded, the rest waits.
        _release(untried)
        try:
            connection.close()
        except Exception:  # closing a dead connection tells us nothing new
            logger.debug("Closing the mail connection failed", exc_info=True)


def outbox_send_due(*, batch_size: int = BATCH_SIZE) -> int:
    """Send every due email, batch by batch, within the time budget.
    Returns how many were sent."""
    deadline = monotonic() + TIME_BUDGET_SECONDS
    sent = 0
    while monotonic() < deadline:
        emails = outbox_claim(limit=batch_size)
        if not emails:
            break
        sent += _send_batch(emails, deadline)
    return sent
