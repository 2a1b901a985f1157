from django import forms
from django.utils import timezone

from .models import Assembly

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=DATE_INPUT,
        error_messages={
            "required": f"Enter the {label.lower()}.",
            "invalid": "Enter a real date, for example 27 3 2027.",
        },
        **kwargs,
    )


class LeavingForm(forms.Form):
    ended_on = date_field("Last day as a member", initial=timezone.localdate)

    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        if ended_on > timezone.localdate():
            raise forms.ValidationError(
                "The last day cannot be in the future. Record it on the day."
            )
        profile = getattr(self.person, "profile", None)
        if profile and ended_on < profile.joined_on:
            raise forms.ValidationError(
                f"The last day cannot be before they joined "
                f"({profile.joined_on:%-d %B %Y})."
            )
        return ended_on


class MoveAssemblyForm(forms.Form):
    assembly = forms.ModelChoiceField(
        label="New Assembly",
        queryset=Assembly.objects.all(),
        empty_label="Choose an Assembly",
        error_messages={"required": "Choose the Assembly they are moving to."},
    )
    started_on = date_field("First day in the new Assembly", initial=timezone.localdate)
