"""Requests for another format in Welsh (issue 21): the lead's list."""

import pytest
from django.urls import reverse

from tests.welsh_readers import welsh_page

pytestmark = pytest.mark.django_db


def test_a_lead_reading_in_welsh_sees_the_requests_in_welsh(client, demo_site):
    page = welsh_page(client, "lead@example.org", reverse("format_requests:list"))
    assert "<h1>Ceisiadau am fformat arall</h1>" in page
    assert "Yn aros am ateb" in page
    assert "Waiting for an answer" not in page
