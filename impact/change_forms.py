"""The form staff record what changed because of the group with."""

from django import forms

from .models import Change, Meeting, ReflectionFlow
from .selectors import opportunities_for_changes
from .services import CHANGE_FIELDS


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.title} ({meeting.date:%-d %B %Y})"


class ChangeForm(forms.ModelForm):
    class Meta:
        model = Change
        fields = list(CHANGE_FIELDS)
        widgets = {
            "what": forms.Textarea(attrs={"rows": 5}),
            "quote": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "meeting": "The meeting it came from",
            "opportunity": "The paid opportunity it came from",
            "reflection": "The reflection it answers",
            "may_publish": "It may be published",
        }
        help_texts = {
            "what": "What is different now because of the group: a leaflet "
            "rewritten, a process changed, a decision made.",
            "where": "For example: Recruitment team, or the carers' service.",
            "quote": "Someone's own words about it, if you have them.",
            "quote_by": "For example: the head of the recruitment team; or a "
            "member at the meeting.",
            "may_publish": "Tick only if whoever said it agreed: it may then "
            "appear in the annual report, and members of the group read it.",
        }
        field_classes = {"meeting": MeetingChoice}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["meeting"].queryset = Meeting.objects.order_by("-date")
        fields["meeting"].empty_label = "Not from a meeting"
        fields["opportunity"].queryset = opportunities_for_changes()
        fields["opportunity"].empty_label = "Not from a paid opportunity"
        fields["reflection"].queryset = ReflectionFlow.objects.order_by(
            "-year_raised", "title"
        )
        fields["reflection"].empty_label = "Not from a reflection"
        fields["what"].error_messages["required"] = "Write what changed."
        fields["where"].error_messages["required"] = (
            "Write where it changed: the team or the service."
        )
