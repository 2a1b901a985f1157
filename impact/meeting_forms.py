"""The meetings log's form: the meeting, and its outcomes as lines (a few
empty ones, and "Add another outcome" without JavaScript). Saving goes
through impact.services.meeting_save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.forms import date_field
from opportunities.models import Opportunity, Workstream

from .models import Meeting
from .selectors import meeting_member_choices
from .services import MeetingInput, OutcomeInput


def _person_label(user) -> str:
    name = user.get_full_name() or user.email
    profile = getattr(user, "profile", None)
    assembly = getattr(profile, "assembly", None) if profile else None
    return f"{name} ({assembly.name})" if assembly else name


class MeetingForm(forms.ModelForm):
    date = date_field(_("Date"))

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "date",
            "title",
            "led_by",
            "led_with",
            "attendees",
            "guests",
            "question",
            "covered",
            "do_differently",
            "workstreams",
            "opportunities",
            "is_public",
        ]
        labels = {
            "kind": _("Kind of meeting"),
            "title": _("Title"),
            "led_by": _("Members who led it (co-designed or co-delivered it)"),
            "led_with": _("Led with (guests, by name or role)"),
            "attendees": _("Members who were there"),
            "guests": _("Guests who were there (by name or role)"),
            "question": _("The question put to the group"),
            "covered": _("What was covered"),
            "do_differently": _("What we could do differently"),
            "workstreams": _("Workstreams it was about"),
            "opportunities": _("Paid opportunities it was about"),
            "is_public": _("Show it on the public site, under “What we did”"),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "led_by": forms.CheckboxSelectMultiple,
            "attendees": forms.CheckboxSelectMultiple,
            "guests": forms.Textarea(attrs={"rows": 2}),
            "question": forms.Textarea(attrs={"rows": 3}),
            "covered": forms.Textarea(attrs={"rows": 5}),
            "do_differently": forms.Textarea(attrs={"rows": 3}),
            "workstreams": forms.CheckboxSelectMultiple,
            "opportunities": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _("For example: Meeting 2, understanding evidence."),
            "led_with": _(
                "For example: the head of research, or a guest speaker's name."
            ),
            "guests": _("Names or roles, separated by commas."),
            "covered": _("What was talked about and who contributed."),
            "is_public": _(
                "The public page shows the title, date, question, what "
                "was covered, the outcomes and what we could do differently; never "
                "who was there or whom an outcome came from."
            ),
        }
        error_messages = {
            "title": {"required": _("Give the meeting a title.")},
            "kind": {"required": _("Choose what kind of meeting it was.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].error_messages["required"] = _(
            "Enter the date of the meeting."
        )
        people = meeting_member_choices(meeting=self.instance)
        for name in ("led_by", "attendees"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = _person_label
        self.fields["workstreams"].queryset = Workstream.objects.order_by("name")
        self.fields["opportunities"].queryset = Opportunity.objects.exclude(
            status=Opportunity.Status.DRAFT
        ).order_by("-closes_on", "title")
        self.fields["kind"].choices = Meeting.Kind.choices

    def details(self, outcomes: list[OutcomeInput]) -> MeetingInput:
        data = self.cleaned_data
        return MeetingInput(
            kind=data["kind"],
            date=data["date"],
            title=data["title"],
            led_by=data["led_by"],
            led_with=data["led_with"],
            attendees=data["attendees"],
            guests=data["guests"],
            question=data["question"],
            covered=data["covered"],
            do_differently=data["do_differently"],
            outcomes=outcomes,
            workstreams=data["workstreams"],
            opportunities=data["opportunities"],
            is_public=data["is_public"],
        )


class OutcomeForm(forms.Form):
    text = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "What came of the meeting. Leave it empty if there is no "
            "more to add; empty it to take an outcome away."
        ),
    )
    from_whom = forms.CharField(
        label=_("It came from"),
        required=False,
        max_length=300,
        help_text=_("Whom or where it came from: a member, a guest, the group."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_whom", "").strip() and not cleaned.get("text", "").strip():
            self.add_error(
                "text", _("Write the outcome, or empty whom it came from as well.")
            )
        return cleaned


MOST_OUTCOMES = 30
OUTCOMES = "outcomes"


class BaseOutcomeFormSet(forms.BaseFormSet):
    def outcomes(self) -> list[OutcomeInput]:
        return [
            OutcomeInput(text=cleaned["text"], from_whom=cleaned["from_whom"])
            for cleaned in (form.cleaned_data for form in self.forms)
            if cleaned and cleaned.get("text", "").strip()
        ]


def outcome_formset_class(*, extra: int):
    return forms.formset_factory(
        OutcomeForm,
        formset=BaseOutcomeFormSet,
        extra=extra,
        max_num=MOST_OUTCOMES,
        validate_max=True,
    )


def outcome_initial(meeting: Meeting) -> list[dict]:
    return [
        {"text": outcome.text, "from_whom": outcome.from_whom}
        for outcome in meeting.outcomes.all()
    ]
