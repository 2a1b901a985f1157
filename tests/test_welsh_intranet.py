"""The members' dashboard in the member's own language, Welsh (issue 21)."""

import pytest

from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_dashboard_and_its_menu_are_in_welsh(client, demo_site):
    reads_welsh(sign_in(client, "member@example.org"))
    html = client.get("/members/").content.decode()
    assert "Eich dangosfwrdd" in html  # title
    assert "Gweld eich holl hysbysiadau" in html
    assert ">Dangosfwrdd</a>" in html  # the members' area menu
    assert 'aria-label="Ardal yr aelodau"' in html
