"""The members' pages speak Welsh to a member who chose Welsh, and a
supporter notification is written in the language it is sent in."""

import pytest
from django.urls import reverse

from members.models import Support
from members.services import support_consent_ask
from notifications.models import Notification
from tests.people import person, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db


def test_a_welsh_speaking_member_reads_their_profile_in_welsh(client, demo_site):
    reads_welsh(sign_in(client, "member@example.org"))
    page = client.get(reverse("members:profile")).content.decode()
    assert "<h1>Fy mhroffil</h1>" in page
    assert "Amdanoch chi" in page
    assert "Mewngofnodi dau gam" in page


def test_a_supporter_request_is_worded_in_the_supporter_s_language(demo_site):
    supporter = reads_welsh(person("staff@example.org"))
    support = Support.objects.create(
        member=person("member@example.org"), supporter=supporter, name="Tom"
    )
    support_consent_ask(support=support)
    note = Notification.objects.get(dedupe_key=f"support-asked:{support.pk}")
    assert note.subject == (
        f"Mae {support.member} wedi gofyn i chi fod yn gefnogwr iddyn nhw"
    )
