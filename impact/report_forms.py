"""The form the lead writes the annual report's own words with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReportYear
from .services import REPORT_YEAR_FIELDS


class ReportYearForm(forms.ModelForm):
    class Meta:
        model = ReportYear
        fields = list(REPORT_YEAR_FIELDS)
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 8}),
            "priorities_next_year": forms.Textarea(attrs={"rows": 10}),
            "easy_read_summary": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "introduction": _(
                "Opens the report. Leave a blank line between "
                "paragraphs. Do not type the year's figures: the report works them "
                "out from the records."
            ),
            "priorities_next_year": _(
                "What the group wants to work on next year. "
                "Leave a blank line between paragraphs."
            ),
            "easy_read_summary": _(
                "Short sentences, one idea each. It is shown "
                "as a page of its own beside the report."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["introduction"].required = True
        self.fields["introduction"].error_messages["required"] = _(
            "Write a few words to open the report: what the year was about."
        )
