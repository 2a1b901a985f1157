from django import forms

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
            "title": "What would you like to do or learn? For example: chair a "
            "meeting.",
            "steps": "The steps that will get you there, one on each line.",
            "support_needed": "Training, a buddy, time, equipment: anything that "
            "would help.",
        }
        error_messages = {"title": {"required": "Write your goal in a few words."}}


class ReviewDateForm(forms.Form):
    review_on = date_field(
        "Next review",
        required=False,
        help_text="Optional. We remind you two weeks before.",
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Add a comment",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write your comment."},
    )


class ReviewForm(forms.Form):
    reviewed_on = date_field("Date of the review")
    notes = forms.CharField(
        label="Notes from the review",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    next_review_on = date_field("Next review", required=False)
