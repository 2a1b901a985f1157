"""The production stack, started once for the end-to-end tests (marker
`stack`) with the module `make stack` runs (stack/runner.py), and what the
tests share: a browser-like HTTP client, manage.py under the stack's
settings, the SMTP keeper's folder, and polling with a deadline."""

import json
import re
import time
from email import message_from_bytes
from pathlib import Path

import pytest
import requests

from stack.runner import Stack

# Each test is marked `stack` (deselected from `make test` and the PostgreSQL
# pass), and may wait for the worker's minute schedules; starting the stack
# (migrations on PostgreSQL) is counted in the first test's time too.
STACK_MARKS = [pytest.mark.stack, pytest.mark.timeout(600)]

PASSWORD = "coproduction"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    with log.open("w") as output:
        stack = Stack(seed=True, output=output)
        try:
            stack.start()
        except BaseException:
            output.flush()
            print(log.read_text()[-20_000:])
            raise
        try:
            yield stack
        finally:
            stack.stop()
    # What every process said, for a failure's report (pytest -rA shows it).
    print(f"The stack's log: {log}")


def wait_for(check, *, timeout: float, interval: float = 0.5, what: str = ""):
    """Poll `check` until it returns something true (returned), or fail."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"Not within {timeout:.0f} s: {what}")
        time.sleep(interval)


def shell(stack: Stack, code: str):
    """Run Python in `manage.py shell` under the stack's production settings;
    the last line it prints is read as JSON."""
    result = stack.manage("shell", "-c", code)
    return json.loads(result.stdout.strip().splitlines()[-1])


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "The page has no CSRF token"
    return match.group(1)


def post_form(session, url: str, data: dict, *, form_page: str = "", **kwargs):
    """GET the form's page (`url` itself unless `form_page` is given) for its
    CSRF token, then POST to `url`, as a browser does."""
    page = session.get(form_page or url, timeout=30)
    assert page.status_code == 200, (form_page or url, page.status_code)
    return session.post(
        url,
        data={"csrfmiddlewaretoken": csrf_token(page.text), **data},
        timeout=30,
        **kwargs,
    )


def signed_in(base_url: str, email: str) -> requests.Session:
    session = requests.Session()
    login = f"{base_url}/accounts/login/"
    response = post_form(session, login, {"username": email, "password": PASSWORD})
    assert response.status_code == 200, response.status_code
    assert response.url != login, "The sign-in form came back"
    return session


def kept_mail(folder: Path) -> list:
    """Every message the SMTP keeper has kept, oldest first."""
    return [
        message_from_bytes(path.read_bytes()) for path in sorted(folder.glob("*.eml"))
    ]
