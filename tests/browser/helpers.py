"""Steps several browser tests share."""

PASSWORD = "coproduction"


def sign_in(page, site, email, next_path=""):
    """Sign in through the site's own form (which the admin uses too)."""
    suffix = f"?next={next_path}" if next_path else ""
    page.goto(f"{site}/accounts/login/{suffix}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


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
