"""Paid opportunities in Welsh (issue 21): the pages, and a notification
read in the recipient's language."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from opportunities.factories import OpportunityFactory, SignUpFactory
from opportunities.models import Opportunity
from opportunities.services import opportunity_move
from tests.welsh_readers import reads_welsh, welsh_page

pytestmark = pytest.mark.django_db


def test_a_member_reading_in_welsh_sees_an_opportunity_in_welsh(client, demo_site):
    opportunity = OpportunityFactory()
    page = welsh_page(
        client,
        "member@example.org",
        reverse("opportunities:detail", args=[opportunity.pk]),
    )
    assert "Pob cyfle â thâl" in page
    assert "Byddech chi'n ennill" in page
    assert "am 2 sesiwn o 2.50 awr" in page
    assert "All paid opportunities" not in page


def test_a_cancellation_reaches_a_welsh_reader_in_welsh(demo_site):
    member = reads_welsh()
    opportunity = OpportunityFactory(title="Adolygu taflen")
    SignUpFactory(opportunity=opportunity, member=member)
    opportunity_move(opportunity=opportunity, to=Opportunity.Status.CANCELLED)
    notification = Notification.objects.get(
        recipient=member, dedupe_key=f"opportunity-cancelled:{opportunity.pk}"
    )
    assert notification.subject == "Wedi'i ganslo: Adolygu taflen"
    assert notification.body.startswith("Mae'r cyfle hwn wedi'i ganslo.")
