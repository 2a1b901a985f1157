from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .models import FormatRequest


def local_path(value: str | None, *, request) -> str:
    """A path on this site, never a link elsewhere (or a javascript: one);
    anything else becomes the home page. Browsers read a backslash as a
    slash, so "/\\elsewhere.example" would leave the site: refused too."""
    if (
        not value
        or "\\" in value
        or not value.startswith("/")
        or value.startswith("//")
        or not url_has_allowed_host_and_scheme(
            value,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        )
    ):
        return "/"
    return value[:500]


class FormatRequestForm(forms.ModelForm):
    class Meta:
        model = FormatRequest
        fields = ["page_path", "format", "details", "name", "reply_to"]
        labels = {
            "format": _("Which format would help?"),
            "details": _("Anything else we should know"),
            "name": _("Your name"),
            "reply_to": _("How can we reach you?"),
        }
        help_texts = {
            "details": _(
                "Optional. For example: which part of the page, or a good time to call."
            ),
            "reply_to": _("An email address or a phone number."),
        }
        widgets = {
            "page_path": forms.HiddenInput,
            "format": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 4}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        error_messages = {
            "format": {"required": _("Choose a format.")},
            "name": {"required": _("Enter your name.")},
            "reply_to": {"required": _("Enter an email address or a phone number.")},
        }

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_page_path(self):
        return local_path(self.cleaned_data["page_path"], request=self.request)
