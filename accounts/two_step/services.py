"""Writes for two-step sign-in: setting up an authenticator, checking codes,
recovery codes, turning it off and resetting someone else's."""

import logging
from dataclasses import dataclass
from datetime import datetime

import django_otp
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from members import roles
from members.models import User

from .selectors import is_known_secret, recovery_device, two_step_device, wait_until

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator app"


@dataclass(frozen=True)
class CodeCheck:
    """The device that accepted a code, or why none did."""

    device: object | None = None
    wait_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.device is not None


def two_step_pending(*, user: User) -> TOTPDevice:
    """The authenticator being set up: one per person, kept until confirmed,
    so reloading the page does not change a secret already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _verify(*, user: User, device, code: str) -> CodeCheck:
    if device is None or is_known_secret(device):
        return CodeCheck()
    if (until := wait_until(device)) is not None:
        return CodeCheck(wait_until=until)
    # django-otp locks the device row while checking, so one code cannot be
    # spent twice by two requests at once; a wrong code lengthens the wait.
    verified = django_otp.verify_token(user, device.persistent_id, code)
    return CodeCheck(device=verified)


@transaction.atomic
def two_step_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """The first code from a new authenticator proves it is set up: it
    replaces any earlier one, and fresh recovery codes are made. Returns the
    recovery codes (shown once), or None if the code was wrong."""
    if device.user_id != user.pk or device.confirmed:
        return None
    if not _verify(user=user, device=device, code=code).ok:
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_replace(user=user)


def two_step_check(*, user: User, code: str) -> CodeCheck:
    """A code from the person's authenticator app."""
    return _verify(user=user, device=two_step_device(user), code=code)


def recovery_code_check(*, user: User, code: str) -> CodeCheck:
    """A recovery code: each works once (django-otp deletes it when used)."""
    return _verify(user=user, device=recovery_device(user), code=code)


@transaction.atomic
def recovery_codes_replace(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(
        user=user, name="Recovery codes", confirmed=True
    )
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


@transaction.atomic
def two_step_turn_off(*, user: User) -> None:
    """Forget the authenticator and the recovery codes. Signed-in sessions
    that gave a code with them are no longer counted as verified."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def two_step_reset(*, user: User, by: User | None) -> None:
    """Someone lost their phone and their recovery codes: the lead or an
    administrator resets their two-step sign-in. If their role needs it, they
    set it up again the next time they sign in."""
    two_step_turn_off(user=user)
    logger.info(
        "Two-step sign-in reset for user %s by %s",
        user.pk,
        by.pk if by else "a management command",
    )


def may_reset(*, by: User, person: User) -> bool:
    """The lead and administrators may reset someone else's two-step sign-in;
    only an administrator may reset an administrator's."""
    if by.pk == person.pk or not by.is_active:
        return False
    if person.is_superuser:
        return by.is_superuser
    return roles.is_lead(by) or by.is_superuser
