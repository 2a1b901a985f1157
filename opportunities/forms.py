from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from members.forms import date_field, needs_privacy_for

from .models import EngagementRequest, Opportunity, Session, SignUp


class SignUpForm(forms.Form):
    note = forms.CharField(
        label=_("A note for the engagement lead"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional. For example: why this interests you, or dates you cannot make."
        ),
    )
    support_needs = forms.CharField(
        label=_("Your access and support needs for this opportunity"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Filled in from your profile; change it for this one if you "
            "need to. Private: only you and the engagement lead see it (and a "
            "supporter, while they act for you)."
        ),
    )
    declines_fee = forms.BooleanField(
        label=_("I would like to take part without being paid the fee"),
        required=False,
        help_text=_(
            "Some people choose this, for example because of how payments "
            "affect their benefits. You can still claim expenses."
        ),
    )

    def __init__(self, *args, acting_for=None, **kwargs):
        super().__init__(*args, **kwargs)
        if acting_for is not None:
            # A supporter fills this in: the words are about the member.
            name = acting_for.first_name or str(acting_for)
            needs = self.fields["support_needs"]
            needs.label = gettext(
                "%(name)s's access and support needs for this opportunity"
            ) % {"name": name}
            needs.help_text = gettext(
                "Filled in from %(name)s's profile; change it for this one if "
                "needed. %(privacy)s"
            ) % {"name": name, "privacy": needs_privacy_for(acting_for)}
            self.fields["note"].help_text = gettext(
                "Optional. For example: why this interests %(name)s, or dates "
                "%(name)s cannot make."
            ) % {"name": name}
            self.fields["declines_fee"].label = gettext(
                "%(name)s would like to take part without being paid the fee"
            ) % {"name": name}


class EngagementRequestForm(forms.ModelForm):
    starts_on = date_field(_("From"))
    ends_on = date_field(_("Until"))

    class Meta:
        model = EngagementRequest
        fields = [
            "title",
            "description",
            "workstream",
            "kind",
            "starts_on",
            "ends_on",
            "expected_hours",
            "budget",
            "accessibility_offered",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "kind": forms.RadioSelect,
            "accessibility_offered": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": _(
                "In a few plain words, for example: Review our new leaflet for carers."
            ),
            "description": _(
                "What you would like the group to do, why, and what "
                "will change because of it."
            ),
            "expected_hours": _("In hours, for example 2.5."),
            "budget": _("In pounds, for everyone's fees together."),
            "accessibility_offered": _(
                "For example: papers two weeks before, "
                "Easy Read, BSL, breaks, travel paid in advance."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and starts < timezone.localdate():
            self.add_error("starts_on", gettext("The start date is in the past."))
        if starts and ends and ends < starts:
            self.add_error("ends_on", gettext("The end date is before the start date."))
        return cleaned


class MessageForm(forms.Form):
    """One required message: the lead's question, a reason, an answer."""

    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, label, missing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].label = label
        self.fields["message"].error_messages["required"] = missing


class OpportunityForm(forms.ModelForm):
    closes_on = date_field(_("Closing date for sign-up"))
    # The fee is a promise once people can sign up: it is fixed after draft.
    FEE_FIELDS = ["fee_basis", "fee_rate", "hours_per_session"]

    class Meta:
        model = Opportunity
        fields = [
            "title",
            "summary",
            "kind",
            "workstream",
            "fee_basis",
            "fee_rate",
            "hours_per_session",
            "places",
            "closes_on",
            "mode",
            "location",
            "travel_policy",
            "skills",
            "selection",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "kind": forms.RadioSelect,
            "fee_basis": forms.RadioSelect,
            "mode": forms.RadioSelect,
            "travel_policy": forms.Textarea(attrs={"rows": 3}),
            "skills": forms.CheckboxSelectMultiple,
            "selection": forms.RadioSelect,
        }
        help_texts = {
            "summary": _(
                "Plain words: what people will do, who it helps, what "
                "they need to bring or read."
            ),
            "fee_rate": _("In pounds, for example 25.00."),
            "hours_per_session": _(
                "In hours, for example 2.5. Used for the total "
                "people see before they sign up."
            ),
            "places": _("How many people can take part."),
            "location": _("For in-person work: the address, and step-free access."),
            "travel_policy": _("What is paid in advance and what can be claimed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.status != Opportunity.Status.DRAFT:
            for name in self.FEE_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Fixed: people signed up knowing this fee."
                )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == Opportunity.Mode.IN_PERSON and not cleaned.get(
            "location"
        ):
            self.add_error("location", gettext("Enter where it takes place."))
        return cleaned


class SessionForm(forms.ModelForm):
    """A session as a date and two times, which every browser and screen
    reader handles, rather than a combined date-and-time box."""

    day = date_field(_("Date"))
    starts = forms.TimeField(
        label=_("Starts at"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time, for example 10:30.")},
    )
    ends = forms.TimeField(
        label=_("Ends at"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time, for example 12:30.")},
    )

    class Meta:
        model = Session
        fields = ["where"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            ends = timezone.localtime(self.instance.ends_at)
            self.initial.update(
                day=starts.date(), starts=starts.time(), ends=ends.time()
            )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", gettext("The end time is not after the start time."))
        return cleaned

    def save(self, commit=True):
        day = self.cleaned_data["day"]
        self.instance.starts_at = timezone.make_aware(
            datetime.combine(day, self.cleaned_data["starts"])
        )
        self.instance.ends_at = timezone.make_aware(
            datetime.combine(day, self.cleaned_data["ends"])
        )
        return super().save(commit)


SessionFormSet = forms.inlineformset_factory(
    Opportunity, Session, form=SessionForm, extra=2, can_delete=True
)


class SelectionForm(forms.Form):
    chosen = forms.ModelMultipleChoiceField(
        label=_("Who takes part"),
        queryset=SignUp.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.CharField(
        label=_("Why these people"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone who signed up is told this, chosen or not."),
        error_messages={"required": _("Write down why these people were chosen.")},
    )

    def __init__(self, *args, opportunity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].queryset = opportunity.sign_ups.filter(
            status__in=SignUp.ACTIVE
        ).select_related("member")
        self.fields["chosen"].label_from_instance = lambda entry: (
            f"{entry.member.get_full_name() or entry.member.email} "
            f"({entry.get_status_display().lower()})"
        )
