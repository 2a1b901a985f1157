"""Browser tests: Playwright drives Debian's Chromium against a live server.

Playwright is started once per session; each test gets a fresh context.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from tests.browser import one_at_a_time

# Admin pages do more work than ours: give assertions the same patience as
# actions (Playwright's default for expect() is 5 s).
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`.")
    # Playwright's sync API keeps an event loop running in this thread; the
    # ORM calls the fixtures make are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with django_db_blocker.unblock():
        outside = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # With a running event loop Django hands out new connection objects;
        # give them the snapshot that serialized_rollback restores from.
        for alias, connection in outside.items():
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(live_server, transactional_db):
    """The demo site, served live. Returns the server's base URL."""
    yield live_server.url
    # A request the browser left in flight finishes before the database is
    # emptied (it could otherwise write a row the flush just orphaned).
    with one_at_a_time.request_lock:
        pass


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def pytest_report_header(config):
    from .axe import AXE_FILE, AXE_VERSION

    where = AXE_FILE if AXE_FILE.exists() else "not installed: run `make axe`"
    return f"axe-core {AXE_VERSION} ({where})"
