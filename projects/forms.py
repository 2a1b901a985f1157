"""The projects' forms. The rules (a name, who may be the contact, what an
update may hold) are the services'; these only shape the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from impact.models import Meeting
from opportunities.models import Opportunity

from .models import Project
from .selectors import project_contact_choices


class OpportunityChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_status_display().lower()})"


class MeetingChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}, {obj.date:%-d %B %Y}"


class ProjectForm(forms.ModelForm):
    opportunities = OpportunityChoices(
        label=_("Paid opportunities that are part of it"),
        queryset=Opportunity.objects.exclude(status=Opportunity.Status.DRAFT)
        .only("title", "status")
        .order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Members selected for one of these see the project on their dashboard."
        ),
    )
    meetings = MeetingChoices(
        label=_("Meetings about it"),
        queryset=Meeting.objects.only("title", "date").order_by("-date", "title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Members who led or went to one of these see the project on "
            "their dashboard. The project page shows only each meeting's title "
            "and date."
        ),
    )

    class Meta:
        model = Project
        fields = [
            "name",
            "workstream",
            "purpose",
            "contact",
            "opportunities",
            "meetings",
            "is_public",
        ]
        labels = {
            "name": _("Name"),
            "workstream": _("Workstream"),
            "purpose": _("What it is for"),
            "contact": _("Who to contact"),
            "is_public": _(
                "Show it on the public site, under “What we are working on”"
            ),
        }
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "purpose": _("In plain words: what the project is for and who it helps."),
            "contact": _(
                "Someone of staff, or the engagement lead. Members see "
                "their name, email address and phone number."
            ),
            "is_public": _(
                "The public page shows the name, workstream, what it is "
                "for and the updates (never who wrote them)."
            ),
        }
        error_messages = {
            "name": {"required": _("Give the project a name.")},
            "workstream": {"required": _("Choose the workstream it belongs to.")},
            "purpose": {"required": _("Say what the project is for.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = project_contact_choices()
        self.fields["contact"].empty_label = _("No one yet")


class UpdateForm(forms.Form):
    # No max_length: the service says how long it is, with the text kept.
    text = forms.CharField(
        label=_("The update"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text. Web addresses become links. Up to 5,000 "
            "characters. Everyone following the project is told."
        ),
        error_messages={"required": _("Write the update.")},
    )
