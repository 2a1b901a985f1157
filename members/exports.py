"""The members app's part of a person's download (their account, profile,
Assembly history and supporters) and of anonymising someone who has left.
Found by core.exports; see there for the two functions' contract."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.users.models import UserProfile

from core.exports import Anonymising, PersonPart

from .models import ContactMethod, OnBehalfRecord, Profile, Support


def _profile_data(profile: Profile | None) -> dict | None:
    if profile is None:
        return None
    return {
        "name shown on the site": profile.display_name,
        "role": profile.get_role_display(),
        "assembly": str(profile.assembly or ""),
        "joined on": profile.joined_on,
        "left on": profile.left_on,
        "pronouns": profile.pronouns,
        "short bio": profile.bio,
        "photo": profile.photo.title if profile.photo else "",
        "photo description": profile.photo_alt,
        "shown on the public 'Who we are' page": profile.publish_on_site,
        "photo shown publicly": profile.publish_photo,
        "how you like to be contacted": profile.get_contact_method_display(),
        "anything else about contacting you": profile.contact_notes,
        "access and support needs": profile.support_needs,
        "reader settings": profile.reader_preferences,
        "staff may see your skills": profile.share_skills_with_staff,
        "staff may see your experience": profile.share_experience_with_staff,
        "staff may see your languages": profile.share_languages_with_staff,
        "skills": [skill.name for skill in profile.skills.all()],
        "skills in your own words": profile.skills_in_own_words,
        "experience": profile.experience,
        "languages": profile.languages,
        "paused since": profile.paused_since,
        "returning on": profile.returning_on,
    }


def person_data(person) -> PersonPart:
    profile = Profile.objects.filter(user=person).first()
    supports = Support.objects.filter(Q(member=person) | Q(supporter=person))
    return PersonPart(
        key="account_and_profile",
        title="Your account and profile",
        about=(
            "Your name, email address, phone number and language; your profile "
            "(what you wrote about yourself, your pronouns, how you like to be "
            "contacted, your access and support needs, what you agreed others may see, "
            "your skills and your reader settings); the Assemblies you have "
            "been part of and when; your supporters; and what a supporter did "
            "on your behalf. Your password is not included: the site only keeps "
            "a scrambled form of it that cannot be read back."
        ),
        data={
            "account": {
                "email address": person.email,
                "first name": person.first_name,
                "last name": person.last_name,
                "phone number": person.phone,
                "language": person.get_language_display(),
                "account created": person.date_joined,
                "last signed in": person.last_login,
                "can sign in": person.is_active,
            },
            "profile": _profile_data(profile),
            "membership history": [
                {
                    "assembly": str(spell.assembly),
                    "from": spell.started_on,
                    "until": spell.ended_on,
                }
                for spell in person.memberships.select_related("assembly")
            ],
            "supporters": [
                {
                    "supporter": support.asked_name,
                    "for": str(support.member),
                    "from": support.started_at,
                    "until": support.ended_at,
                }
                for support in supports.select_related("member", "supporter")
            ],
            "done on your behalf": [
                {
                    "when": record.created_at,
                    "by": record.done_by,
                    "what": record.action,
                }
                for record in OnBehalfRecord.objects.filter(
                    member=person
                ).select_related("supporter")
            ],
        },
    )


def _photo_delete_if_unused(photo) -> None:
    """Their photo goes unless something else shows it (a story may use the
    same picture). Called once the profile no longer points at it."""
    if photo is None or not isinstance(photo, get_image_model()):
        return
    used_elsewhere = (
        Profile.objects.filter(photo=photo).exists()
        or ReferenceIndex.get_references_to(photo)
        .exclude(content_type=ContentType.objects.get_for_model(Profile))
        .exists()
    )
    if not used_elsewhere:
        photo.delete()


def person_anonymise(anonymising: Anonymising) -> None:
    person = anonymising.person
    profile = Profile.objects.filter(user=person).first()
    if profile is not None:
        photo = profile.photo
        profile.photo = None
        profile.display_name = anonymising.new_name
        profile.slug = f"former-member-{person.pk}"
        profile.photo_alt = profile.bio = profile.pronouns = ""
        profile.contact_method = ContactMethod.EMAIL
        profile.contact_notes = profile.support_needs = ""
        profile.reader_preferences = {}
        profile.publish_on_site = profile.publish_photo = False
        profile.share_skills_with_staff = False
        profile.share_experience_with_staff = False
        profile.share_languages_with_staff = False
        profile.skills_in_own_words = profile.experience = profile.languages = ""
        profile.paused_since = profile.returning_on = None
        profile.save()
        profile.skills.clear()
        _photo_delete_if_unused(photo)

    # What a supporter did for them is theirs; what they did as someone's
    # supporter stays on that member's record, under the new name.
    OnBehalfRecord.objects.filter(member=person).delete()
    Support.objects.filter(
        Q(member=person) | Q(supporter=person), ended_at__isnull=True
    ).update(ended_at=timezone.now())
    # The names and addresses members typed when asking them to be a supporter.
    anonymising.scrub_rows(Support.objects.all())
    anonymising.scrub_rows(OnBehalfRecord.objects.all())
    UserProfile.objects.filter(user=person).delete()
    # Wagtail's history of edits keeps its entries, under the new name.
    anonymising.scrub_rows(ModelLogEntry.objects.all(), ("label", "data"))

    person.first_name = anonymising.new_name
    person.last_name = person.phone = ""
    person.email = anonymising.new_email
    person.is_active = False
    person.set_unusable_password()
    person.save()
