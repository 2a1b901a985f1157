"""Entry points for django-q2. Running one twice sends nothing twice: each
engagement request's requester is asked once (ChangeAsk is one per request),
and each member once about each meeting or piece of work (HeardAsk), each
made in the same transaction as the notification."""

from core.scheduling import intended_day

from .services import change_asks_send, heard_asks_send


def change_asks(intended_for: str | None = None) -> int:
    return change_asks_send(today=intended_day(intended_for))


def heard_asks(intended_for: str | None = None) -> int:
    return heard_asks_send(today=intended_day(intended_for))
