"""Entry point for django-q2. Running it twice sends nothing twice: the
dedupe key holds the network and the year."""

from core.scheduling import intended_day

from .services import network_checks_remind


def network_checks(intended_for: str | None = None) -> int:
    return network_checks_remind(today=intended_day(intended_for))
