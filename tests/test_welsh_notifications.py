"""Issue 21: notification settings in Welsh, and a digest's subject worded
in the language it is read in."""

import pytest
from django.urls import reverse
from django.utils import translation

from notifications.digests import digest_subject
from notifications.models import Delivery
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards(settings):
    """A Welsh request leaves Welsh active in this thread: later tests read
    English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_the_notification_settings_speak_welsh_to_a_welsh_reader(client):
    member = sign_in(client, "member@example.org")
    member.language = "cy"
    member.save(update_fields=["language"])
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Sut rydych chi’n clywed gennym ni" in page
    assert "Pynciau rydych chi’n eu dilyn yn y sianel" in page
    assert "Cadw fy newisiadau" in page


def test_a_digest_subject_is_in_the_reader_s_language():
    subject = digest_subject(Delivery.WEEKLY, 3)
    with translation.override("en-gb"):
        assert str(subject) == "Your week's updates from Co-production Hub: 3 updates"
    with translation.override("cy"):
        assert str(subject) == (
            "Diweddariadau’r wythnos gan yr Hwb Cydgynhyrchu: 3 diweddariad"
        )
