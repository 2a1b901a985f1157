"""The Charter's pages in Welsh (issue 21): the words around the text (the
text's own Welsh version is tests/test_welsh_charter.py)."""

import pytest
from django.urls import reverse

from tests.welsh_readers import welsh_page

pytestmark = pytest.mark.django_db


def test_a_member_reading_in_welsh_sees_the_versions_page_in_welsh(client, demo_site):
    page = welsh_page(client, "member@example.org", reverse("charter:versions"))
    assert "<h1>Fersiynau o'r Siarter</h1>" in page
    assert "Yn ôl at y Siarter" in page
    assert "Versions of the Charter" not in page
