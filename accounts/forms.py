import uuid

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from members.forms import email_field
from members.models import User
from notifications.models import OutboxEmail
from notifications.services import account_email

from . import links
from .models import Invitation

PASSWORD_HELP = _(
    "At least 8 characters. Not a common password, not only numbers, and not "
    "like your name or email address. A few words you will remember work well."
)


def new_password_fields():
    """Two fields a password manager recognises as a new password."""
    first = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=PASSWORD_HELP,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a password.")},
    )
    second = forms.CharField(
        label=_("New password again"),
        strip=False,
        help_text=_("Type the same password, to check it."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Type the password again.")},
    )
    return first, second


class SignInForm(AuthenticationForm):
    """Email and password, labelled for people and for password managers."""

    username = email_field()
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "We could not sign you in with that email address and password. "
            "Check them and try again."
        ),
        "inactive": _("This account has been closed. Contact the engagement lead."),
    }


class SignInLinkForm(forms.Form):
    email = email_field()


class PasswordResetRequestForm(PasswordResetForm):
    """Django's reset, sent through our outbox so it is retried like every
    other email and never lost to a mail server that is down. The link is
    made when the email is sent (accounts/links.py), never stored, and one
    email waiting is enough: asking again adds none."""

    email = email_field()

    def save(self, request=None, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            waiting = OutboxEmail.objects.filter(
                account_link=links.PASSWORD_RESET,
                account_link_for=str(user.pk),
                state__in=[OutboxEmail.State.PENDING, OutboxEmail.State.SENDING],
            )
            if waiting.exists():
                continue
            account_email(
                to_address=user.email,
                subject=_("Choose a new password for the Co-production Hub"),
                template="emails/password_reset",
                language=user.language,
                context={"first_name": user.first_name},
                dedupe_key=f"password-reset:{user.pk}:{uuid.uuid4()}",
                link=links.PASSWORD_RESET,
                link_for=user,
            )


class NewPasswordForm(SetPasswordForm):
    new_password1, new_password2 = new_password_fields()
    error_messages = {
        "password_mismatch": _("The two passwords are different. Type them again.")
    }


class InvitationAcceptForm(forms.Form):
    """Name and password for a new account; the email comes from the
    invitation and is shown, not typed."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        help_text=_("Optional."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    new_password1, new_password2 = new_password_fields()

    def __init__(self, *args, invitation: Invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error(
                "new_password2", _("The two passwords are different. Type them again.")
            )
        elif first:
            # Checked against the name and email they will have.
            person = User(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned
