"""Writes for ways in: invitations and emailed sign-in links."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.models import Profile, Support, User
from members.services import person_join
from notifications.emails import absolute_url
from notifications.models import Kind
from notifications.services import account_email, notify

from .models import Invitation, SignInLink
from .tokens import token_hash, token_new


class LinkProblem:
    """Why a link from an email cannot be used, in words for the page."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class LinkCheck:
    link: Invitation | SignInLink | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


# Invitations ---------------------------------------------------------------


def invitation_create(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    role: str = Profile.Role.MEMBER,
    assembly=None,
    invited_by=None,
    supporting=None,
) -> Invitation:
    """Invite one address; any earlier unused invitation for it stops working,
    so only the newest link is ever valid."""
    email = User.objects.normalize_email(email).strip()
    now = timezone.now()
    token, digest = token_new()
    Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    invitation = Invitation.objects.create(
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role,
        assembly=assembly,
        supporting=supporting,
        invited_by=invited_by,
        token_hash=digest,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_DAYS),
    )
    inviter = invited_by.get_full_name() if invited_by else ""
    account_email(
        to_address=email,
        subject="You are invited to join the Co-production Hub",
        template="emails/invitation",
        context={
            "first_name": first_name,
            "inviter": inviter,
            "role": invitation.get_role_display(),
            "supporting": str(supporting) if supporting else "",
            "accept_url": absolute_url(
                reverse("accounts:invitation", kwargs={"token": token})
            ),
            "expires_on": invitation.expires_at.date().isoformat(),
        },
        dedupe_key=f"invitation:{invitation.pk}",
    )
    return invitation


def invitation_check(token: str) -> LinkCheck:
    invitation = Invitation.objects.filter(token_hash=token_hash(token)).first()
    if invitation is None:
        return LinkCheck(None, LinkProblem.UNKNOWN)
    if invitation.accepted_at:
        return LinkCheck(invitation, LinkProblem.USED)
    if invitation.withdrawn_at:
        return LinkCheck(invitation, LinkProblem.WITHDRAWN)
    if invitation.expires_at <= timezone.now():
        return LinkCheck(invitation, LinkProblem.EXPIRED)
    return LinkCheck(invitation, None)


def invitation_renew(*, invitation: Invitation) -> Invitation | None:
    """A fresh link to the same address, for someone whose invitation ran out.
    Nothing is sent if the address already has an account."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        return None
    return invitation_create(
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
        role=invitation.role,
        assembly=invitation.assembly,
        invited_by=invitation.invited_by,
        supporting=invitation.supporting,
    )


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
) -> User:
    """Create the account, its profile, role and membership. Two clicks at
    once cannot make two accounts: the invitation row is locked first."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.withdrawn_at:
        raise ValueError("This invitation has already been used.")
    user = person_join(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        assembly=invitation.assembly,
    )
    if invitation.supporting:
        Support.objects.get_or_create(
            member=invitation.supporting, supporter=user, ended_at=None
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


# Sign-in links --------------------------------------------------------------


def sign_in_link_send(*, email: str) -> SignInLink | None:
    """Email a sign-in link if the address belongs to an active account.
    The page says the same either way, so it does not reveal who is a member.
    At most one link a minute per person, so the form cannot flood an inbox."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return None
    now = timezone.now()
    if user.sign_in_links.filter(created_at__gt=now - timedelta(minutes=1)).exists():
        return None
    token, digest = token_new()
    link = SignInLink.objects.create(
        user=user,
        token_hash=digest,
        created_at=now,
        expires_at=now + timedelta(minutes=settings.SIGN_IN_LINK_MINUTES),
    )
    account_email(
        to_address=user.email,
        subject="Your link to sign in to the Co-production Hub",
        template="emails/sign_in_link",
        context={
            "first_name": user.first_name,
            "sign_in_url": absolute_url(
                reverse("accounts:sign_in_link_use", kwargs={"token": token})
            ),
            "minutes": settings.SIGN_IN_LINK_MINUTES,
        },
        dedupe_key=f"sign-in-link:{link.pk}",
    )
    return link


def sign_in_link_check(token: str) -> LinkCheck:
    link = SignInLink.objects.filter(token_hash=token_hash(token)).first()
    if link is None or not link.user.is_active:
        return LinkCheck(None, LinkProblem.UNKNOWN)
    if link.used_at:
        return LinkCheck(link, LinkProblem.USED)
    if link.expires_at <= timezone.now():
        return LinkCheck(link, LinkProblem.EXPIRED)
    return LinkCheck(link, None)


def sign_in_link_use(*, link: SignInLink) -> User | None:
    """Spend the link. A conditional update, so of two clicks only one wins."""
    spent = SignInLink.objects.filter(
        pk=link.pk, used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now())
    return link.user if spent else None


@transaction.atomic
def supporter_name(
    *, member: User, email: str, first_name: str, last_name: str = ""
) -> bool:
    """A member names a supporter. Someone who already has an account may act
    for them at once (and is told); anyone else is invited. Returns whether
    an invitation was sent."""
    existing = User.objects.filter(email__iexact=email, is_active=True).first()
    if existing is None:
        invitation_create(
            email=email,
            first_name=first_name,
            last_name=last_name,
            role=Profile.Role.SUPPORTER,
            invited_by=member,
            supporting=member,
        )
        return True
    support, _ = Support.objects.get_or_create(
        member=member, supporter=existing, ended_at=None
    )
    notify(
        recipients=[existing],
        kind=Kind.ACCOUNT,
        subject=f"{member} has named you as their supporter",
        body="You can now act for them in the members' area: choose “Act for "
        f"{member.first_name or member}” on your dashboard.",
        url=reverse("dashboard:home"),
        dedupe_key=f"support:{support.pk}",
        target=support,
    )
    return False
