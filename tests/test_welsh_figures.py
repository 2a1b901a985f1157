"""The group's figures page speaks Welsh to someone who chose Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_lead_reads_the_figures_in_welsh(client, demo_site):
    reads_welsh(sign_in(client, "lead@example.org"))
    page = client.get(reverse("figures:figures")).content.decode()
    assert "<h1>Ffigurau’r grŵp ar gyfer " in page
    assert ">Fesul ffrwd waith</caption>" in page
    assert "Ymgysylltiadau â thâl (un person, un cyfle)" in page
