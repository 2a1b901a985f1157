"""System checks for accounts. accounts.E001: the demo's published
authenticator secret must never reach a site without demo content (a copied
development database, or demo accounts loaded by mistake)."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError


@register(Tags.security, Tags.database)
def demo_totp_secret_check(app_configs=None, databases=None, **kwargs):
    """Runs with `migrate` and `check --database default` (checks that read
    the database only run when asked for one)."""
    if settings.DEMO_CONTENT_ALLOWED or not databases:
        return []
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .two_step.selectors import DEMO_TOTP_KEY

    errors = []
    for alias in databases:
        try:
            found = list(
                TOTPDevice.objects.using(alias)
                .filter(key__iexact=DEMO_TOTP_KEY)
                .values_list("user__email", flat=True)
            )
        except DatabaseError:
            # Before the first migration there is nothing to check.
            continue
        if found:
            errors.append(
                Error(
                    "Two-step sign-in uses the demo's published secret for: "
                    + ", ".join(found),
                    hint="Anyone can compute these codes. Reset their two-step "
                    "sign-in (manage.py two_step_reset EMAIL) and remove demo "
                    "accounts from this database.",
                    id="accounts.E001",
                )
            )
    return errors
