from django import forms

from .models import CharterVersion


class AcceptForm(forms.Form):
    agree = forms.BooleanField(
        label="I have read the Charter and I agree to it",
        error_messages={
            "required": "Tick the box to say you have read the Charter and agree to it."
        },
    )


class PublishForm(forms.ModelForm):
    class Meta:
        model = CharterVersion
        fields = ["body", "summary_of_changes", "easy_read"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 20}),
            "summary_of_changes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "body": {"required": "Enter the text of the Charter."},
            "summary_of_changes": {
                "required": "Say what changed, so members know what to look for."
            },
        }
