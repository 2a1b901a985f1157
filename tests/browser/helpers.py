"""Steps several browser tests share."""

import time

from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.two_step.selectors import two_step_required
from members.models import User

from .axe import axe_violations

PASSWORD = "coproduction"
WIDTHS = (1280, 320)
NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
CODE_LABEL = "Code from your authenticator app"


def sign_in(page, site, email, next_path=""):
    """Sign in through the site's own form (which the admin uses too)."""
    suffix = f"?next={next_path}" if next_path else ""
    page.goto(f"{site}/accounts/login/{suffix}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if two_step_required(User.objects.get(email=email)):
        page.wait_for_url("**/accounts/two-step/**")
        page.get_by_label(CODE_LABEL).fill(authenticator_code(email))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()


def authenticator_code(email):
    """What the person's authenticator app shows now. A code is accepted once,
    so a second sign-in within the same 30 seconds uses the next one (the site
    accepts one step either side), or waits for it."""
    device = TOTPDevice.objects.get(user__email=email, confirmed=True)
    while True:
        now = int(time.time()) // device.step + device.drift
        counter = max(now, device.last_t + 1)
        if counter <= now + device.tolerance:
            return f"{hotp(device.bin_key, counter, digits=device.digits):06d}"
        time.sleep(1)


def admin_goto(page, url):
    """Open an admin page and let its own background requests finish, so they
    never overlap the test's next step on the live server's one connection."""
    page.goto(url)
    page.wait_for_load_state("networkidle")


def settle(page):
    """Let the admin's own background requests finish before the test reads
    the database: the live server and the test share one SQLite connection,
    and an overlapping query breaks the other's transaction."""
    page.wait_for_load_state("networkidle")


def account_menu(page):
    """The header's "Settings and account" menu (Notifications, Sign out)."""
    return page.get_by_role("navigation", name="Settings and account")


def assert_accessible(page, path_or_url, site, heading):
    """Open the page (a path) or stay on it (a URL), see its heading, and
    find no axe-core violations."""
    if path_or_url.startswith("/"):
        page.goto(site + path_or_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert axe_violations(page) == [], page.url


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def check(page, site, path, heading):
    """The page at a desktop's and a small phone's width: its heading,
    nothing scrolling sideways, and no axe violation. `path` None checks the
    page already open."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if path:
            page.goto(site + path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert page.evaluate(NO_HORIZONTAL_SCROLL), (page.url, width)
        found = axe_violations(page)
        assert found == [], (page.url, width, found)
    page.set_viewport_size({"width": 1280, "height": 900})
