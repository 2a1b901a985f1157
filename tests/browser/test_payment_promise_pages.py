"""Issue 22 in the browser: the member sees when each claim should be paid,
a late claim says so and a question pauses the clock; the lead's claims come
late ones first; the lead sets the promise in the admin by keyboard alone,
and a promise of no days is refused next to the field. Every page at a
desktop's width and at 320 CSS pixels, with axe-core."""

from datetime import timedelta

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from payments.models import PaymentPromise
from payments.services import claim_query
from tests.payments_fixtures import claim_at, lead, selected

from . import BROWSER_TEST, helpers
from .helpers import check

pytestmark = BROWSER_TEST


def _sent_days_ago(days, title, **more):
    with time_machine.travel(timezone.now() - timedelta(days=days), tick=False):
        return claim_at("submitted", selected(title=title, **more))


def test_the_member_and_the_lead_read_the_promise_on_their_claims(page, site):
    PaymentPromise.objects.all().delete()
    PaymentPromise.objects.create(
        working_days=10, set_at=timezone.now() - timedelta(days=400)
    )
    late = _sent_days_ago(40, "Late claim work")
    waiting = _sent_days_ago(1, "New claim work")
    asked = _sent_days_ago(3, "Asked claim work")
    claim_query(claim=asked, by=lead(), message="Was it a return ticket?")

    helpers.sign_in(page, site, "member@example.org")
    check(page, site, "/members/payments/", "payments")
    claims = page.get_by_role("table", name="Your claims, newest first")
    expect(claims.get_by_role("row", name="Late claim work")).to_contain_text(
        "working days late"
    )
    expect(claims.get_by_role("row", name="New claim work")).to_contain_text("By ")
    expect(claims.get_by_role("row", name="Asked claim work")).to_contain_text(
        "Paused, waiting for an answer"
    )
    check(page, site, f"/members/payments/claims/{late.pk}/", "Late claim work")
    promise = page.get_by_role("region", name="When it will be paid")
    expect(promise).to_contain_text("This claim is late")
    expect(promise).to_contain_text("You do not need to chase it")
    check(page, site, f"/members/payments/claims/{asked.pk}/", "Asked claim work")
    expect(page.get_by_role("region", name="When it will be paid")).to_contain_text(
        "The clock is paused while the engagement lead waits for your answer"
    )
    check(page, site, f"/members/payments/claims/{waiting.pk}/", "New claim work")
    expect(page.get_by_role("region", name="When it will be paid")).to_contain_text(
        "It should be paid by"
    )
    helpers.sign_out(page)

    helpers.sign_in(page, site, "lead@example.org")
    check(page, site, "/members/payments/manage/", "Claims")
    table = page.get_by_role("table", name="Claims to check or to pay")
    first = table.locator("tbody tr").first
    expect(first).to_contain_text("working days late")
    check(page, site, f"/members/payments/claims/{late.pk}/", "Late claim work")


def test_the_lead_sets_the_promise_by_keyboard_and_zero_is_refused(page, site):
    # Wagtail's "created" message fades in, unless motion is reduced: axe
    # would measure its colours half-way.
    page.emulate_media(reduced_motion="reduce")
    helpers.sign_in(page, site, "lead@example.org")
    check(page, site, "/admin/snippets/payments/paymentpromise/add/", "Payment promise")
    field = page.get_by_role("spinbutton", name="Working days")
    field.focus()
    page.keyboard.type("0")
    page.keyboard.press("Enter")
    expect(
        page.get_by_text("Enter a number of working days of 1 or more.")
    ).to_be_visible()
    check(page, site, None, "Payment promise")
    expect(page.get_by_role("spinbutton", name="Working days")).to_have_value("0")
    before = PaymentPromise.objects.count()
    field = page.get_by_role("spinbutton", name="Working days")
    field.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type("8")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("link", name="paid within 8 working days of a complete claim")
    ).to_be_visible()
    # Nothing offers to change or delete it, nor to copy it.
    expect(page.get_by_role("link", name="Edit", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Delete", exact=True)).to_have_count(0)
    assert PaymentPromise.objects.count() == before + 1
    check(page, site, None, "Payment promise")
