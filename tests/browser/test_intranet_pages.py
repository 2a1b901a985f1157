"""The members' area and its ways in: every page passes axe-core, and a new
member gets from invitation to their dashboard by keyboard alone."""

import re

from playwright.sync_api import expect

from accounts.services import invitation_create
from members.models import Assembly, User
from notifications.models import OutboxEmail
from tests.people import link_from

from . import BROWSER_TEST, helpers
from .axe import axe_violations
from .helpers import assert_accessible, sign_out

pytestmark = BROWSER_TEST


def emailed_path(template, key):
    return link_from(OutboxEmail.objects.filter(template=template).latest("pk"), key)


def test_the_ways_in_are_accessible(page, site):
    for path, heading in [
        ("/accounts/sign-in-link/", "Email me a link to sign in"),
        ("/accounts/password-reset/", "Choose a new password"),
        ("/accounts/invitation/not-a-real-token/", "does not work"),
    ]:
        assert_accessible(page, path, site, heading)

    page.goto(site + "/accounts/sign-in-link/")
    page.get_by_role("button", name="Email me a link").click()
    assert_accessible(page, page.url, site, "Email me a link to sign in")
    page.get_by_label("Email address").fill("member@example.org")
    page.get_by_role("button", name="Email me a link").click()
    assert_accessible(page, page.url, site, "Check your email")

    link = emailed_path("emails/sign_in_link", "sign_in_url")
    assert_accessible(page, link, site, "Sign in as member@example.org")
    page.get_by_role("button", name="Sign me in").click()
    assert_accessible(page, page.url, site, "Hello Dafydd")
    sign_out(page)
    assert_accessible(page, link, site, "already been used")

    page.goto(site + "/accounts/password-reset/")
    page.get_by_label("Email address").fill("member2@example.org")
    page.get_by_role("button", name="Email me a link").click()
    assert_accessible(page, page.url, site, "Check your email")
    assert_accessible(
        page,
        emailed_path("emails/password_reset", "reset_url"),
        site,
        "Choose a new password",
    )
    page.get_by_role("button", name="Save my new password").click()
    assert_accessible(page, page.url, site, "Choose a new password")


def test_the_lockout_page_says_when_to_try_again(page, site):
    page.goto(site + "/accounts/login/")
    for _ in range(5):
        page.get_by_label("Email address").fill("member@example.org")
        page.get_by_label("Password").fill("not my password")
        page.get_by_role("button", name="Sign in").click()
    assert_accessible(page, page.url, site, "Please wait")
    expect(
        page.get_by_text(re.compile(r"try your password again after"))
    ).to_be_visible()
    expect(page.get_by_role("link", name="Email me a link to sign in")).to_be_visible()


def test_a_new_member_accepts_their_invitation_and_signs_in_by_keyboard(page, site):
    lead = User.objects.get(email="lead@example.org")
    invitation_create(
        email="newcomer@example.org",
        first_name="Rhian",
        assembly=Assembly.objects.get(slug="wales"),
        invited_by=lead,
    )
    assert_accessible(
        page,
        emailed_path("emails/invitation", "accept_url"),
        site,
        "Set up your account",
    )
    page.get_by_label("First name").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Rhian")
    page.keyboard.press("Tab")
    page.keyboard.type("Evans")
    page.keyboard.press("Tab")
    page.keyboard.type("short")
    page.keyboard.press("Tab")
    page.keyboard.type("short")
    page.keyboard.press("Enter")
    # The mistake is explained and what was typed is kept.
    assert_accessible(page, page.url, site, "Set up your account")
    expect(page.get_by_label("Last name")).to_have_value("Evans")

    page.get_by_label("New password", exact=True).focus()
    page.keyboard.type("tea and toast daily")
    page.keyboard.press("Tab")
    page.keyboard.type("tea and toast daily")
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "Hello Rhian")

    page.get_by_role("button", name="Sign out").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email address").focus()
    page.keyboard.type("newcomer@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("tea and toast daily")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello Rhian")


def test_each_role_s_dashboard_and_the_lead_s_people_screens(page, site):
    helpers.sign_in(page, site, "member@example.org")
    assert_accessible(page, "/members/", site, "Hello Dafydd")
    expect(page.get_by_role("heading", name="Your drafts")).to_be_visible()
    sign_out(page)

    helpers.sign_in(page, site, "staff@example.org")
    assert_accessible(page, "/members/", site, "Hello Tom")
    sign_out(page)

    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(page, "/members/", site, "Hello Morwenna")
    expect(page.get_by_role("heading", name="Waiting for your review")).to_be_visible()
    assert_accessible(page, "/members/people/manage/", site, "People")
    assert_accessible(page, "/members/people/manage/?show=past", site, "Past members")
    person = User.objects.get(email="member2@example.org")
    assert_accessible(
        page, f"/members/people/manage/{person.pk}/", site, "Niamh Rafferty"
    )
    page.get_by_role("button", name="Move").click()
    assert_accessible(page, page.url, site, "Niamh Rafferty")
    assert_accessible(page, "/members/people/manage/add/", site, "Invite someone")
    page.get_by_role("button", name="Send the invitation").click()
    assert_accessible(page, page.url, site, "Invite someone")


def test_a_member_accepts_the_new_charter_by_keyboard(page, site):
    helpers.sign_in(page, site, "member2@example.org")
    assert_accessible(page, "/members/", site, "Hello Niamh")
    page.get_by_role("link", name="Read and accept the Charter").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "The Charter")

    # Without the box ticked the reason is given next to it.
    page.get_by_role("button", name="Accept the Charter").focus()
    page.keyboard.press("Enter")
    assert_accessible(page, page.url, site, "The Charter")
    expect(page.get_by_text("Tick the box to say you have read")).to_have_count(2)

    page.get_by_label("I have read the Charter and I agree to it").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Accept the Charter").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("You accepted version 2")
    assert axe_violations(page) == []
    assert_accessible(page, "/members/charter/versions/", site, "Versions")
    assert_accessible(page, "/members/charter/versions/1/", site, "The Charter")


def test_the_lead_s_charter_screens(page, site):
    helpers.sign_in(page, site, "lead@example.org")
    assert_accessible(page, "/members/charter/", site, "The Charter")
    assert_accessible(page, "/members/charter/manage/", site, "Who has accepted")
    assert_accessible(
        page, "/members/charter/manage/versions/add/", site, "Publish a new"
    )
    page.get_by_label("What changed", exact=True).fill("")
    page.get_by_role("button", name="Publish this version").click()
    assert_accessible(page, page.url, site, "Publish a new")
