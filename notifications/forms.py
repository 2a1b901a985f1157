from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Delivery
from .services import CHOOSABLE_KINDS

HELP = {
    "opportunity": _("When a new paid opportunity opens or closes soon."),
    "moderation": _(
        "When a story or resource you wrote is published or needs a change."
    ),
    "payment": _("When a payment claim is approved, queried or paid."),
    "plan": _("Comments on your plan, and when its review is coming up."),
    "charter": _("When there is a new version of the Charter to read."),
    "reminder": _("Meetings, sessions and dates you asked to be reminded about."),
    "general": _("News and updates for the whole group."),
    "channel": _("New posts in topics you follow, and when someone mentions you."),
    "project": _("Updates on projects you follow, or worked on."),
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
                    "required": gettext(
                        "Choose how you would like to hear about %(kind)s."
                    )
                    % {"kind": kind.label.lower()},
                    "invalid_choice": _(
                        "That is not one of the choices. "
                        "Choose one of the options below."
                    ),
                },
            )


class CallBackDoneForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_(
            "For example: left a voicemail, or they asked to be called back on Friday."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
