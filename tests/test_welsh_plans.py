"""Development plans in Welsh (issue 21): the plan page, and the review
reminder with its date named in the reader's language."""

from datetime import date

import pytest
from django.urls import reverse

from notifications.models import Notification
from plans.models import DevelopmentPlan
from plans.services import plan_review_reminders_send
from tests.welsh_readers import reads_welsh, welsh_page

pytestmark = pytest.mark.django_db


def test_a_member_reading_in_welsh_sees_their_plan_in_welsh(client, demo_site):
    plan = DevelopmentPlan.objects.get(owner__email="member@example.org")
    page = welsh_page(
        client, "member@example.org", reverse("plans:plan", args=[plan.pk])
    )
    assert "Fy nghynllun datblygu" in page
    assert "Preifat: dim ond chi a'r arweinydd ymgysylltu" in page
    assert "My development plan" not in page


def test_the_review_reminder_names_the_month_in_welsh(demo_site):
    member = reads_welsh()
    plan = DevelopmentPlan.objects.get(owner=member)
    plan.review_on = date(2026, 3, 12)
    plan.save(update_fields=["review_on"])
    plan_review_reminders_send(today=date(2026, 3, 2))
    notification = Notification.objects.get(
        recipient=member, dedupe_key__startswith="plan-review-reminder:"
    )
    assert notification.subject == "Mae adolygiad eich cynllun ar 12 Mawrth"
