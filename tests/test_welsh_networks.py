"""Issue 21: the networks directory's screens in Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in

pytestmark = pytest.mark.django_db


def test_the_lead_s_networks_list_speaks_welsh_to_a_welsh_reader(client):
    lead = sign_in(client, "lead@example.org")
    lead.language = "cy"
    lead.save(update_fields=["language"])
    page = client.get(reverse("networks_manage:list")).content.decode()
    assert "Cyfeiriadur rhwydweithiau" in page
    assert "Yn aros am gymeradwyaeth" in page
