"""Requests for another format: their part of a person's download, and of
anonymising someone who has left. Found by core.exports; see there."""

from django.db.models import Q

from core.exports import Anonymising, PersonPart

from .models import FormatRequest


def _theirs(person, email: str):
    """Made while signed in, or sent from their address while signed out."""
    return FormatRequest.objects.filter(Q(user=person) | Q(reply_to__iexact=email))


def person_data(person) -> PersonPart:
    return PersonPart(
        key="format_requests",
        title="Pages you asked for in another format",
        about=(
            "Each time you asked for a page in another format (Easy Read, large "
            "print, audio or a call), with the details you gave and when it was "
            "answered."
        ),
        data=[
            {
                "page": request.page_path,
                "format": request.get_format_display(),
                "details": request.details,
                "name given": request.name,
                "reply to": request.reply_to,
                "asked": request.created_at,
                "answered": request.answered_at,
            }
            for request in _theirs(person, person.email)
        ],
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """The requests stay, counted, without who asked or what they wrote."""
    _theirs(anonymising.person, anonymising.old_email).update(
        name=anonymising.new_name, reply_to="", details=""
    )
