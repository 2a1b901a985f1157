"""Who may open what in the members' area. A page someone may not see
answers 404, so it does not even hint that it exists."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from . import roles


def lead_required(view):
    """For the engagement lead's pages (not administrators: see roles.py)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_lead(request.user):
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    return wrapped


def team_cv_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.can_browse_team_cv(request.user):
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    return wrapped
