from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from members import roles
from members.models import User
from members.selectors import active_in_role

from .models import WELSH, CharterAcceptance, CharterVersion


def charter_current() -> CharterVersion | None:
    return CharterVersion.objects.order_by("-number").first()


def acceptance_of(
    *, user: User, version: CharterVersion | None
) -> CharterAcceptance | None:
    if version is None:
        return None
    return CharterAcceptance.objects.filter(user=user, version=version).first()


def charter_acceptance_needed(*, user: User) -> CharterVersion | None:
    """The current version, if this person is asked to accept it and has not
    (one query, none for those who are not asked)."""
    if not charter_acceptance_asked(user=user):
        return None
    accepted = CharterAcceptance.objects.filter(user=user, version=OuterRef("pk"))
    current = (
        CharterVersion.objects.order_by("-number")
        .annotate(accepted=Exists(accepted))
        .first()
    )
    return None if current is None or current.accepted else current


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
    """Active members who have not accepted the current version (none while
    there is no version), in one query."""
    current = CharterVersion.objects.order_by("-number").values("pk")[:1]
    accepted = CharterAcceptance.objects.filter(
        user=OuterRef("pk"), version=Subquery(current)
    )
    return list(
        members_to_accept()
        .filter(Exists(current))
        .exclude(Exists(accepted))
        .select_related("profile")
        .order_by("first_name", "last_name")
    )


def members_to_accept() -> QuerySet[User]:
    """Active members are asked to accept each version."""
    return active_in_role(group_name=roles.MEMBERS)


def charter_acceptance_asked(*, user: User) -> bool:
    return user.is_active and roles.is_member(user)


def charter_welsh_fixed(*, version: CharterVersion) -> bool:
    """The Welsh can be added, or corrected, until someone accepts the
    version in Welsh; then it is fixed, like the English."""
    return version.acceptances.filter(language=WELSH).exists()
