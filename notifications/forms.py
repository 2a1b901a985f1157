from django import forms

from .models import Delivery
from .services import CHOOSABLE_KINDS

HELP = {
    "opportunity": "When a new paid opportunity opens or closes soon.",
    "moderation": "When a story or resource you wrote is published or needs a change.",
    "payment": "When a payment claim is approved, queried or paid.",
    "plan": "Comments on your plan, and when its review is coming up.",
    "charter": "When there is a new version of the Charter to read.",
    "reminder": "Meetings, sessions and dates you asked to be reminded about.",
    "general": "News and updates for the whole group.",
    "channel": "New posts in topics you follow, and when someone mentions you.",
    "project": "Updates on projects you follow, or worked on.",
}


class PreferencesForm(forms.Form):
    """One question per kind of notification, each a set of radio buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in CHOOSABLE_KINDS:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                help_text=HELP.get(kind.value, ""),
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose how you would like to hear about "
                    f"{kind.label.lower()}.",
                    "invalid_choice": "That is not one of the choices. "
                    "Choose one of the options below.",
                },
            )


class CallBackDoneForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        help_text="For example: left a voicemail, or they asked to be called "
        "back on Friday.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
