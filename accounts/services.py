"""Writes for ways in: invitations and emailed sign-in links."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from members import roles
from members.models import Assembly, Profile, Support, User
from members.selectors import support_open_request
from members.services import person_join, support_agreed_tell, support_consent_ask
from notifications.services import account_email

from . import links
from .models import Invitation, SignInLink
from .selectors import invitation_waiting
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
    assembly: Assembly | None = None,
    invited_by: User | None = None,
    supporting: User | None = None,
    replace_earlier: bool = True,
) -> Invitation:
    """Invite one address. When the lead invites again (`replace_earlier`),
    any earlier unused invitation for it stops working, so only the newest
    link is valid. A member naming a supporter never passes it: their naming
    must not withdraw an invitation someone else sent."""
    email = User.objects.normalize_email(email).strip()
    now = timezone.now()
    # A placeholder until the email is sent, which gives the link its token.
    _, digest = token_new()
    if replace_earlier:
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
        subject=gettext_lazy("You are invited to join the Co-production Hub"),
        template="emails/invitation",
        context={
            "first_name": first_name,
            "inviter": inviter,
            "role": invitation.get_role_display(),
            "supporting": str(supporting) if supporting else "",
            "expires_on": invitation.expires_at.date().isoformat(),
        },
        dedupe_key=f"invitation:{invitation.pk}",
        link=links.INVITATION,
        link_for=invitation,
    )
    return invitation


def invitation_check(*, token: str) -> LinkCheck:
    invitation = Invitation.objects.filter(token_hash=token_hash(token)).first()
    if invitation is None:
        return LinkCheck(None, LinkProblem.UNKNOWN)
    if invitation.accepted_at:
        return LinkCheck(invitation, LinkProblem.USED)
    if invitation.withdrawn_at or _request_withdrawn(invitation):
        return LinkCheck(invitation, LinkProblem.WITHDRAWN)
    if invitation.expires_at <= timezone.now():
        return LinkCheck(invitation, LinkProblem.EXPIRED)
    return LinkCheck(invitation, None)


def invitation_renew(*, invitation: Invitation) -> Invitation | None:
    """A fresh link to the same address, for someone whose invitation ran out.
    Nothing is sent if the address already has an account, or if the member
    who asked them to be their supporter has withdrawn the request. Renewing
    a supporter's invitation replaces nothing: other invitations may be
    someone else's."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        return None
    if invitation.supporting and (
        not support_open_request(member=invitation.supporting, email=invitation.email)
        or invitation_waiting(email=invitation.email)
    ):
        return None
    return invitation_create(
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
        role=invitation.role,
        assembly=invitation.assembly,
        invited_by=invitation.invited_by,
        supporting=invitation.supporting,
        replace_earlier=invitation.supporting is None,
    )


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
) -> User:
    """Create the account, its profile, role and membership. Two clicks at
    once cannot make two accounts: the invitation row is locked first."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.withdrawn_at:
        raise NotAllowed("This invitation has already been used.")
    if _request_withdrawn(invitation):
        raise NotAllowed("The member has withdrawn this request.")
    user = person_join(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        assembly=invitation.assembly,
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    # Other links to this address could only fail now that it has an account.
    Invitation.objects.filter(
        email__iexact=invitation.email,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
    ).update(withdrawn_at=invitation.accepted_at)
    _requests_reach_new_account(user=user, invitation=invitation)
    return user


def _request_withdrawn(invitation: Invitation) -> bool:
    """A supporter's invitation works only while the member's request is
    open: a member who takes it back has withdrawn the invitation too."""
    return bool(invitation.supporting_id) and not support_open_request(
        member=invitation.supporting, email=invitation.email
    )


def _requests_reach_new_account(*, user: User, invitation: Invitation) -> None:
    """Every open request naming this address now has an account to ask.
    Accepting a supporter invitation that names the member is itself the
    consent for that member's request; every other request waits for a yes."""
    for support in Support.objects.select_for_update().filter(
        email__iexact=user.email, supporter=None, ended_at=None
    ):
        support.supporter = user
        consented = support.member_id == invitation.supporting_id
        if consented:
            support.accepted_at = invitation.accepted_at
        support.save(update_fields=["supporter", "accepted_at"])
        if consented:
            support_agreed_tell(support=support)
        else:
            support_consent_ask(support=support)


# Sign-in links --------------------------------------------------------------


def sign_in_link_send(*, email: str) -> SignInLink | None:
    """Email a sign-in link if the address belongs to an active account.
    The page says the same either way, so it does not reveal who is a member.
    At most one link a minute per person, so the form cannot flood an inbox."""
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return None
    now = timezone.now()
    if roles.must_use_two_step(user):
        # The lead and administrators sign in with a password and a code,
        # never a link: they are told so, in place of the link they asked for.
        account_email(
            to_address=user.email,
            subject=gettext_lazy("How to sign in to the Co-production Hub"),
            template="emails/sign_in_link_not_for_you",
            context={"first_name": user.first_name},
            dedupe_key=f"sign-in-link-not-for-you:{user.pk}:{now:%Y%m%d%H%M}",
        )
        return None
    if user.sign_in_links.filter(created_at__gt=now - timedelta(minutes=1)).exists():
        return None
    # A placeholder until the email is sent, which gives the link its token.
    _, digest = token_new()
    link = SignInLink.objects.create(
        user=user,
        token_hash=digest,
        created_at=now,
        expires_at=now + timedelta(minutes=settings.SIGN_IN_LINK_MINUTES),
    )
    account_email(
        to_address=user.email,
        subject=gettext_lazy("Your link to sign in to the Co-production Hub"),
        template="emails/sign_in_link",
        context={
            "first_name": user.first_name,
            "minutes": settings.SIGN_IN_LINK_MINUTES,
        },
        dedupe_key=f"sign-in-link:{link.pk}",
        link=links.SIGN_IN,
        link_for=link,
    )
    return link


def sign_in_link_check(*, token: str) -> LinkCheck:
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
