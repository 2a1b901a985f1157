"""Addresses of earlier releases that may sit in emails already sent or in
people's bookmarks: each answers with a permanent redirect to today's
address. They come after every live address, so none of them hides one.
Only pages that were opened by following a link are here; buttons that
posted a form (approve, withdraw...) never appeared in an email."""

from django.urls import path
from django.views.generic import RedirectView


def moved(old: str, new: str):
    """`old` (a route, with the same parameter names) now lives at `new`."""
    return path(
        old,
        RedirectView.as_view(pattern_name=new, permanent=True, query_string=True),
    )


old_addresses = [
    # Notifications moved into the members' area.
    moved("notifications/", "notifications:centre"),
    moved("notifications/preferences/", "notifications:preferences"),
    # Supporters and invitations moved from accounts to the people screens.
    moved("accounts/invite/", "members:person_add"),
    moved("accounts/supporters/add/", "members:supporter_add"),
    moved("accounts/supporters/requests/<int:pk>/", "members:support_request"),
    # The lead's screens moved under each area's manage/.
    moved("members/people/", "members:people"),
    moved("members/people/privacy-log/", "members:privacy_log"),
    moved("members/people/<int:pk>/", "members:person"),
    moved("members/people/<int:pk>/anonymise/", "members:person_anonymise"),
    moved("members/team-cv/", "members:team_cv"),
    moved("members/team-cv/print/", "members:team_cv_print"),
    moved("members/profile/<slug:section>/", "members:profile_section"),
    moved("members/charter/acceptances/", "charter:acceptances"),
    moved("members/charter/new-version/", "charter:publish"),
    moved("members/plans/all/", "plans:all"),
    moved("members/plans/<int:pk>/goals/<int:goal_pk>/", "plans:goal_edit"),
    moved("members/opportunities/manage/new/", "opportunities:add"),
    moved("members/opportunities/requests/new/", "opportunities:request_add"),
    moved("members/payments/claim/<int:sign_up_pk>/", "payments:claim_add"),
    moved("members/payments/claims/", "payments:claims"),
    moved("members/payments/claims/<int:pk>/change/", "payments:claim_edit"),
    moved("members/payments/opportunities/<int:pk>/", "payments:opportunity"),
    moved("members/figures/<int:year>.csv", "figures:csv"),
    moved("members/format-requests/", "format_requests:list"),
]
