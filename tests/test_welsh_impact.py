"""The impact pages (meetings, reflections, "were we heard?", the annual
report) speak Welsh to a member who chose Welsh, and the "were we heard?"
questions are sent in the language the notification is written in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from impact.factories import MeetingFactory
from impact.services import heard_asks_send
from notifications.models import Notification
from tests.people import person, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_a_welsh_speaking_member_reads_were_we_heard_in_welsh(client):
    reads_welsh(sign_in(client, "member@example.org"))
    page = client.get(reverse("heard:list")).content.decode()
    assert "<h1>Gawson ni ein clywed?</h1>" in page
    assert "rydych chi’n cael pedwar cwestiwn byr" in page


def test_the_were_we_heard_questions_are_sent_in_welsh():
    member = reads_welsh(person("member@example.org"))
    meeting = MeetingFactory(
        title="Cyfarfod am basys bws",
        date=timezone.localdate() - timedelta(days=1),
        attendees=[member],
    )
    # Sent by the scheduled task, in English; each reader gets their own.
    heard_asks_send(today=timezone.localdate())
    note = Notification.objects.get(dedupe_key=f"heard-ask:meeting:{meeting.pk}")
    assert note.subject == "Gawsoch chi eich clywed? Cyfarfod am basys bws"
    assert "Oeddech chi’n teimlo bod eich llais wedi’i glywed?" in note.body
    assert "Dim o gwbl, Ychydig, Yn rhannol, Gan mwyaf, Yn llwyr." in note.body
