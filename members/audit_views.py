"""The lead's page of who looked at someone else's private information
(members/audit.py)."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.listing import page_get

from .access import lead_required
from .audit import private_read_entries, private_read_owners, private_reads

PAGE_SIZE = 25


class PrivacyLogFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Whose information"),
        queryset=None,
        required=False,
        empty_label=_("Everyone"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = private_read_owners()


@lead_required
def privacy_log(request):
    form = PrivacyLogFilterForm(request.GET or None)
    # A person not in the list is said so beside the field; everyone is shown.
    owner = form.cleaned_data["person"] if form.is_valid() else None
    notices = []
    page = page_get(
        items=private_reads(owner=owner),
        params=request.GET,
        per_page=PAGE_SIZE,
        notices=notices,
    )
    return render(
        request,
        "members/privacy_log.html",
        {
            "form": form,
            "owner": owner,
            "page": page,
            "entries": private_read_entries(page.object_list),
            "notices": notices,
        },
    )
