"""The account links, made when their email is sent (notifications/links.py
says why). Each maker spends nothing: it gives the link a fresh token, whose
hash alone is stored, so the link in the newest email is the one that works."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from members.models import User
from notifications.emails import absolute_url
from notifications.links import LinkNotNeeded, link_maker

from .models import Invitation, SignInLink
from .tokens import token_new

INVITATION = "invitation"
SIGN_IN = "sign-in"
PASSWORD_RESET = "password-reset"


@link_maker(INVITATION)
def invitation_link(object_id: str) -> dict:
    invitation = Invitation.objects.filter(pk=object_id).first()
    if invitation is None or invitation.accepted_at or invitation.withdrawn_at:
        raise LinkNotNeeded("The invitation was used or replaced before it was sent.")
    token, digest = token_new()
    Invitation.objects.filter(pk=invitation.pk).update(token_hash=digest)
    return {
        "accept_url": absolute_url(
            reverse("accounts:invitation", kwargs={"token": token})
        )
    }


@link_maker(SIGN_IN)
def sign_in_link(object_id: str) -> dict:
    """The link's 15 minutes start when it is sent, so one that waited out a
    mail outage still works when it arrives."""
    link = SignInLink.objects.filter(pk=object_id, used_at__isnull=True).first()
    if link is None or not link.user.is_active:
        raise LinkNotNeeded("The sign-in link was used before it was sent.")
    token, digest = token_new()
    SignInLink.objects.filter(pk=link.pk).update(
        token_hash=digest,
        expires_at=timezone.now() + timedelta(minutes=settings.SIGN_IN_LINK_MINUTES),
    )
    return {
        "sign_in_url": absolute_url(
            reverse("accounts:sign_in_link_use", kwargs={"token": token})
        )
    }


@link_maker(PASSWORD_RESET)
def password_reset_link(object_id: str) -> dict:
    """Django's reset token is made from the account's state, so it is made
    here, works for PASSWORD_RESET_TIMEOUT from sending, and stops working
    once the password changes."""
    user = User.objects.filter(pk=object_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        raise LinkNotNeeded("The account was closed before the email was sent.")
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return {"reset_url": absolute_url(path)}
