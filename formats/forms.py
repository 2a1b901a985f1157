from django import forms
from django.utils.http import url_has_allowed_host_and_scheme

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
            "format": "Which format would help?",
            "details": "Anything else we should know",
            "name": "Your name",
            "reply_to": "How can we reach you?",
        }
        help_texts = {
            "details": "Optional. For example: which part of the page, or a "
            "good time to call.",
            "reply_to": "An email address or a phone number.",
        }
        widgets = {
            "page_path": forms.HiddenInput,
            "format": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 4}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        error_messages = {
            "format": {"required": "Choose a format."},
            "name": {"required": "Enter your name."},
            "reply_to": {"required": "Enter an email address or a phone number."},
        }

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_page_path(self):
        return local_path(self.cleaned_data["page_path"], request=self.request)
