"""Reads about people for the public site. Only consented profiles leave here."""

from datetime import date

from django.db.models import Prefetch, Q

from .models import Assembly, Profile, User


def profiles_public():
    return Profile.objects.filter(publish_on_site=True).select_related(
        "photo", "assembly"
    )


def _current(queryset, today=None):
    today = today or date.today()
    return queryset.filter(Q(left_on__isnull=True) | Q(left_on__gte=today))


def who_we_are() -> dict:
    """The lead(s), each Assembly with its current members, and past members."""
    today = date.today()
    members = _current(profiles_public(), today).filter(role=Profile.Role.MEMBER)
    assemblies = Assembly.objects.prefetch_related(
        Prefetch(
            "profiles",
            queryset=members.prefetch_related("photo__renditions"),
            to_attr="current_members",
        )
    )
    leads = _current(profiles_public(), today).filter(role=Profile.Role.ENGAGEMENT_LEAD)
    past = (
        profiles_public().filter(left_on__lt=today).order_by("-left_on", "display_name")
    )
    return {
        "assemblies": assemblies,
        "leads": leads.prefetch_related("photo__renditions"),
        "past_members": past,
    }


def profile_public_get(*, slug: str) -> Profile | None:
    return profiles_public().filter(slug=slug).first()


# The engagement lead's view of the group -------------------------------------


def people_for_lead(*, past: bool = False):
    """Everyone with an account, current or past, with what the list shows."""
    return (
        User.objects.filter(is_active=not past)
        .select_related("profile", "profile__assembly")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "email")
    )


def person_for_lead(*, pk: int):
    return (
        User.objects.select_related("profile", "profile__assembly")
        .prefetch_related("memberships__assembly", "groups")
        .filter(pk=pk)
        .first()
    )
