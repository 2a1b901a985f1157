from django import forms

from .reader_preferences import CHOICES


class ReaderPreferencesForm(forms.Form):
    """Renders the reader-preferences page; saving goes through
    ReaderPreferences.updated_from so a bad value can never fail."""

    text_size = forms.ChoiceField(
        label="Text size", choices=CHOICES["text_size"], widget=forms.RadioSelect
    )
    contrast = forms.ChoiceField(
        label="Colours", choices=CHOICES["contrast"], widget=forms.RadioSelect
    )
    font = forms.ChoiceField(
        label="Font", choices=CHOICES["font"], widget=forms.RadioSelect
    )
    motion = forms.ChoiceField(
        label="Movement", choices=CHOICES["motion"], widget=forms.RadioSelect
    )
