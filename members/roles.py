"""The role groups, created by a data migration (names are the domain's
words), and the checks views make. A check is about the group, never about
is_superuser: an administrator runs the site but does not read members'
private plans or support needs."""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, QuerySet

MEMBERS = "Members"
ENGAGEMENT_LEADS = "Engagement leads"
STAFF = "Staff"
ADMINISTRATORS = "Administrators"

ROLE_GROUPS = [MEMBERS, ENGAGEMENT_LEADS, STAFF, ADMINISTRATORS]

# The group each invited role joins (a supporter joins none: they act
# through the member they support).
GROUP_FOR_ROLE = {
    "member": MEMBERS,
    "engagement_lead": ENGAGEMENT_LEADS,
    "staff": STAFF,
}


def _role_group_flag(name: str) -> str:
    return "in_role_group_" + name.lower().replace(" ", "_")


def with_role_groups(*, users: QuerySet) -> QuerySet:
    """Users with their role groups read in the same query: the user each
    request loads comes this way (accounts/backends.py), so the checks
    below ask nothing more."""
    return users.annotate(
        **{
            _role_group_flag(name): Exists(
                Group.objects.filter(user=OuterRef("pk"), name=name)
            )
            for name in ROLE_GROUPS
        }
    )


def _group_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    # Asked several times per page: read the groups once per request's user.
    if not hasattr(user, "_role_group_names"):
        flags = {
            name: getattr(user, _role_group_flag(name), None) for name in ROLE_GROUPS
        }
        if None in flags.values():
            names = user.groups.values_list("name", flat=True)
        else:
            names = [name for name, member in flags.items() if member]
        user._role_group_names = frozenset(names)
    return user._role_group_names


def is_lead(user) -> bool:
    return ENGAGEMENT_LEADS in _group_names(user)


def is_member(user) -> bool:
    return MEMBERS in _group_names(user)


def is_staff_member(user) -> bool:
    return STAFF in _group_names(user)


def can_browse_team_cv(user) -> bool:
    return is_lead(user) or is_staff_member(user)


def must_use_two_step(user) -> bool:
    """Those who can see everyone's information confirm sign-in with a code:
    the engagement lead, and administrators (superusers can grant themselves
    anything, so the flag counts here as well as the group)."""
    return user.is_authenticated and (
        is_lead(user) or user.is_superuser or ADMINISTRATORS in _group_names(user)
    )
