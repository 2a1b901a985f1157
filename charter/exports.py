"""The Charter's part of a person's download. Found by core.exports.
Acceptances stay when someone is anonymised: they hold no words of theirs,
and the count of who accepted each version is the group's history."""

from core.exports import PersonPart

from .models import CharterAcceptance


def person_data(person) -> PersonPart:
    acceptances = CharterAcceptance.objects.filter(user=person).select_related(
        "version", "on_behalf_by"
    )
    return PersonPart(
        key="charter_acceptances",
        title="The Charter versions you accepted",
        about=(
            "Each version of the group's Charter you accepted, when, the "
            "language you read it in, and the supporter who accepted it for "
            "you if one did."
        ),
        data=[
            {
                "version": acceptance.version.number,
                "accepted at": acceptance.accepted_at,
                "read in": acceptance.get_language_display(),
                "accepted for you by": str(acceptance.on_behalf_by or ""),
            }
            for acceptance in acceptances
        ],
    )
