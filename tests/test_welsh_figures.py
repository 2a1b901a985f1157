"""The group's figures page speaks Welsh to someone who chose Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in

pytestmark = pytest.mark.django_db


def test_the_lead_reads_the_figures_in_welsh(client, demo_site):
    lead = sign_in(client, "lead@example.org")
    lead.language = "cy"
    lead.save(update_fields=["language"])
    page = client.get(reverse("figures:figures")).content.decode()
    assert "<h1>Ffigurau’r grŵp ar gyfer " in page
    assert ">Fesul ffrwd waith</caption>" in page
    assert "Ymgysylltiadau â thâl (un person, un cyfle)" in page
