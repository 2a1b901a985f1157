"""The members' pages speak Welsh to a member who chose Welsh, and a
supporter notification is written in the language it is sent in."""

import pytest
from django.urls import reverse

from members.models import Support
from members.services import support_consent_ask
from notifications.models import Notification
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db


def test_a_welsh_speaking_member_reads_their_profile_in_welsh(client, demo_site):
    member = sign_in(client, "member@example.org")
    member.language = "cy"
    member.save(update_fields=["language"])
    page = client.get(reverse("members:profile")).content.decode()
    assert "<h1>Fy mhroffil</h1>" in page
    assert "Amdanoch chi" in page
    assert "Mewngofnodi dau gam" in page


def test_a_supporter_request_is_worded_in_the_supporter_s_language(demo_site):
    supporter = person("staff@example.org")
    supporter.language = "cy"
    supporter.save(update_fields=["language"])
    support = Support.objects.create(
        member=person("member@example.org"), supporter=supporter, name="Tom"
    )
    support_consent_ask(support=support)
    note = Notification.objects.get(dedupe_key=f"support-asked:{support.pk}")
    assert note.subject == (
        f"Mae {support.member} wedi gofyn i chi fod yn gefnogwr iddyn nhw"
    )
