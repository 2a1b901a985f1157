"""Reads about a person's two-step sign-in."""

from base64 import b32decode, b32encode
from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from members import roles

from . import DEMO_TOTP_SECRET

DEMO_TOTP_KEY = b32decode(DEMO_TOTP_SECRET).hex()


def two_step_device(user) -> TOTPDevice | None:
    """The person's confirmed authenticator, if they have set one up."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


TWO_STEP_ON = "two_step_on"


def with_two_step(*, users: QuerySet) -> QuerySet:
    """Users with whether they use two-step sign-in, read in the same query:
    the user each request loads comes this way, for TwoStepMiddleware."""
    devices = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return users.annotate(**{TWO_STEP_ON: Exists(devices)})


def two_step_is_on(user) -> bool:
    return two_step_device(user) is not None


def two_step_was_on(user) -> bool:
    """Whether the person used two-step sign-in when this request began
    (read with the user, if it was loaded that way): what the middleware
    asks before every page."""
    if hasattr(user, TWO_STEP_ON):
        return getattr(user, TWO_STEP_ON)
    return two_step_is_on(user)


def two_step_required(user) -> bool:
    """Asked of every request a signed-in person makes before they give their
    code: they must (their role), or they chose to (a confirmed device)."""
    return roles.must_use_two_step(user) or two_step_is_on(user)


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed: base32, in
    groups of four so it can be read aloud and checked."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def is_known_secret(device) -> bool:
    """A device carrying the demo's published secret, where demo content is
    not allowed (production)."""
    return (
        not settings.DEMO_CONTENT_ALLOWED
        and isinstance(device, TOTPDevice)
        and device.key.lower() == DEMO_TOTP_KEY
    )


def wait_until(device) -> datetime | None:
    """When django-otp's throttle lets this device try a code again, or None
    if it may try now."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    return (details or {}).get("locked_until")
