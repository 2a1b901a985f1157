from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CharterVersion


class AcceptForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read the Charter and I agree to it"),
        error_messages={
            "required": _(
                "Tick the box to say you have read the Charter and agree to it."
            )
        },
    )


class PublishForm(forms.ModelForm):
    class Meta:
        model = CharterVersion
        fields = [
            "body",
            "summary_of_changes",
            "easy_read",
            "body_cy",
            "summary_of_changes_cy",
            "easy_read_cy",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 20}),
            "summary_of_changes": forms.Textarea(attrs={"rows": 4}),
            "body_cy": forms.Textarea(attrs={"rows": 20, "lang": "cy"}),
            "summary_of_changes_cy": forms.Textarea(attrs={"rows": 4, "lang": "cy"}),
        }
        error_messages = {
            "body": {"required": _("Enter the text of the Charter.")},
            "summary_of_changes": {
                "required": _("Say what changed, so members know what to look for.")
            },
        }


class WelshForm(forms.ModelForm):
    """The Welsh of a version already published, added when it is ready."""

    class Meta:
        model = CharterVersion
        fields = ["body_cy", "summary_of_changes_cy", "easy_read_cy"]
        widgets = {
            **PublishForm.Meta.widgets,
            # Easy Read files are private: no "currently" link to a file
            # address that does not exist (a new file replaces the old).
            "easy_read_cy": forms.FileInput,
        }
        error_messages = {
            "body_cy": {"required": _("Enter the Welsh text of the Charter.")}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body_cy"].required = True
