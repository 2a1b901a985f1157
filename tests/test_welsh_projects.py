"""Issue 21: projects in Welsh, for a member who reads Welsh."""

import pytest
from django.urls import reverse

from tests.people import sign_in

pytestmark = pytest.mark.django_db


def test_the_projects_page_speaks_welsh_to_a_welsh_reader(client):
    member = sign_in(client, "member@example.org")
    member.language = "cy"
    member.save(update_fields=["language"])
    page = client.get(reverse("projects:list")).content.decode()
    assert "Prosiectau" in page
    assert "What the wider team is working on" not in page
