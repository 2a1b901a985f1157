from django.db.models import Prefetch, QuerySet

from members import roles
from members.models import User
from members.selectors import active_in_role

from .models import CharterAcceptance, CharterVersion


def charter_current() -> CharterVersion | None:
    return CharterVersion.objects.order_by("-number").first()


def acceptance_of(
    *, user: User, version: CharterVersion | None
) -> CharterAcceptance | None:
    if version is None:
        return None
    return CharterAcceptance.objects.filter(user=user, version=version).first()


def charter_acceptance_needed(*, user: User) -> CharterVersion | None:
    """The current version, if this person is asked to accept it and has not."""
    current = charter_current()
    if current is None or not charter_acceptance_asked(user=user):
        return None
    return None if acceptance_of(user=user, version=current) else current


def acceptance_table() -> tuple[CharterVersion | None, list[dict]]:
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


def members_not_accepted_current() -> list[User]:
    current, rows = acceptance_table()
    return [row["person"] for row in rows if not row["has_current"]] if current else []


def members_to_accept() -> QuerySet[User]:
    """Active members are asked to accept each version."""
    return active_in_role(group_name=roles.MEMBERS)


def charter_acceptance_asked(*, user: User) -> bool:
    return user.is_active and roles.is_member(user)
