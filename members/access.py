"""Who may open what in the members' area. A page someone may not see
answers 404, so it does not even hint that it exists."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from . import roles
from .acting import person_for
from .models import User


def role_required(check):
    """A view for people who pass `check` (one of roles.is_*)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise Http404("Not found")
            return view(request, *args, **kwargs)

        # Who may open it, for the address-map test: the lead's screens
        # (roles.is_lead) sit under their area's manage/ segment.
        wrapped.allowed = check
        return wrapped

    return decorator


# The engagement lead's pages (not administrators: see roles.py).
lead_required = role_required(roles.is_lead)


def member_for(request) -> User:
    """The member this request works for: the signed-in member, or the member
    their supporter is acting for. Anyone else (a lead, staff, a supporter
    not acting) gets 404."""
    person = person_for(request)
    if not roles.is_member(person):
        raise Http404("Not found")
    return person


def member_required(view):
    """A member's page: lets in a member, or a supporter acting for one, and
    passes the member as `member`. Someone signed out is sent to sign in."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, member=member_for(request), **kwargs)

    return wrapped
