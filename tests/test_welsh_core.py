"""Reader settings in Welsh (issue 21)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_reader_settings_page_is_in_welsh_under_cy(client, demo_site):
    html = client.get("/cy/reader-settings/").content.decode()
    assert "<h1>Gosodiadau darllen</h1>" in html
    assert "Maint y testun" in html  # a form label
    assert "Cyferbyniad uchel (melyn ar ddu)" in html  # a choice
    assert "Cadw fy ngosodiadau darllen" in html  # the button
