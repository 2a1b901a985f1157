"""Writes for people: joining, memberships and leaving, profiles and pausing,
supporters named, agreed and ended. Nothing here is deleted."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy

from core.page_cache import page_cache_purge
from notifications.models import Kind
from notifications.services import notify

from . import roles
from .invitations import invitation_send, invitation_waiting
from .models import Assembly, Membership, OnBehalfRecord, Profile, Support, User
from .selectors import support_open_request


def _unique_slug(name: str) -> str:
    base = slugify(name) or "member"
    slug, n = base, 2
    while Profile.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def person_join(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    role: str,
    assembly: Assembly,
) -> User:
    """A new person: their account, role group, profile and (for members of
    an Assembly) the first spell of their membership history."""
    today = timezone.localdate()
    user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name
    )
    if group_name := roles.GROUP_FOR_ROLE.get(role):
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    display_name = f"{first_name} {last_name}".strip()
    Profile.objects.create(
        user=user,
        display_name=display_name,
        slug=_unique_slug(display_name),
        role=role,
        assembly=assembly,
        joined_on=today,
    )
    if assembly:
        Membership.objects.create(user=user, assembly=assembly, started_on=today)
    return user


# Membership -----------------------------------------------------------------


@transaction.atomic
def membership_move(*, user: User, assembly: Assembly, started_on: date) -> Membership:
    """Move a person to another Assembly: the current spell ends the day
    before, and the history keeps both."""
    current = user.memberships.filter(ended_on__isnull=True).first()
    if current and current.assembly_id == assembly.pk:
        return current
    if current:
        current.ended_on = max(current.started_on, started_on - timedelta(days=1))
        current.save(update_fields=["ended_on"])
    # A queryset update sends no signal: "Who we are" is purged here.
    Profile.objects.filter(user=user).update(assembly=assembly)
    page_cache_purge()
    return Membership.objects.create(
        user=user, assembly=assembly, started_on=started_on
    )


@transaction.atomic
def person_deactivate(*, user: User, ended_on: date) -> None:
    """Someone leaves: they can no longer sign in, their membership and
    profile get an end date, and everything they did stays."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.memberships.filter(ended_on__isnull=True).update(ended_on=ended_on)
    Profile.objects.filter(user=user).update(left_on=ended_on)
    page_cache_purge()
    Support.objects.filter(supporter=user, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )


# Acting for someone ----------------------------------------------------------


def on_behalf_record(*, member: User, actor: User, action: str) -> None:
    """Note what a supporter did for a member; a member's own changes need
    no note. The supporter's name is kept with it, for if their account goes."""
    if actor.pk != member.pk:
        OnBehalfRecord.objects.create(
            member=member, supporter=actor, supporter_name=str(actor), action=action
        )


# A person's own profile -------------------------------------------------------

# Kept on the account, not the profile; everything else is on the profile.
USER_FIELDS = {"first_name", "last_name", "phone", "language"}


@transaction.atomic
def profile_update(*, user: User, actor: User, changes: dict, what: str) -> None:
    """Save one section of a profile. `what` names the section for the
    member's record of what a supporter changed."""
    profile = user.profile
    user_fields, profile_fields = [], []
    for name, value in changes.items():
        if name == "skills":
            profile.skills.set(value)
        elif name in USER_FIELDS:
            setattr(user, name, value)
            user_fields.append(name)
        else:
            setattr(profile, name, value)
            profile_fields.append(name)
    if user_fields:
        user.save(update_fields=user_fields)
    if profile_fields:
        profile.save(update_fields=profile_fields)
    on_behalf_record(member=user, actor=actor, action=f"Changed {what}")


def language_set(*, user: User, language: str) -> None:
    """The language of a person's members' area, notifications and emails
    (the header's switch: always their own, never a member they act for)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def pause_set(
    *, user: User, actor: User, paused: bool, returning_on: date | None = None
) -> None:
    """Pausing keeps the first day of the pause if they were already paused;
    coming back clears both dates. Nothing else about them changes."""
    profile = user.profile
    if paused:
        if not profile.is_paused:
            profile.paused_since = timezone.localdate()
        profile.returning_on = returning_on
        action = "Paused membership"
    else:
        profile.paused_since = profile.returning_on = None
        action = "Ended the pause"
    profile.save(update_fields=["paused_since", "returning_on"])
    on_behalf_record(member=user, actor=actor, action=action)


def support_end(*, support: Support) -> None:
    """The member ends a supporter's access (or a request not yet agreed to);
    what they did stays on record."""
    if support.ended_at is None:
        support.ended_at = timezone.now()
        support.save(update_fields=["ended_at"])


# Supporters, by consent -------------------------------------------------------
# A member asks; the person asked says yes or no. Whatever happens, the member
# sees the same thing, so naming an address never tells them whether it has
# an account, and never touches an invitation someone else sent.


@transaction.atomic
def supporter_name(
    *, member: User, email: str, first_name: str, last_name: str = ""
) -> Support:
    """A member names a supporter and gets an open request back, in every
    case. An account holder is asked to agree; an address without an account
    is invited, unless an invitation is already waiting there (then the
    request waits for the account that invitation makes)."""
    email = User.objects.normalize_email(email).strip()
    name = f"{first_name} {last_name}".strip()
    holder = User.objects.filter(email__iexact=email).first()
    if holder is not None:
        support, created = Support.objects.get_or_create(
            member=member,
            supporter=holder,
            ended_at=None,
            defaults={"name": name, "email": email},
        )
        # A closed account is asked nothing: it cannot sign in to answer.
        if created and holder.is_active:
            support_consent_ask(support=support)
        return support
    support = support_open_request(member=member, email=email)
    if support is not None:
        return support
    support = Support.objects.create(member=member, name=name, email=email)
    if not invitation_waiting(email=email):
        invitation_send(
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=Profile.Role.SUPPORTER,
            invited_by=member,
            supporting=member,
            replace_earlier=False,
        )
    return support


def support_consent_ask(*, support: Support) -> None:
    """Ask the person named whether they agree to support the member."""
    member = support.member
    notify(
        recipients=[support.supporter],
        kind=Kind.ACCOUNT,
        subject=format_lazy(
            gettext_lazy("{member} has asked you to be their supporter"),
            member=str(member),
        ),
        body=gettext_lazy(
            "A supporter can use the members' area for them with your own "
            "login. Nothing changes until you agree; you can also say no."
        ),
        url=reverse("members:support_request", kwargs={"pk": support.pk}),
        dedupe_key=f"support-asked:{support.pk}",
        target=support,
    )


def support_agreed_tell(*, support: Support) -> None:
    """Tell the member that the person they named has agreed."""
    supporter = support.supporter
    notify(
        recipients=[support.member],
        kind=Kind.ACCOUNT,
        subject=format_lazy(
            gettext_lazy("{supporter} has agreed to be your supporter"),
            supporter=str(supporter),
        ),
        body=format_lazy(
            gettext_lazy(
                "{name} can now act for you. You can stop this at any time on "
                "your profile."
            ),
            name=supporter.first_name or str(supporter),
        ),
        url=reverse("members:profile"),
        dedupe_key=f"support-accepted:{support.pk}",
        target=support,
    )


@transaction.atomic
def support_accept(*, support: Support, by: User) -> bool:
    """The person asked agrees. A conditional update, so a request that was
    withdrawn or answered meanwhile is left alone. Returns whether it took."""
    agreed = Support.objects.filter(
        pk=support.pk, supporter=by, accepted_at__isnull=True, ended_at__isnull=True
    ).update(accepted_at=timezone.now())
    if agreed:
        support.refresh_from_db()
        support_agreed_tell(support=support)
    return bool(agreed)


@transaction.atomic
def support_decline(*, support: Support, by: User) -> bool:
    """The person asked says no: the request closes, and the member is told
    in words that blame no one."""
    now = timezone.now()
    declined = Support.objects.filter(
        pk=support.pk, supporter=by, accepted_at__isnull=True, ended_at__isnull=True
    ).update(declined_at=now, ended_at=now)
    if declined:
        notify(
            recipients=[support.member],
            kind=Kind.ACCOUNT,
            subject=format_lazy(
                gettext_lazy("{name} will not be your supporter for now"),
                name=support.asked_name,
            ),
            body=gettext_lazy(
                "You can ask someone else at any time from your profile."
            ),
            url=reverse("members:profile"),
            dedupe_key=f"support-declined:{support.pk}",
            target=support,
        )
    return bool(declined)
