"""The two-step forms: one field each, labelled in plain words."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

NOT_A_CODE = _("The code is 6 numbers, like 123456. Type the numbers your app shows.")


class CodeForm(forms.Form):
    """A code from an authenticator app. The attributes let phones offer a
    number keypad and paste a code from a text message or password manager."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("6 numbers. Your app shows a new code every 30 seconds."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Enter the 6-number code from your app.")},
    )

    def clean_code(self):
        # People type spaces or a dash in the middle, as some apps show it.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(NOT_A_CODE)
        return code


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        help_text=_(
            "One of the codes you printed or wrote down when you set up "
            "two-step sign-in. Each code works once."
        ),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Enter one of your recovery codes.")},
    )

    def clean_recovery_code(self):
        # Shown in two groups of four ("abcd efgh"); typed any way.
        return re.sub(r"[\s-]", "", self.cleaned_data["recovery_code"]).lower()


class TurnOffForm(forms.Form):
    """Turning two-step off asks for the password again, so someone passing
    an unlocked computer cannot do it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password. Try again."))
        return password
