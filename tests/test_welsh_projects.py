"""Issue 21: projects in Welsh, for a member who reads Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_projects_page_speaks_welsh_to_a_welsh_reader(client):
    reads_welsh(sign_in(client, "member@example.org"))
    page = client.get(reverse("projects:list")).content.decode()
    assert "Prosiectau" in page
    assert "What the wider team is working on" not in page
