from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NETWORK_NATIONS, Network, Topic

LABELS = {
    "name": _("Name of the network"),
    "who_for": _("Who it is for"),
    "how_to_join": _("How to join"),
    "accessibility": _("How accessible are their meetings?"),
    "link": _("Their website"),
}
HELP = {
    "who_for": _(
        "Optional. For example: people with experience of mental "
        "health services in rural Wales, or carers from Black and minority "
        "ethnic communities."
    ),
    "how_to_join": _(
        "Optional. For example: email their coordinator, or just come to a meeting."
    ),
    "accessibility": _(
        "Optional. For example: step-free venue, BSL "
        "interpreters, online with captions, travel paid."
    ),
    "link": _("Optional. A web address starting https:// or http://"),
}
WIDGETS = {
    "who_for": forms.Textarea(attrs={"rows": 3}),
    "how_to_join": forms.Textarea(attrs={"rows": 3}),
    "accessibility": forms.Textarea(attrs={"rows": 3}),
    "link": forms.URLInput(attrs={"autocomplete": "url"}),
}


class NetworkFieldsMixin(forms.ModelForm):
    nations = forms.MultipleChoiceField(
        label=_("Which nations does it cover?"),
        help_text=_("Tick every one that applies."),
        choices=NETWORK_NATIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one nation.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        help_text=_("Optional. Tick any that fit."),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_link(self):
        return self.cleaned_data["link"].strip()


class NetworkSuggestForm(NetworkFieldsMixin):
    class Meta:
        model = Network
        fields = [
            "name",
            "nations",
            "topics",
            "who_for",
            "how_to_join",
            "accessibility",
            "link",
            "suggested_by_name",
            "suggested_by_email",
        ]
        labels = {**LABELS}
        help_texts = {
            **HELP,
            "suggested_by_name": _("Optional, so the engagement lead can thank you."),
            "suggested_by_email": _(
                "Optional: only if you are happy for us to "
                "ask you about it. Never shown on the site."
            ),
        }
        widgets = {
            **WIDGETS,
            "suggested_by_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "suggested_by_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {"name": {"required": _("Enter the network's name.")}}


class NetworkEditForm(NetworkFieldsMixin):
    class Meta:
        model = Network
        fields = [
            "status",
            "name",
            "nations",
            "topics",
            "who_for",
            "how_to_join",
            "accessibility",
            "link",
            "last_checked",
        ]
        labels = {**LABELS, "status": _("Show it?")}
        help_texts = {
            **HELP,
            "last_checked": _(
                "The day you last looked that its details are "
                "right. You are reminded a year later."
            ),
        }
        widgets = {
            **WIDGETS,
            "status": forms.RadioSelect,
            "last_checked": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {"name": {"required": _("Enter the network's name.")}}


class NetworkFilterForm(forms.Form):
    nation = forms.ChoiceField(
        label=_("Nation"),
        choices=[("", _("All nations")), *NETWORK_NATIONS],
        required=False,
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("All topics")), *Topic.choices],
        required=False,
    )
