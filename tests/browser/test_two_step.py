"""Two-step sign-in in a browser: the lead sets it up and signs in by
keyboard alone, every two-step page passes axe-core, and the code page works
without JavaScript."""

import time
from base64 import b32decode

from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from . import BROWSER_TEST, helpers
from .axe import axe_violations

pytestmark = BROWSER_TEST

CODE = helpers.CODE_LABEL


def type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def press(page, button):
    page.get_by_role("button", name=button).focus()
    page.keyboard.press("Enter")


def password_by_keyboard(page, site, email):
    page.goto(f"{site}/accounts/login/?next=/members/people/")
    type_into(page, "Email address", email)
    type_into(page, "Password", helpers.PASSWORD)
    page.keyboard.press("Enter")


def code_field_is_for_one_time_codes(page):
    field = page.get_by_label(CODE, exact=True)
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    expect(field).to_have_attribute("inputmode", "numeric")


def test_the_lead_sets_up_two_step_and_signs_in_by_keyboard(page, site):
    page.emulate_media(reduced_motion="reduce")
    TOTPDevice.objects.filter(user__email="lead@example.org").delete()
    password_by_keyboard(page, site, "lead@example.org")

    expect(
        page.get_by_role("heading", name="Set up two-step sign-in", level=1)
    ).to_be_visible()
    expect(
        page.get_by_role("img", name="QR code for your authenticator app")
    ).to_be_visible()
    assert axe_violations(page) == []
    code_field_is_for_one_time_codes(page)

    # A wrong code: the error is next to the field, the page still passes.
    type_into(page, CODE, "000000")
    press(page, "Turn on two-step sign-in")
    expect(page.locator("#id_code_error")).to_contain_text("That code did not work")
    assert axe_violations(page) == []

    # The key as a person would type it into their app.
    secret = page.locator(".secret-key code").inner_text().replace(" ", "")
    time.sleep(2)  # a wrong code makes the next try wait a second
    code = f"{hotp(b32decode(secret), int(time.time()) // 30, 6):06d}"
    page.get_by_label(CODE, exact=True).fill("")
    type_into(page, CODE, code)
    press(page, "Turn on two-step sign-in")

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert axe_violations(page) == []
    press(page, "I have kept my codes safe")
    expect(page.get_by_role("heading", name="People", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Two-step sign-in is on")

    # Next time: the password, then the code from the app.
    page.context.clear_cookies()
    password_by_keyboard(page, site, "lead@example.org")
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    assert axe_violations(page) == []
    type_into(page, CODE, helpers.authenticator_code("lead@example.org"))
    press(page, "Continue")
    expect(page.get_by_role("heading", name="People", level=1)).to_be_visible()


def test_the_recovery_page_and_a_refused_sign_in_link_pass_axe(page, site):
    helpers.sign_in(page, site, "member@example.org")
    page.goto(f"{site}/members/profile/")
    expect(page.get_by_role("heading", name="Two-step sign-in")).to_be_visible()
    assert axe_violations(page) == []
    page.context.clear_cookies()

    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Email address").fill("admin@example.org")
    page.get_by_label("Password").fill(helpers.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Use a recovery code").click()
    expect(page.get_by_role("heading", name="Use a recovery code")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Recovery code").fill("abcd efgh")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_recovery_code_error")).to_contain_text("did not work")
    expect(page.get_by_label("Recovery code")).to_have_value("abcd efgh")
    assert axe_violations(page) == []


def test_the_code_page_works_without_javascript(page_without_js, site):
    page = page_without_js
    page.goto(f"{site}/accounts/login/?next=/admin/")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill(helpers.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    code_field_is_for_one_time_codes(page)

    page.get_by_label(CODE, exact=True).fill("12345")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_code_error")).to_contain_text(
        "The code is 6 numbers, like 123456"
    )
    expect(page.get_by_label(CODE, exact=True)).to_have_value("12345")

    page.get_by_label(CODE, exact=True).fill(
        helpers.authenticator_code("lead@example.org")
    )
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{site}/admin/")
