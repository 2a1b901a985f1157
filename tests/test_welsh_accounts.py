"""The ways in speak Welsh when Welsh is the language: a page, a form's
words, and an email subject that is lazy until it is stored."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from accounts.forms import SignInForm
from accounts.services import sign_in_link_send
from notifications.models import OutboxEmail
from tests.people import person
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_in_welsh(demo_site):
    request = RequestFactory().get("/accounts/login/")
    request.user = AnonymousUser()
    with translation.override("cy"):
        html = render_to_string(
            "accounts/sign_in.html", {"form": SignInForm()}, request=request
        )
    assert "Mewngofnodwch i ardal yr aelodau" in html
    assert "Rydw i wedi anghofio fy nghyfrinair" in html
    assert "Cyfrinair" in html


def test_the_lockout_page_counts_minutes_in_welsh():
    with translation.override("cy"):
        html = render_to_string(
            "accounts/locked_out.html",
            {"until": timezone.now(), "minutes": 3, "sign_in_link_url": "/x/"},
        )
    assert "ymhen tua 3 munud" in html


def test_a_sign_in_link_email_subject_is_welsh_when_sent_in_welsh(demo_site):
    # In the account's own language, whatever the language of the request.
    reads_welsh(person("member@example.org"))
    sign_in_link_send(email="member@example.org")
    email = OutboxEmail.objects.get(
        to_address="member@example.org", template="emails/sign_in_link"
    )
    assert email.subject == "Eich dolen i fewngofnodi i'r Hwb Cydgynhyrchu"
