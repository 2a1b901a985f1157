"""The notification screens: members' preferences and the lead's admin lists
pass axe-core and work by keyboard, and the preferences work without JS."""

import re

import pytest
from playwright.sync_api import expect

from notifications.models import CallBack, NotificationPreference, OutboxEmail

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST


def sign_in(page, site, email):
    helpers.sign_in(page, site, email)
    expect(
        helpers.account_menu(page).get_by_role("link", name="Notifications")
    ).to_be_visible()


def test_a_member_chooses_by_keyboard_how_they_hear_about_payments(page, site):
    sign_in(page, site, "member@example.org")
    page.goto(site + "/members/notifications/")
    page.get_by_role("link", name="Choose how you hear from us").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("How you hear from us")
    assert axe_violations(page) == []

    payments = page.get_by_role("group", name="Payments")
    payments.get_by_label("Email me once a week, all together").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save my choices").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Your choices are saved.")
    expect(payments.get_by_label("Email me once a week, all together")).to_be_checked()
    assert axe_violations(page) == []
    assert (
        NotificationPreference.objects.get(
            user__email="member@example.org", kind="payment"
        ).delivery
        == "weekly"
    )


def test_preferences_save_without_javascript(page_without_js, site):
    page = page_without_js
    sign_in(page, site, "member2@example.org")
    page.goto(site + "/members/notifications/preferences/")
    page.get_by_role("group", name="The Charter").get_by_label(
        "Do not email me: I will look on the website"
    ).check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("status")).to_contain_text("Your choices are saved.")
    assert (
        NotificationPreference.objects.get(
            user__email="member2@example.org", kind="charter"
        ).delivery
        == "in_app"
    )


@pytest.mark.parametrize(
    "screen",
    [
        "emails",
        "emails-failed",
        "email-details",
        "retry",
        "retry-all",
        "call-backs",
        "call-back",
    ],
)
def test_the_lead_s_message_screens_have_no_axe_violations(page, site, screen):
    failed = OutboxEmail.objects.filter(state="failed").first()
    call_back = CallBack.objects.first()
    path = {
        "emails": "/admin/emails/",
        "emails-failed": "/admin/emails/?state=failed",
        "email-details": f"/admin/emails/inspect/{failed.pk}/",
        "retry": f"/admin/emails/retry/{failed.pk}/",
        "retry-all": "/admin/emails/retry-all/",
        "call-backs": "/admin/call-backs/",
        "call-back": f"/admin/call-backs/done/{call_back.pk}/",
    }[screen]
    sign_in(page, site, "lead@example.org")
    helpers.admin_goto(page, site + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe_violations(page) == []


def test_the_lead_sends_a_failed_email_again_by_keyboard(page, site):
    failed = OutboxEmail.objects.get(state="failed")
    sign_in(page, site, "lead@example.org")
    helpers.admin_goto(page, site + "/admin/emails/?state=failed")
    page.get_by_role("link", name=f"Send again: {failed.subject}").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Send this email again?")
    page.get_by_role("button", name="Yes, send it again").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("will be sent again")).to_be_visible()
    failed.refresh_from_db()
    # Waiting again with fresh attempts, or already sent: tests run the send
    # task at once, as a worker would within the minute.
    assert failed.state in (OutboxEmail.State.PENDING, OutboxEmail.State.SENT)
    assert failed.attempts <= 1


def test_the_lead_sends_every_failed_email_again_by_keyboard(page, site):
    sign_in(page, site, "lead@example.org")
    helpers.admin_goto(page, site + "/admin/emails/")
    page.get_by_role("link", name="Send every failed email again").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Send every failed email again?"
    )
    page.get_by_role("button", name=re.compile("^Yes, send")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("will be sent again")).to_be_visible()
    assert not OutboxEmail.objects.filter(state="failed").exists()
