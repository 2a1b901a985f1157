from django import forms
from django.utils.translation import gettext_lazy as _

from .reader_preferences import CHOICES


class ReaderPreferencesForm(forms.Form):
    """Renders the reader-preferences page; saving goes through
    ReaderPreferences.updated_from so a bad value can never fail."""

    text_size = forms.ChoiceField(
        label=_("Text size"), choices=CHOICES["text_size"], widget=forms.RadioSelect
    )
    contrast = forms.ChoiceField(
        label=_("Colours"), choices=CHOICES["contrast"], widget=forms.RadioSelect
    )
    font = forms.ChoiceField(
        label=_("Font"), choices=CHOICES["font"], widget=forms.RadioSelect
    )
    motion = forms.ChoiceField(
        label=_("Movement"), choices=CHOICES["motion"], widget=forms.RadioSelect
    )
