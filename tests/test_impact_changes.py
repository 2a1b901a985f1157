"""Issue 19, line 3: what changed because of the group. Staff record a
change (what, where, what it came from, someone's words, whether it may be
published); the lead reads all, staff their own and the publishable ones,
members the publishable ones. After an engagement request's work ends its
requester is asked, once, by the notification service, with the details in
the email and a link to the form filled in for the request."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from impact.factories import ChangeFactory, ReflectionFlowFactory
from impact.models import Change, ChangeAsk
from impact.services import change_asks_send
from impact.tasks import change_asks
from members.factories import PersonFactory
from notifications.models import Notification, OutboxEmail
from opportunities.factories import EngagementRequestFactory, OpportunityFactory
from opportunities.models import EngagementRequest, Opportunity
from tests.people import act_for, person, sent_message, sign_in

pytestmark = pytest.mark.django_db

SECRET_WORDS = "We would never have thought of the bus times."
PUBLISHED_WORDS = "The panel questions were better than ours."


@pytest.fixture
def other_staff():
    return PersonFactory(staff=True, email="other.staff@example.org")


@pytest.fixture
def changes():
    """Tom's (staff@) two changes: one kept among staff, one publishable."""
    tom = person("staff@example.org")
    private = ChangeFactory(
        what="Meeting venues are chosen with the bus timetable.",
        where="Events team",
        quote=SECRET_WORDS,
        quote_by="Head of events",
        may_publish=False,
        recorded_by=tom,
    )
    published = ChangeFactory(
        what="Interview panels now include a member of the group.",
        where="Recruitment team",
        quote=PUBLISHED_WORDS,
        quote_by="A hiring manager",
        may_publish=True,
        recorded_by=tom,
    )
    return private, published


# Who reads what ------------------------------------------------------------------

# (sees the private change, sees the published one); None: "not found".
LIST_MATRIX = [
    ("member@example.org", (False, True)),
    ("member2@example.org", (False, True)),
    ("staff@example.org", (True, True)),
    ("other.staff@example.org", (False, True)),
    ("lead@example.org", (True, True)),
    ("admin@example.org", None),
    ("supporter@example.org", None),
]


@pytest.mark.parametrize(("email", "sees"), LIST_MATRIX)
def test_who_reads_which_changes(client, other_staff, changes, email, sees):
    sign_in(client, email)
    response = client.get(reverse("changes:list"))
    if sees is None:
        assert response.status_code == 404
        return
    page = response.content.decode()
    sees_private, sees_published = sees
    assert ("Meeting venues are chosen" in page) == sees_private
    assert (SECRET_WORDS in page) == sees_private
    assert ("Interview panels now include" in page) == sees_published
    assert (PUBLISHED_WORDS in page) == sees_published


def test_a_visitor_is_sent_to_sign_in(client, changes):
    for url in [
        reverse("changes:list"),
        reverse("changes:add"),
        reverse("changes:edit", args=[changes[0].pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_supporter_acting_for_a_member_reads_what_the_member_reads(client, changes):
    act_for(client, "supporter@example.org", "member2@example.org")
    page = client.get(reverse("changes:list")).content.decode()
    assert PUBLISHED_WORDS in page
    assert SECRET_WORDS not in page
    assert client.get(reverse("changes:add")).status_code == 404


@pytest.mark.parametrize(
    ("email", "adds", "edits"),
    [
        ("member@example.org", 404, 404),
        ("member2@example.org", 404, 404),
        ("staff@example.org", 200, 200),
        ("other.staff@example.org", 200, 404),
        ("lead@example.org", 200, 200),
        ("admin@example.org", 404, 404),
    ],
)
def test_staff_and_the_lead_record_and_only_the_recorder_and_lead_edit(
    client, other_staff, changes, email, adds, edits
):
    private, _published = changes
    sign_in(client, email)
    assert client.get(reverse("changes:add")).status_code == adds
    edit = reverse("changes:edit", args=[private.pk])
    assert client.get(edit).status_code == edits
    client.post(edit, {"what": "Overwritten", "where": "Somewhere"})
    private.refresh_from_db()
    assert (private.what == "Overwritten") == (edits == 200)


def test_staff_record_a_change_linked_to_a_reflection(client):
    flow = ReflectionFlowFactory(title="Papers too late")
    tom = sign_in(client, "staff@example.org")
    response = client.post(
        reverse("changes:add"),
        {
            "what": "Papers now go out eight days before each meeting.",
            "where": "Survey team",
            "reflection": flow.pk,
            "quote": "It is the first time I read everything in time.",
            "quote_by": "A member of the group",
            "may_publish": "on",
        },
    )
    assert response["Location"] == reverse("changes:list")
    change = Change.objects.get(where="Survey team")
    assert (change.recorded_by, change.reflection, change.may_publish) == (
        tom,
        flow,
        True,
    )
    assert change.recorded_on == timezone.localdate()
    # The reflection shows what changed because of it, to a member too.
    sign_in(client, "member@example.org")
    page = client.get(reverse("reflections:detail", args=[flow.pk])).content.decode()
    assert "Papers now go out eight days before each meeting." in page


def test_a_quote_without_whose_words_is_refused_next_to_the_field(client):
    sign_in(client, "staff@example.org")
    response = client.post(
        reverse("changes:add"),
        {
            "what": "The survey lost six questions.",
            "where": "Survey team",
            "quote": "Much shorter now.",
            "quote_by": "",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["quote_by"] == [
        "Say whose words these are, for example: a member at the meeting."
    ]
    page = response.content.decode()
    assert "The survey lost six questions." in page
    assert "Much shorter now." in page
    assert not Change.objects.filter(where="Survey team").exists()


def test_a_change_without_what_or_where_is_refused_and_the_rest_kept(client):
    sign_in(client, "staff@example.org")
    response = client.post(
        reverse("changes:add"), {"what": "", "where": "", "quote": "Kept words"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write what changed." in page
    assert "Write where it changed" in page
    assert "Kept words" in page


# The ask after the work ends ----------------------------------------------------------


@pytest.fixture
def ended():
    """Tom's accepted request whose work ended yesterday, with its opportunity."""
    today = timezone.localdate()
    made = EngagementRequestFactory(
        requested_by=person("staff@example.org"),
        title="Rewrite the carers' leaflet",
        description="Two members help us rewrite the leaflet in plain words.",
        starts_on=today - timedelta(days=40),
        ends_on=today - timedelta(days=1),
        status=EngagementRequest.Status.ACCEPTED,
    )
    OpportunityFactory(
        title="Rewrite the carers' leaflet with us",
        request=made,
        workstream=made.workstream,
        status=Opportunity.Status.COMPLETED,
    )
    return made


def test_the_requester_is_asked_once_however_often_the_task_runs(ended):
    assert change_asks() == 1
    assert change_asks() == 0
    assert change_asks_send(today=timezone.localdate() + timedelta(days=5)) == 0
    assert ChangeAsk.objects.filter(request=ended).count() == 1
    told = Notification.objects.filter(dedupe_key=f"change-ask:{ended.pk}")
    assert [n.recipient for n in told] == [person("staff@example.org")]
    assert OutboxEmail.objects.filter(notifications__in=told).count() == 1


def test_the_email_carries_the_request_and_a_link_to_the_form_filled_in(client, ended):
    change_asks()
    email = OutboxEmail.objects.get(notifications__dedupe_key=f"change-ask:{ended.pk}")
    message = sent_message(email)
    body = message.body
    today = timezone.localdate()
    started = today - timedelta(days=40)
    yesterday = today - timedelta(days=1)
    assert (
        message.subject
        == "What changed because of the group? Rewrite the carers' leaflet"
    )
    for words in [
        "Rewrite the carers' leaflet",
        f"({ended.workstream})",
        f"from {started:%-d %B %Y} to {yesterday:%-d %B %Y}",
        "Two members help us rewrite the leaflet in plain words.",
        "“Rewrite the carers' leaflet with us” (completed)",
    ]:
        assert words in body, words
    link = re.search(r"https?://\S+/members/changes/add/\?request=(\d+)", body)
    assert link and int(link.group(1)) == ended.pk

    # The link opens the form, filled in for the request.
    sign_in(client, "staff@example.org")
    response = client.get(reverse("changes:add") + f"?request={ended.pk}")
    page = response.content.decode()
    assert "Your request: Rewrite the carers" in page
    assert f'value="{ended.workstream}"' in page
    form = response.context["form"]
    assert form.initial["opportunity"] == ended.opportunity


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("staff@example.org", 200),
        ("other.staff@example.org", 404),
        ("lead@example.org", 200),
        ("member@example.org", 404),
    ],
)
def test_only_the_requester_and_the_lead_open_the_form_for_a_request(
    client, other_staff, ended, email, status
):
    sign_in(client, email)
    url = reverse("changes:add") + f"?request={ended.pk}"
    assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("status", "ended_days_ago"),
    [
        (EngagementRequest.Status.SUBMITTED, 1),
        (EngagementRequest.Status.DECLINED, 1),
        (EngagementRequest.Status.ACCEPTED, 0),  # ends today: not over yet
        (EngagementRequest.Status.ACCEPTED, 200),  # long before the asks began
    ],
)
def test_requests_not_accepted_or_not_ended_are_not_asked(status, ended_days_ago):
    today = timezone.localdate()
    EngagementRequestFactory(
        starts_on=today - timedelta(days=300),
        ends_on=today - timedelta(days=ended_days_ago),
        status=status,
    )
    assert change_asks() == 0
    assert not ChangeAsk.objects.exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_moment_ask_once():
    today = timezone.localdate()
    made = EngagementRequestFactory(
        starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=1),
        status=EngagementRequest.Status.ACCEPTED,
    )
    start = threading.Barrier(2)
    sent, errors = [], []

    def worker():
        try:
            start.wait()
            sent.append(change_asks_send(today=today))
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(sent) == [0, 1]
    assert Notification.objects.filter(dedupe_key=f"change-ask:{made.pk}").count() == 1


def test_the_list_asks_the_same_number_of_queries_for_more_changes(client, changes):
    sign_in(client, "lead@example.org")
    url = reverse("changes:list")

    def measured():
        client.get(url)  # the site's own lookups, read again after a change
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return len(queries), response.content.decode().count("More change")

    before = measured()
    flow = ReflectionFlowFactory()
    for number in range(5):
        ChangeFactory(
            what=f"More change {number}",
            reflection=flow,
            opportunity=OpportunityFactory(),
            quote="Words",
            quote_by="Someone",
        )
    after = measured()
    assert after[0] == before[0]
    assert after[1] > before[1]
