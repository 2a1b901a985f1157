"""Opportunities' part of a person's download (their sign-ups, and the
engagement requests they made as staff), and of anonymising someone who has
left. Found by core.exports; see there."""

from core.exports import Anonymising, PersonPart

from .models import EngagementRequest, SignUp


def person_data(person) -> PersonPart:
    sign_ups = SignUp.objects.filter(member=person).select_related(
        "opportunity", "on_behalf_by"
    )
    requests = EngagementRequest.objects.filter(requested_by=person).select_related(
        "workstream"
    )
    return PersonPart(
        key="opportunities",
        title="Opportunities you signed up for",
        about=(
            "Each paid opportunity you signed up for: what you told us when you "
            "signed up (your note and your access and support needs), whether "
            "you declined the fee, where your sign-up got to and why. If you "
            "asked the group for input as staff, your engagement requests too."
        ),
        data={
            "sign-ups": [
                {
                    "opportunity": entry.opportunity.title,
                    "status": entry.get_status_display(),
                    "your note": entry.note,
                    "access and support needs": entry.support_needs,
                    "declined the fee": entry.declines_fee,
                    "reason given": entry.reason,
                    "signed up for you by": str(entry.on_behalf_by or ""),
                    "signed up": entry.created_at,
                    "last changed": entry.changed_at,
                }
                for entry in sign_ups
            ],
            "engagement requests": [
                {
                    "title": request.title,
                    "description": request.description,
                    "workstream": request.workstream.name,
                    "from": request.starts_on,
                    "until": request.ends_on,
                    "status": request.get_status_display(),
                    "the lead's message": request.lead_message,
                    "your reply": request.reply,
                    "sent": request.created_at,
                }
                for request in requests
            ],
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """Sign-ups stay, with their states (the figures count them); what the
    person wrote, and the lead's reasons about them, go."""
    SignUp.objects.filter(member=anonymising.person).update(
        note="", support_needs="", reason=""
    )
    anonymising.scrub_rows(EngagementRequest.objects.all())
