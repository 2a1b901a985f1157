from django.db.models import Prefetch

from .models import CharterAcceptance, CharterVersion
from .services import is_asked_to_accept, members_to_accept


def charter_current() -> CharterVersion | None:
    return CharterVersion.objects.order_by("-number").first()


def acceptance_of(*, user, version) -> CharterAcceptance | None:
    if version is None:
        return None
    return CharterAcceptance.objects.filter(user=user, version=version).first()


def needs_to_accept(*, user) -> CharterVersion | None:
    """The current version, if this person is asked to accept it and has not."""
    current = charter_current()
    if current is None or not is_asked_to_accept(user):
        return None
    return None if acceptance_of(user=user, version=current) else current


def acceptance_table():
    """Each active member with their newest acceptance (two queries)."""
    people = list(
        members_to_accept()
        .select_related("profile")
        .prefetch_related(
            Prefetch(
                "charter_acceptances",
                queryset=CharterAcceptance.objects.select_related(
                    "version", "on_behalf_by"
                ).order_by("-version__number"),
                to_attr="acceptances_newest_first",
            )
        )
        .order_by("first_name", "last_name")
    )
    current = charter_current()
    rows = []
    for person in people:
        newest = (
            person.acceptances_newest_first[0]
            if person.acceptances_newest_first
            else None
        )
        rows.append(
            {
                "person": person,
                "newest": newest,
                "has_current": bool(newest and current and newest.version == current),
            }
        )
    return current, rows


def not_accepted_current():
    current, rows = acceptance_table()
    return [row["person"] for row in rows if not row["has_current"]] if current else []
