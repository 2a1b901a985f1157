"""The form staff record what changed because of the group with."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import Change, Meeting, ReflectionFlow
from .selectors import opportunities_for_changes
from .services import CHANGE_FIELDS


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{meeting.title} ({date_format(meeting.date, 'j F Y')})"


class ChangeForm(forms.ModelForm):
    class Meta:
        model = Change
        fields = list(CHANGE_FIELDS)
        widgets = {
            "what": forms.Textarea(attrs={"rows": 5}),
            "quote": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "meeting": _("The meeting it came from"),
            "opportunity": _("The paid opportunity it came from"),
            "reflection": _("The reflection it answers"),
            "may_publish": _("It may be published"),
        }
        help_texts = {
            "what": _(
                "What is different now because of the group: a leaflet "
                "rewritten, a process changed, a decision made."
            ),
            "where": _("For example: Recruitment team, or the carers' service."),
            "quote": _("Someone's own words about it, if you have them."),
            "quote_by": _(
                "For example: the head of the recruitment team; or a "
                "member at the meeting."
            ),
            "may_publish": _(
                "Tick only if whoever said it agreed: it may then "
                "appear in the annual report, and members of the group read it."
            ),
        }
        field_classes = {"meeting": MeetingChoice}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["meeting"].queryset = Meeting.objects.order_by("-date")
        fields["meeting"].empty_label = _("Not from a meeting")
        fields["opportunity"].queryset = opportunities_for_changes()
        fields["opportunity"].empty_label = _("Not from a paid opportunity")
        fields["reflection"].queryset = ReflectionFlow.objects.order_by(
            "-year_raised", "title"
        )
        fields["reflection"].empty_label = _("Not from a reflection")
        fields["what"].error_messages["required"] = _("Write what changed.")
        fields["where"].error_messages["required"] = _(
            "Write where it changed: the team or the service."
        )
