"""Draining the outbox: claim due rows atomically, send, record the outcome.

At most once: a row is claimed by one conditional UPDATE (state and due time
in its WHERE clause), so two workers never hold the same row; each outcome is
committed straight after the server answers. Never lost: a refusal puts the
row back with a growing wait, and only after the last attempt is it marked
failed, for the engagement lead to see and retry; a mail server that cannot be
reached uses up no attempt at all, so an outage of any length loses nothing.
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
from .links import LinkNotNeeded
from .models import OutboxEmail

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
# Stop starting new emails in time to finish before django-q2's task timeout
# (60 s), even if the last one waits the whole EMAIL_TIMEOUT (20 s).
TIME_BUDGET_SECONDS = 30
MAX_WAIT = timedelta(hours=6)

# Errors that mean the server is unreachable, not that this email is bad.
CONNECTION_ERRORS = (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError)


def claim_lease() -> timedelta:
    """A row left "sending" by a worker that died is picked up again after
    this; longer than the task timeout, so a live worker is never overtaken."""
    return timedelta(seconds=settings.NOTIFICATIONS_EMAIL_CLAIM_LEASE_SECONDS)


def retry_wait(attempts: int) -> timedelta:
    first = settings.NOTIFICATIONS_EMAIL_RETRY_SECONDS
    return min(timedelta(seconds=first * 2 ** max(attempts - 1, 0)), MAX_WAIT)


def _due(now) -> Q:
    return Q(state=OutboxEmail.State.PENDING, next_attempt_at__lte=now) | Q(
        state=OutboxEmail.State.SENDING, claimed_at__lt=now - claim_lease()
    )


def outbox_claim(*, limit: int = BATCH_SIZE, only=None) -> list[OutboxEmail]:
    """Take up to `limit` due rows (of `only`, if given) for this worker alone."""
    now = timezone.now()
    return outbox_take(outbox_due_ids(now=now, limit=limit, only=only), now=now)


def outbox_due_ids(*, now, limit: int, only=None) -> list[int]:
    due = OutboxEmail.objects.filter(_due(now))
    if only is not None:
        due = due.filter(pk__in=list(only))
    return list(
        due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
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


def _kept_bodies(email: OutboxEmail) -> dict:
    """The rendered words to store: none for an email with an account link,
    which must exist only in the recipient's mailbox."""
    if not email.keeps_bodies:
        return {"body_text": "", "body_html": ""}
    return {"body_text": email.body_text, "body_html": email.body_html}


def _record_sent(email: OutboxEmail) -> None:
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.SENT,
        **_kept_bodies(email),
        sent_at=timezone.now(),
        last_error="",
        claim=None,
        claimed_at=None,
    )


def _record_failure(email: OutboxEmail, error: BaseException) -> None:
    """The server refused this email (or it could not be made): one attempt
    used, tried again later, marked failed after the last attempt."""
    final = email.attempts >= settings.NOTIFICATIONS_EMAIL_MAX_ATTEMPTS
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.FAILED if final else OutboxEmail.State.PENDING,
        # Kept (if rendered and not secret), so the retry sends the same words.
        **_kept_bodies(email),
        last_error=f"{type(error).__name__}: {error}"[:2000],
        next_attempt_at=timezone.now() + retry_wait(email.attempts),
        claim=None,
        claimed_at=None,
    )
    log = logger.error if final else logger.warning
    log("Email %s attempt %s failed: %s", email.pk, email.attempts, error)


def _record_unreachable(email: OutboxEmail, error: BaseException) -> None:
    """The mail server could not be reached: nothing is wrong with this email,
    so the attempt is given back and it waits for the next run. However long
    the outage, every email is still waiting when the server returns."""
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.PENDING,
        attempts=F("attempts") - 1,
        **_kept_bodies(email),
        last_error=f"The mail server could not be reached: {error}"[:2000],
        next_attempt_at=timezone.now() + retry_wait(1),
        claim=None,
        claimed_at=None,
    )


def _record_not_needed(email: OutboxEmail, reason: LinkNotNeeded) -> None:
    OutboxEmail.objects.filter(pk=email.pk, claim=email.claim).update(
        state=OutboxEmail.State.NOT_NEEDED,
        last_error=str(reason)[:2000],
        claim=None,
        claimed_at=None,
    )


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
                _record_unreachable(email, error)
            untried = []
            return 0
        while untried and monotonic() < deadline:
            email = untried.pop(0)
            try:
                email_message(email, connection).send()
            except LinkNotNeeded as reason:
                _record_not_needed(email, reason)
                continue
            except CONNECTION_ERRORS as error:
                # The server went away mid-batch: no attempt used, and the
                # rest go back untried for the next run.
                _record_unreachable(email, error)
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


def outbox_send_due(*, batch_size: int = BATCH_SIZE, only=None) -> int:
    """Send every due email (of the ids in `only`, if given), batch by batch,
    within the time budget. Returns how many were sent."""
    deadline = monotonic() + TIME_BUDGET_SECONDS
    sent = 0
    while monotonic() < deadline:
        emails = outbox_claim(limit=batch_size, only=only)
        if not emails:
            break
        sent += _send_batch(emails, deadline)
    return sent
