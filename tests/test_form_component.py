"""components/form.html: one form, its error summary, fields and button."""

from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory


class _Form(forms.Form):
    name = forms.CharField(label="Your name", help_text="As you like to be called.")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


class _FileForm(forms.Form):
    receipt = forms.FileField(label="Receipt")


def _render(**context):
    request = RequestFactory().get("/")
    return render_to_string("components/form.html", context, request=request)


def test_an_unsent_form_has_its_fields_and_button_and_no_summary():
    html = _render(form=_Form(), button="Save", action="/save/")
    assert '<form method="post" action="/save/" class="form" novalidate>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label class="field__label" for="id_name">Your name</label>' in html
    assert 'id="id_name_helptext">As you like to be called.</p>' in html
    assert '<input type="hidden" name="secret" id="id_secret">' in html
    assert '<button type="submit" class="button">Save</button>' in html
    assert "error-summary" not in html
    assert "enctype" not in html


def test_a_sent_form_with_errors_leads_with_a_summary_linking_to_each_field():
    form = _Form(data={})
    html = _render(form=form, button="Save")
    assert html.index('class="error-summary" role="alert"') < html.index("<form")
    assert '<a href="#id_name">Your name: This field is required.</a>' in html
    assert 'id="id_name_error"' in html
    assert '<form method="post" class="form" novalidate>' in html


def test_the_optional_parts():
    html = _render(
        form=_FileForm(),
        button="Send",
        button_class="button--danger",
        form_class="no-print",
        next_value="/members/",
        hidden_inputs=[("to", "closed")],
        username="ana@example.com",
        link_url="/back/",
        link_text="Go back",
    )
    assert 'enctype="multipart/form-data" class="form no-print" novalidate>' in html
    assert '<input type="hidden" name="next" value="/members/">' in html
    assert '<input type="hidden" name="to" value="closed">' in html
    assert (
        'name="username" value="ana@example.com" autocomplete="username" hidden>'
        in html
    )
    assert '<button type="submit" class="button button--danger">Send</button>' in html
    assert html.rstrip().endswith('<p><a href="/back/">Go back</a></p>')


def test_no_next_no_link_when_there_is_none():
    html = _render(form=_Form(), button="Save", next_value="", link_url="")
    assert 'name="next"' not in html
    assert "<p><a" not in html
