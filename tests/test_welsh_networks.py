"""Issue 21: the networks directory's screens in Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_lead_s_networks_list_speaks_welsh_to_a_welsh_reader(client):
    reads_welsh(sign_in(client, "lead@example.org"))
    page = client.get(reverse("networks_manage:list")).content.decode()
    assert "Cyfeiriadur rhwydweithiau" in page
    assert "Yn aros am gymeradwyaeth" in page
