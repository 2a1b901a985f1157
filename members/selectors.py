"""Reads about people for the public site. Only consented profiles leave here."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.content_generation import public_pages
from core.languages import in_language

from .models import (
    Assembly,
    Membership,
    OnBehalfRecord,
    Profile,
    Skill,
    Support,
    User,
)


def paused_on(*, day: date, prefix: str = "") -> Q:
    """People paused on `day` (a caring crisis, a hospital stay), as a filter
    on Profile, or on anything that reaches it through `prefix`."""
    return Q(**{f"{prefix}paused_since__lte": day}) & (
        Q(**{f"{prefix}returning_on__isnull": True})
        | Q(**{f"{prefix}returning_on__gt": day})
    )


def paused_people(*, day: date) -> QuerySet[Profile]:
    """Active people who are paused on `day`, for the lead to see."""
    return (
        Profile.objects.filter(paused_on(day=day), user__is_active=True)
        .select_related("user")
        .order_by("returning_on", "display_name")
    )


def active_in_role(*, group_name: str) -> QuerySet[User]:
    """Everyone active in one role group (roles.MEMBERS, ENGAGEMENT_LEADS...)."""
    return User.objects.filter(is_active=True, groups__name=group_name).distinct()


def profiles_public() -> QuerySet[Profile]:
    return Profile.objects.filter(publish_on_site=True).select_related(
        "photo", "assembly"
    )


def _current(queryset, today=None):
    today = today or date.today()
    return queryset.filter(Q(left_on__isnull=True) | Q(left_on__gte=today))


def who_we_are() -> dict:
    """The lead(s), each Assembly with its current members, and past members."""
    today = date.today()
    current = list(
        _current(profiles_public(), today)
        .filter(role__in=[Profile.Role.MEMBER, Profile.Role.ENGAGEMENT_LEAD])
        .prefetch_related("photo__renditions")
    )
    assemblies = list(Assembly.objects.all())
    for assembly in assemblies:
        assembly.current_members = [
            profile
            for profile in current
            if profile.role == Profile.Role.MEMBER
            and profile.assembly_id == assembly.pk
        ]
    past = (
        profiles_public().filter(left_on__lt=today).order_by("-left_on", "display_name")
    )
    return {
        "assemblies": assemblies,
        "leads": [p for p in current if p.role == Profile.Role.ENGAGEMENT_LEAD],
        "past_members": past,
    }


def profile_stories_public(*, profile: Profile) -> QuerySet:
    """The live, public stories `profile` wrote, in page order."""
    return public_pages(in_language(profile.stories.live()))


def profile_public_get(*, slug: str) -> Profile | None:
    return profiles_public().filter(slug=slug).first()


# The engagement lead's view of the group -------------------------------------


def people_for_lead(*, past: bool = False) -> QuerySet[User]:
    """Everyone with an account, current or past, with what the list shows."""
    return (
        User.objects.filter(is_active=not past)
        .select_related("profile", "profile__assembly")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "email")
    )


def person_for_lead(*, pk: int) -> User | None:
    """With their Assemblies over time, their groups, and whether they
    confirm sign-in with a code (uses_two_step: an authenticator or recovery
    codes, as django_otp.user_has_device asks, in the same query)."""
    return (
        User.objects.select_related("profile", "profile__assembly")
        .prefetch_related(
            Prefetch(
                "memberships", queryset=Membership.objects.select_related("assembly")
            ),
            "groups",
        )
        .annotate(
            uses_two_step=Exists(
                TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
            )
            | Exists(StaticDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
        )
        .filter(pk=pk)
        .first()
    )


# For the member themselves ---------------------------------------------------


def supporters_of(*, user: User) -> QuerySet[Support]:
    """Open supports, agreed or still waiting for a yes: the member sees both
    and can end either."""
    return (
        Support.objects.filter(member=user, ended_at__isnull=True)
        .select_related("supporter")
        .order_by("started_at")
    )


def support_requests_for(*, user: User) -> QuerySet[Support]:
    """Requests waiting for this person's yes or no, from active members."""
    return (
        Support.objects.filter(
            supporter=user,
            accepted_at__isnull=True,
            ended_at__isnull=True,
            member__is_active=True,
        )
        .select_related("member")
        .order_by("started_at")
    )


def on_behalf_records_of(*, user: User, limit: int = 20) -> QuerySet[OnBehalfRecord]:
    return OnBehalfRecord.objects.filter(member=user).select_related("supporter")[
        :limit
    ]


# The team CV: staff and the lead, only what each member agreed to share ------


@dataclass(frozen=True)
class CvEntry:
    """One member's part of the team CV. A part they did not agree to share
    is None, so no template can show it by mistake."""

    name: str
    pronouns: str
    assembly: str
    skills: list[str] | None
    skills_in_own_words: str | None
    experience: str | None
    languages: str | None


def _cv_entry(profile: Profile) -> CvEntry:
    skills = profile.share_skills_with_staff
    return CvEntry(
        name=profile.display_name,
        pronouns=profile.pronouns,
        assembly=str(profile.assembly or ""),
        skills=[skill.name for skill in profile.skills.all()] if skills else None,
        skills_in_own_words=profile.skills_in_own_words if skills else None,
        experience=profile.experience if profile.share_experience_with_staff else None,
        languages=profile.languages if profile.share_languages_with_staff else None,
    )


def team_cv(
    *, skill: Skill | None = None, assembly: Assembly | None = None
) -> list[CvEntry]:
    """Current members who share at least one part, with the parts they share.
    Filtering by a skill only finds people who share their skills."""
    profiles = (
        _current(Profile.objects.filter(role=Profile.Role.MEMBER))
        # Some members have no login yet; a closed account has left.
        .filter(Q(user__isnull=True) | Q(user__is_active=True))
        .filter(
            Q(share_skills_with_staff=True)
            | Q(share_experience_with_staff=True)
            | Q(share_languages_with_staff=True)
        )
        .select_related("assembly")
        .prefetch_related("skills")
        .order_by("assembly__sort_order", "display_name")
    )
    if skill is not None:
        profiles = profiles.filter(share_skills_with_staff=True, skills=skill)
    if assembly is not None:
        profiles = profiles.filter(assembly=assembly)
    return [_cv_entry(profile) for profile in profiles]


def support_open_request(*, member: User, email: str) -> Support | None:
    """A member's open request to an address that has no account yet."""
    return Support.objects.filter(
        member=member, email__iexact=email, supporter=None, ended_at=None
    ).first()
