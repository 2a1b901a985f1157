"""The forms of the reflections log: a member proposes, staff of the team
answer (we heard, the outcome), the lead adds and edits a whole flow."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from members.forms import date_field
from opportunities.models import Workstream

from .models import Meeting, ReflectionFlow
from .services import FLOW_FIELDS

Status = ReflectionFlow.Status


class WorkstreamChoice(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Workstream.objects.order_by("name"),
            required=False,
            **kwargs,
        )


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.title} ({date_format(meeting.date, 'j F Y')})"


class ProposeForm(forms.Form):
    title = forms.CharField(
        label=_("In a few words"),
        max_length=200,
        help_text=_("For example: Papers arrive too late to read."),
        error_messages={"required": _("Write what it is about in a few words.")},
    )
    you_said = forms.CharField(
        label=_("What you would like the organisation to hear"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What happened, or what you noticed, and what you think should change."
        ),
        error_messages={"required": _("Write what you would like them to hear.")},
    )
    workstream = WorkstreamChoice(
        label=_("Which team it is about, if you know"),
        empty_label=_("I do not know, or it is about everyone"),
    )
    show_name = forms.BooleanField(
        label=_("Show my name with it"),
        required=False,
        help_text=_(
            "Otherwise it says “A member of the group”. The engagement "
            "lead always knows who raised it."
        ),
    )

    def __init__(self, *args, acting_for=None, **kwargs):
        super().__init__(*args, **kwargs)
        if acting_for is not None:
            name = acting_for.first_name or str(acting_for)
            self.fields["you_said"].label = _(
                "What %(name)s would like the organisation to hear"
            ) % {"name": name}
            self.fields["show_name"].label = _("Show %(name)s's name with it") % {
                "name": name
            }


class RespondForm(forms.Form):
    """What staff of the team heard, and what came of it."""

    we_heard = forms.CharField(
        label=_("We heard"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In your own words, what you understood the group to say."),
        error_messages={"required": _("Write what you heard.")},
    )
    we_heard_on = date_field(
        _("Date you heard it"),
        required=False,
        help_text=_("Leave as it is for today."),
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What came of it, once you know. You can add it later."),
    )
    outcome_on = date_field(
        _("Date of the outcome"),
        required=False,
        help_text=_("Leave empty for today."),
    )

    def __init__(self, *args, flow: ReflectionFlow, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "we_heard": flow.we_heard,
                "we_heard_on": flow.we_heard_on or timezone.localdate(),
                "outcome": flow.outcome,
                "outcome_on": flow.outcome_on,
            },
        )
        super().__init__(*args, **kwargs)


class FlowForm(forms.ModelForm):
    """The lead's whole flow, but for the stages staff answer. Status and
    "we propose" are handed to the service, which dates, signs and records
    them, so they are not set on the flow by the form."""

    you_said_on = date_field(_("Said on"))
    we_propose = forms.CharField(
        label=_("We propose"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the group proposes should happen."),
    )
    we_propose_on = date_field(
        _("Date of the proposal"), required=False, help_text=_("Leave empty for today.")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Status.choices, widget=forms.RadioSelect
    )
    status_reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed when it is not possible, or when it goes back a "
            "stage. Everyone who reads the log sees it."
        ),
    )

    class Meta:
        model = ReflectionFlow
        fields = list(FLOW_FIELDS)
        widgets = {"you_said": forms.Textarea(attrs={"rows": 5})}
        labels = {
            "you_said_by": _("Said by"),
            "workstream": _("The team it concerns"),
        }
        help_texts = {
            "title": _("A few words to find it by."),
            "year_raised": _("Counted as new in this year, and carried over after."),
            "you_said_by": _(
                "Who said it, by name or role, for example: Members at meeting 2."
            ),
            "workstream": _("Staff of this team add “we heard” and the outcome."),
        }
        field_classes = {"meeting": MeetingChoice}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        flow = self.instance
        self.fields["meeting"].queryset = Meeting.objects.order_by("-date")
        self.fields["meeting"].empty_label = _("Not from a meeting")
        self.fields["workstream"].empty_label = _("Not one team")
        self.fields["year_raised"].error_messages["required"] = _(
            "Enter the year it was raised, for example 2023."
        )
        self.fields["title"].error_messages["required"] = _("Enter a title.")
        self.fields["you_said"].error_messages["required"] = _("Write what was said.")
        if not self.is_bound:
            self.initial.update(
                we_propose=flow.we_propose,
                we_propose_on=flow.we_propose_on,
                status=flow.status,
                status_reason=flow.status_reason,
            )
            if flow.pk is None:
                today = timezone.localdate()
                self.initial.update(year_raised=today.year, you_said_on=today)

    def clean_year_raised(self):
        year = self.cleaned_data["year_raised"]
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("The year cannot be in the future."))
        return year
