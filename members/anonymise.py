"""Anonymising someone who has left (issue 15): the engagement lead takes
out their name, contact details and everything they wrote or told us, and
keeps the rows the group's history and figures are counted from (membership
spells, sign-ups, claims and their amounts).

Each app does its own part through core.exports, so members never imports
a higher app. Who anonymised whom, and when, goes to Wagtail's log under
the person's new name only."""

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.exceptions import NotAllowed
from core.exports import Anonymising, person_anonymise_everywhere

from .models import Profile, User

ACTION = "members.anonymise"


def former_name(person: User) -> str:
    # The account's id: stable, unique, and says nothing about them.
    return f"Former member {person.pk}"


def former_email(person: User) -> str:
    # ".invalid" is reserved (RFC 2606): no email can ever reach it.
    return f"former-{person.pk}@invalid"


def has_left(person: User) -> bool:
    """Recorded as left (members.services.person_deactivate): no longer
    able to sign in, with a last day on their profile if they have one."""
    profile = Profile.objects.filter(user=person).first()
    return not person.is_active and (profile is None or profile.left_on is not None)


def is_anonymised(person: User) -> bool:
    return person.email == former_email(person)


def anonymised_record(person: User) -> ModelLogEntry | None:
    """When they were anonymised, and by whom."""
    return (
        ModelLogEntry.objects.for_instance(person)
        .filter(action=ACTION)
        .select_related("user")
        .first()
    )


@transaction.atomic
def person_anonymise(*, person: User, by: User) -> bool:
    """Anonymise `person`; False if that was done before (nothing changes
    twice). Refuses (NotAllowed) someone who has not left."""
    # One at a time: a second click waits, then finds it done.
    person = User.objects.select_for_update().get(pk=person.pk)
    if is_anonymised(person):
        return False
    if not has_left(person):
        raise NotAllowed(f"{person} has not left the group.")
    profile = Profile.objects.filter(user=person).first()
    old_names = {person.get_full_name(), person.first_name}
    if profile is not None:
        old_names.add(profile.display_name)
    person_anonymise_everywhere(
        anonymising=Anonymising(
            person=person,
            by=by,
            new_name=former_name(person),
            new_email=former_email(person),
            old_email=person.email,
            old_names=tuple(name for name in old_names if len(name) > 1),
        )
    )
    log(instance=person, action=ACTION, user=by)
    return True
