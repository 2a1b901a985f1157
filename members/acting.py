"""Supporters acting for a member. A supporter (a carer or PA) signs in with
their own login and chooses to act for a member they support; until they
stop, the members' area works on that member's things, and each change is
recorded as done on the member's behalf (members.services.on_behalf_record).

The choice lives in the session; every request checks again that the
support is still open and was agreed to by the supporter, so ending it takes
effect at once and being named alone never lets anyone act."""

from django.db.models import Exists, OuterRef, QuerySet

from .models import Support, User
from .roles import with_role_groups

SESSION_KEY = "acting_for"
SUPPORTS_OPEN = "supports_open"


def with_supports(*, users: QuerySet) -> QuerySet:
    """Users with whether anyone asked them to support or has their support,
    read in the same query (the user each request loads comes this way): the
    dashboard asks for the details only when there are some."""
    open_supports = Support.objects.filter(
        supporter=OuterRef("pk"), ended_at__isnull=True
    )
    return users.annotate(**{SUPPORTS_OPEN: Exists(open_supports)})


def supports_anyone(user) -> bool:
    """False only when the user was read with no open support: then neither
    the members they support nor the requests waiting for them are asked."""
    return getattr(user, SUPPORTS_OPEN, True)


def supported_by(supporter) -> list[User]:
    """The active members this person agreed to support and may act for."""
    if not supporter.is_authenticated:
        return []
    return list(
        User.objects.filter(
            supporters__supporter=supporter,
            supporters__ended_at__isnull=True,
            supporters__accepted_at__isnull=False,
            is_active=True,
        ).distinct()
    )


def may_act_for(supporter, member) -> bool:
    return (
        supporter.is_authenticated
        and member.is_active
        and Support.objects.filter(
            supporter=supporter,
            member=member,
            ended_at__isnull=True,
            accepted_at__isnull=False,
        ).exists()
    )


def _member_to_act_for(*, supporter, pk) -> User | None:
    """The member, if this supporter may act for them (as may_act_for asks),
    with their profile and role groups, in one query."""
    agreed = Support.objects.filter(
        supporter=supporter,
        member=OuterRef("pk"),
        ended_at__isnull=True,
        accepted_at__isnull=False,
    )
    return (
        with_role_groups(users=User.objects.select_related("profile"))
        .filter(Exists(agreed), pk=pk, is_active=True)
        .first()
    )


def person_for(request):
    """Whose things this request works on: the member being acted for, or
    the signed-in person themselves."""
    if not hasattr(request, "_acting_person"):
        request._acting_person = request.user
        member_pk = (
            request.session.get(SESSION_KEY) if request.user.is_authenticated else None
        )
        if member_pk:
            member = _member_to_act_for(supporter=request.user, pk=member_pk)
            if member is not None:
                request._acting_person = member
            else:
                request.session.pop(SESSION_KEY, None)
    return request._acting_person


def is_acting(request) -> bool:
    return person_for(request) != request.user


def acting_start(request, member) -> None:
    request.session[SESSION_KEY] = member.pk
    request.__dict__.pop("_acting_person", None)


def acting_stop(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.__dict__.pop("_acting_person", None)
