"""A request id for every log line: taken from the proxy's `X-Request-ID`
when it looks safe, made up otherwise, echoed in the response. Imports only
Django and the standard library."""

import logging
import re
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished
from django.dispatch import receiver

# Letters, digits, dot, underscore and hyphen: nothing that could forge or
# break a log line (no newline, no spaces), and not too long.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
NO_REQUEST = "-"

current_request_id: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)


def request_id_for(incoming: str | None) -> str:
    """The incoming id if it is safe to log, a new one otherwise."""
    if incoming and SAFE_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request.headers.get("X-Request-ID"))
        # Kept until the request is finished: Django logs a 404 or a 500 after
        # the middleware has returned.
        current_request_id.set(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


@receiver(request_finished, dispatch_uid="request_id_forget")
def request_id_forget(**kwargs) -> None:
    current_request_id.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True
