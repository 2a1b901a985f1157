from django import forms


class SignUpForm(forms.Form):
    note = forms.CharField(
        label="A note for the engagement lead",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. For example: why this interests you, or dates you "
        "cannot make.",
    )
    support_needs = forms.CharField(
        label="Your access and support needs for this opportunity",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Filled in from your profile; change it for this one if you "
        "need to. Private: only you and the engagement lead see it.",
    )
    declines_fee = forms.BooleanField(
        label="I would like to take part without being paid the fee",
        required=False,
        help_text="Some people choose this, for example because of how payments "
        "affect their benefits. You can still claim expenses.",
    )
