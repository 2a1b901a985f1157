"""End to end, over HTTP, against the production stack (`make stack`):
gunicorn and the task worker from the Procfile, under production settings,
on PostgreSQL, Redis, an SMTP server and S3-compatible storage.

    .venv/bin/pytest -m stack tests/stack
"""

import re
import time

import redis
import requests

from payments.factories import PDF
from tests.stack.conftest import (
    STACK_MARKS,
    kept_mail,
    post_form,
    shell,
    signed_in,
    wait_for,
)

pytestmark = STACK_MARKS


def get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, timeout=30, **kwargs)


# Anonymous readers and signing in --------------------------------------------


def test_anonymous_pages_answer_through_gunicorn(stack):
    seeded = stack.seeded
    for path in (seeded["home"], seeded["story"], "/search/?q=year", "/sitemap.xml"):
        response = get(stack.url + path)
        assert response.status_code == 200, (path, response.status_code)
    assert "Our first year" in get(stack.url + seeded["story"]).text
    assert "/first-year/" in get(stack.url + "/sitemap.xml").text

    # The stylesheet, by its hashed name, from whitenoise.
    home = get(stack.url + "/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
    assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet), stylesheet
    response = get(stack.url + stylesheet)
    assert response.status_code == 200
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_a_member_signs_in_over_http(stack):
    session = signed_in(stack.url, "member@example.org")
    assert session.cookies.get("sessionid")
    dashboard = session.get(stack.url + "/members/", timeout=30)
    assert dashboard.status_code == 200
    assert "Ada" in dashboard.text
    # Still signed in on the next request: the session is in PostgreSQL.
    assert session.get(stack.url + "/members/", timeout=30).url.endswith("/members/")


# The worker ------------------------------------------------------------------


def test_a_sign_up_ends_in_an_email_the_worker_sends(stack):
    """member@ signs up for a full opportunity and waits; member2@ withdraws;
    the place is offered to member@ by email, through the outbox and the
    worker's "Send waiting emails" schedule (the web process only queues)."""
    opportunity = stack.url + stack.seeded["opportunity"]
    member = signed_in(stack.url, "member@example.org")
    response = post_form(
        member, opportunity + "sign-up/", {"note": ""}, form_page=opportunity
    )
    assert response.status_code == 200
    assert "waiting list" in response.text

    other = signed_in(stack.url, "member2@example.org")
    response = post_form(other, opportunity + "withdraw/", {}, form_page=opportunity)
    assert response.status_code == 200

    def offered():
        return [
            message
            for message in kept_mail(stack.mail)
            if message["X-Envelope-To"] == "member@example.org"
            and "A place has come up" in message["Subject"]
        ]

    (message,) = wait_for(offered, timeout=150, what="the email at the SMTP server")
    sent_by = shell(
        stack,
        "import json; from django_q.models import Success;"
        "from notifications.models import OutboxEmail;"
        f"email = OutboxEmail.objects.get(message_id={message['Message-ID']!r});"
        "print(json.dumps([email.state, sorted(t.result for t in "
        "Success.objects.filter(func='notifications.tasks.outbox_send'))]))",
    )
    state, sent_counts = sent_by
    assert state == "sent"
    assert max(sent_counts) >= 1, "No task the worker ran sent an email"


def test_a_story_scheduled_to_go_live_is_live_within_a_minute_and_a_half(stack):
    path = shell(
        stack,
        "import json; from datetime import timedelta; from django.utils import "
        "timezone; from stories.factories import StoryPageFactory; "
        "from stories.models import StoryIndexPage; "
        "story = StoryPageFactory(parent=StoryIndexPage.objects.get(), "
        "title='Coming soon', slug='coming-soon', live=False); "
        "story.go_live_at = timezone.now() + timedelta(seconds=5); "
        "story.save_revision().publish(); story.refresh_from_db(); "
        "print(json.dumps(story.get_url_parts()[2] if story.live else None))",
    )
    assert path is None, "It went live at once"
    url = f"{stack.url}{stack.seeded['stories']}coming-soon/"
    assert get(url).status_code == 404
    started = time.monotonic()
    wait_for(lambda: get(url).status_code == 200, timeout=90, interval=2, what=url)
    assert "Coming soon" in get(url).text
    print(f"Live after {time.monotonic() - started:.0f} s of waiting")


def test_a_worker_killed_mid_send_and_restarted_sends_every_email_once(stack):
    # A slow mail server: each message waits 4 s before it is accepted.
    (stack.mail / ".delay").write_text("4")
    emails = shell(
        stack,
        "import json; from django_q.tasks import async_task;"
        "from members.models import User;"
        "from notifications.models import Kind, OutboxEmail;"
        "from notifications.services import notify;"
        "member = User.objects.get(email='member2@example.org');"
        "[notify(recipients=[member], kind=Kind.OPPORTUNITY, subject=f'Batch {n}',"
        " dedupe_key=f'stack-kill-{n}') for n in range(4)];"
        "async_task('notifications.tasks.outbox_send', group='outbox');"
        "print(json.dumps(list(OutboxEmail.objects.filter("
        "dedupe_key__contains=':stack-kill-').values_list('message_id', flat=True))))",
    )
    assert len(emails) == 4
    receiving = stack.mail / ".receiving"
    wait_for(receiving.exists, timeout=90, interval=0.1, what="a send in progress")

    stack.processes["worker"].kill()  # SIGKILL, mid-send

    def kept_ids():
        return [m["Message-ID"] for m in kept_mail(stack.mail)]

    assert len(set(emails) & set(kept_ids())) < 4, "Killed too late"
    (stack.mail / ".delay").write_text("0")
    stack.start_worker()

    wait_for(
        lambda: set(emails) <= set(kept_ids()),
        timeout=240,
        interval=2,
        what="every email after the restart",
    )
    for message_id in emails:
        assert kept_ids().count(message_id) == 1, message_id
    states = shell(
        stack,
        "import json; from notifications.models import OutboxEmail;"
        "print(json.dumps(sorted(OutboxEmail.objects.filter("
        "dedupe_key__contains=':stack-kill-').values_list('state', flat=True))))",
    )
    assert states == ["sent"] * 4


# Several web hosts -----------------------------------------------------------


def test_a_receipt_uploaded_through_one_web_process_downloads_through_another(
    stack, tmp_path
):
    claim_form = stack.url + stack.seeded["claim_form"]
    member = signed_in(stack.url, "member@example.org")
    response = post_form(
        member,
        claim_form,
        {
            "units": "5",
            "message": "",
            "expenses-TOTAL_FORMS": "1",
            "expenses-INITIAL_FORMS": "0",
            "expenses-MIN_NUM_FORMS": "0",
            "expenses-MAX_NUM_FORMS": "20",
            "expenses-0-kind": "travel",
            "expenses-0-description": "Train to the meeting",
            "expenses-0-amount": "12.40",
        },
        files={"expenses-0-receipt": ("ticket.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 200
    receipt = re.search(r'href="(/members/payments/receipts/\d+/)"', response.text)
    assert receipt, "The claim page links no receipt"
    assert member.get(stack.url + receipt.group(1), timeout=30).content == PDF

    # A second web process: another port, its own working folder, media,
    # private media and tmp; only PostgreSQL, Redis and S3 are shared.
    port = free_port()
    home = tmp_path / "second-host"
    env = stack.site_env(port=port, home=home)
    stack.start_web(port=port, env=env, cwd=home, name="web2")
    try:
        second = f"http://127.0.0.1:{port}"
        response = member.get(second + receipt.group(1), timeout=30)
        assert response.status_code == 200
        assert response.content == PDF
        # Not public: a visitor is sent to sign in.
        anonymous = get(second + receipt.group(1), allow_redirects=False)
        assert anonymous.status_code == 302
        assert "/accounts/login/" in anonymous.headers["Location"]
    finally:
        stack.processes.pop("web2").stop()


def free_port() -> int:
    from stack.runner import free_port

    return free_port()


# The page cache and Redis ----------------------------------------------------


def test_an_editor_publishes_and_the_cached_page_shows_it_at_once(stack):
    url = stack.url + stack.seeded["story"]
    get(url)
    cached = get(url)
    assert cached.status_code == 200
    assert cached.headers.get("X-Page-Cache") == "hit"

    shell(
        stack,
        "import json; from stories.models import StoryPage;"
        f"story = StoryPage.objects.get(pk={stack.seeded['story_id']});"
        "story.title = 'Our first year, updated';"
        "story.save_revision().publish(); print(json.dumps(story.title))",
    )
    fresh = get(url)
    assert fresh.status_code == 200
    assert "Our first year, updated" in fresh.text


def test_public_pages_answer_while_redis_is_down_and_recover(stack):
    pages = [stack.url + stack.seeded["home"], stack.url + stack.seeded["story"]]
    stack.stop_redis()
    try:
        for url in pages:
            started = time.monotonic()
            assert get(url).status_code == 200, url
            print(f"{url} without Redis: {time.monotonic() - started:.2f} s")
    finally:
        stack.start_redis()
    client = redis.Redis(port=stack.redis_port)  # a fresh one: nothing saved
    for url in pages:
        assert get(url).status_code == 200, url
    wait_for(
        lambda: client.dbsize() > 0, timeout=10, what="the site writes to Redis again"
    )
