from django import forms
from django.utils.translation import gettext_lazy as _

from members.forms import date_field

from .models import Goal


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "steps", "support_needed", "status"]
        widgets = {
            "steps": forms.Textarea(attrs={"rows": 5}),
            "support_needed": forms.Textarea(attrs={"rows": 4}),
            "status": forms.RadioSelect,
        }
        help_texts = {
            "title": _(
                "What would you like to do or learn? For example: chair a meeting."
            ),
            "steps": _("The steps that will get you there, one on each line."),
            "support_needed": _(
                "Training, a buddy, time, equipment: anything that would help."
            ),
        }
        error_messages = {"title": {"required": _("Write your goal in a few words.")}}


class ReviewDateForm(forms.Form):
    review_on = date_field(
        _("Next review"),
        required=False,
        help_text=_("Optional. We remind you two weeks before."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Add a comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment.")},
    )


class ReviewForm(forms.Form):
    reviewed_on = date_field(_("Date of the review"))
    notes = forms.CharField(
        label=_("Notes from the review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    next_review_on = date_field(_("Next review"), required=False)
