"""Supporters acting for a member. A supporter (a carer or PA) signs in with
their own login and chooses to act for a member they support; until they
stop, the members' area works on that member's things, and each change is
recorded as done on the member's behalf (members.services.on_behalf_record).

The choice lives in the session; every request checks again that the
support is still open and was agreed to by the supporter, so ending it takes
effect at once and being named alone never lets anyone act."""

from .models import Support, User

SESSION_KEY = "acting_for"


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


def person_for(request):
    """Whose things this request works on: the member being acted for, or
    the signed-in person themselves."""
    if not hasattr(request, "_acting_person"):
        request._acting_person = request.user
        member_pk = (
            request.session.get(SESSION_KEY) if request.user.is_authenticated else None
        )
        if member_pk:
            member = User.objects.filter(pk=member_pk).first()
            if member and may_act_for(request.user, member):
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
