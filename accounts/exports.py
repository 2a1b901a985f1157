"""Ways in: the invitation a person accepted, for their download; and, when
someone who has left is anonymised, their invitations, sign-in links, the
record of failed sign-ins under their address and any two-step sign-in
devices. Found by core.exports; see there. Token hashes and device keys are
never exported."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import Invitation, SignInLink


def _invitations(person, email: str):
    return Invitation.objects.filter(Q(accepted_by=person) | Q(email__iexact=email))


def person_data(person) -> PersonPart:
    invitations = _invitations(person, person.email).select_related("invited_by")
    return PersonPart(
        key="invitations",
        title="Your invitation",
        about=(
            "The invitation that brought you to the members' area: who invited "
            "you, when, and when you accepted it. The secret link itself is "
            "never kept."
        ),
        data=[
            {
                "sent to": invitation.email,
                "role": invitation.get_role_display(),
                "invited by": str(invitation.invited_by or ""),
                "sent": invitation.created_at,
                "accepted": invitation.accepted_at,
                "withdrawn": invitation.withdrawn_at,
            }
            for invitation in invitations
        ],
    )


def person_anonymise(anonymising: Anonymising) -> None:
    person, email = anonymising.person, anonymising.old_email
    _invitations(person, email).update(
        email=anonymising.new_email, first_name="", last_name=""
    )
    SignInLink.objects.filter(user=person).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
    if apps.is_installed("django_otp"):
        from django_otp import devices_for_user

        for device in devices_for_user(person, confirmed=None):
            device.delete()
