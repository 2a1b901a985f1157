"""The "were we heard?" form: the four questions, each a set of five radio
buttons with its plain words as the legend and its Easy Read words beside
them, and a comment. The member, their supporter and the lead (on a call)
all fill in the same one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import HeardAnswer
from .questions import QUESTIONS
from .services import HEARD_FIELDS

CHOOSE_ONE = _("Choose one of the five answers, or leave the question out.")


class HeardForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything else you want to tell us"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional. In Easy Read: is there anything else?"),
    )

    def __init__(self, *args, answer: HeardAnswer | None = None, **kwargs):
        if answer is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                name: getattr(answer, name) for name in (*HEARD_FIELDS, "comment")
            }
        super().__init__(*args, **kwargs)
        questions = {
            question.field: forms.TypedChoiceField(
                label=question.words,
                help_text=_("In Easy Read: %(words)s") % {"words": question.easy_read},
                choices=question.choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": CHOOSE_ONE},
            )
            for question in QUESTIONS
        }
        # The questions first, then the comment.
        self.fields = {**questions, "comment": self.fields["comment"]}

    def scores(self) -> dict[str, int | None]:
        return {name: self.cleaned_data.get(name) for name in HEARD_FIELDS}
