"""Issue 21: the notification settings page in Welsh, for a member who
reads Welsh (notifications and emails in each reader's language:
test_welsh_notifications.py)."""

import pytest
from django.urls import reverse

from tests.people import sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_the_notification_settings_speak_welsh_to_a_welsh_reader(client):
    reads_welsh(sign_in(client, "member@example.org"))
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Sut rydych chi’n clywed gennym ni" in page
    assert "Pynciau rydych chi’n eu dilyn yn y sianel" in page
    assert "Cadw fy newisiadau" in page
