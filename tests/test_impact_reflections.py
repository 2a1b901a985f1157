"""Issue 19, line 2: the reflections log. Flows of "you said, we heard, we
propose, outcome", each stage dated and attributed; members propose, staff
of the team answer, the lead edits and moves the status (back a stage, or
"not possible", only with a reason, every change kept), and counts the
flows raised and acted on each year."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from impact.factories import ReflectionFlowFactory
from impact.models import ReflectionFlow, ReflectionStatusChange
from impact.selectors import reflection_years_summary, reflections_list
from impact.services import reflection_respond, reflection_status_change
from members.factories import PersonFactory
from members.models import OnBehalfRecord
from notifications.models import Notification
from opportunities.models import Workstream
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

Status = ReflectionFlow.Status
# The demo's staff@ (Tom) asked for input from the evaluation team: it is his.
TEAM = "Evaluation strategy"
SAID = "Papers arrive the night before, too late to read with a screen reader."


@pytest.fixture
def other_staff():
    return PersonFactory(staff=True, email="other.staff@example.org")


@pytest.fixture
def flow():
    """Raised by member@ (Dafydd), about Tom's team, heard, not yet acted on."""
    return ReflectionFlowFactory(
        title="Papers too late",
        workstream=Workstream.objects.get(name=TEAM),
        raised_by=person("member@example.org"),
        you_said=SAID,
        you_said_by="A member of the group",
        we_heard_by=person("staff@example.org"),
        status=Status.IN_PROGRESS,
    )


# Who may open what: member (who raised it), another member, staff of the
# team, other staff, the lead, an administrator, and a visitor.
VIEWERS = [
    "member@example.org",
    "member2@example.org",
    "staff@example.org",
    "other.staff@example.org",
    "lead@example.org",
    "admin@example.org",
    None,
]
EVERY_ROLE = {
    "member@example.org": 200,
    "member2@example.org": 200,
    "staff@example.org": 200,
    "other.staff@example.org": 200,
    "lead@example.org": 200,
    "admin@example.org": 404,
}
MEMBERS_ONLY = {
    "member@example.org": 200,
    "member2@example.org": 200,
    "staff@example.org": 404,
    "other.staff@example.org": 404,
    "lead@example.org": 404,
    "admin@example.org": 404,
}
TEAM_AND_LEAD = {
    "member@example.org": 404,
    "member2@example.org": 404,
    "staff@example.org": 200,
    "other.staff@example.org": 404,
    "lead@example.org": 200,
    "admin@example.org": 404,
}
LEAD_ONLY = dict.fromkeys(EVERY_ROLE, 404) | {"lead@example.org": 200}

PAGES = [
    ("reflections:list", False, EVERY_ROLE),
    ("reflections:detail", True, EVERY_ROLE),
    ("reflections:add", False, MEMBERS_ONLY),
    ("reflections:respond", True, TEAM_AND_LEAD),
    ("reflections:manage", False, LEAD_ONLY),
    ("reflections:manage_add", False, LEAD_ONLY),
    ("reflections:edit", True, LEAD_ONLY),
]


@pytest.mark.parametrize(("name", "about_flow", "expected"), PAGES)
@pytest.mark.parametrize("email", VIEWERS)
def test_who_may_open_each_page(
    client, other_staff, flow, name, about_flow, expected, email
):
    url = reverse(name, args=[flow.pk] if about_flow else [])
    if email is None:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        return
    sign_in(client, email)
    response = client.get(url)
    assert response.status_code == expected[email], email
    if response.status_code == 200 and about_flow:
        assert "Papers too late" in response.content.decode()


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("member@example.org", False),
        ("member2@example.org", False),
        ("staff@example.org", True),
        ("other.staff@example.org", False),
        ("lead@example.org", True),
        ("admin@example.org", False),
    ],
)
def test_only_staff_of_the_team_and_the_lead_answer_a_flow(
    client, other_staff, flow, email, allowed
):
    sign_in(client, email)
    response = client.post(
        reverse("reflections:respond", args=[flow.pk]),
        {
            "we_heard": "You need a week to read papers.",
            "we_heard_on": "",
            "outcome": "",
        },
    )
    flow.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert flow.we_heard == "You need a week to read papers."
        assert flow.we_heard_by == person(email)
        assert flow.we_heard_on == timezone.localdate()
    else:
        assert response.status_code == 404
        assert flow.we_heard == "Papers need to reach members a week before."


def test_a_flow_about_no_team_is_answered_by_the_lead_alone(client, flow):
    flow.workstream = None
    flow.save()
    with pytest.raises(NotAllowed):
        reflection_respond(
            flow=flow, by=person("staff@example.org"), we_heard="Heard", outcome=""
        )
    reflection_respond(
        flow=flow, by=person("lead@example.org"), we_heard="Heard", outcome=""
    )


@pytest.mark.parametrize(
    ("email", "sees_who"),
    [
        ("member@example.org", "You raised this"),
        ("member2@example.org", None),
        ("staff@example.org", None),
        ("lead@example.org", "Raised by Dafydd Pryce"),
    ],
)
def test_only_the_member_and_the_lead_see_who_raised_a_flow(
    client, flow, email, sees_who
):
    sign_in(client, email)
    page = client.get(reverse("reflections:detail", args=[flow.pk])).content.decode()
    assert SAID in page
    assert "A member of the group" in page
    for words in ("You raised this", "Raised by Dafydd Pryce"):
        assert (words in page) == (words == sees_who), (email, words)


def test_the_log_shows_each_stage_dated_and_attributed(client, flow):
    lead = person("lead@example.org")
    reflection_status_change(flow=flow, to=Status.DONE, by=lead)
    flow.we_propose, flow.we_propose_on, flow.we_propose_by = (
        "Send papers a week ahead, in Easy Read if asked.",
        date(2023, 4, 2),
        lead,
    )
    flow.outcome, flow.outcome_on = (
        "Papers now go out eight days before.",
        date(2023, 6, 1),
    )
    flow.outcome_by = person("staff@example.org")
    flow.save()
    sign_in(client, "member2@example.org")
    page = client.get(reverse("reflections:list")).content.decode()
    year = flow.year_raised
    for words in [
        f"A member of the group, 1 March {year}",
        f"Tom Whitlock, 15 March {year}",
        "Morwenna Hale, 2 April 2023",
        "Tom Whitlock, 1 June 2023",
        "Papers now go out eight days before.",
        "Done",
    ]:
        assert words in page


# Members propose ------------------------------------------------------------------


def test_a_member_proposes_and_the_lead_is_told(client):
    sign_in(client, "member2@example.org")
    response = client.post(
        reverse("reflections:add"),
        {
            "title": "Breaks in long meetings",
            "you_said": "Two hours without a break is too long for me.",
            "workstream": "",
            "show_name": "on",
        },
    )
    flow = ReflectionFlow.objects.get(title="Breaks in long meetings")
    assert response["Location"] == reverse("reflections:detail", args=[flow.pk])
    assert flow.status == Status.PROPOSED
    assert flow.raised_by == person("member2@example.org")
    assert flow.you_said_by == "Niamh Rafferty"
    assert (flow.year_raised, flow.you_said_on) == (
        timezone.localdate().year,
        timezone.localdate(),
    )
    told = Notification.objects.get(dedupe_key=f"reflection-proposed:{flow.pk}")
    assert told.recipient == person("lead@example.org")


def test_a_proposal_without_words_is_refused_next_to_the_field_and_kept(client):
    sign_in(client, "member@example.org")
    response = client.post(
        reverse("reflections:add"), {"title": "Breaks in long meetings", "you_said": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write what you would like them to hear." in page
    assert 'value="Breaks in long meetings"' in page
    assert not ReflectionFlow.objects.filter(title="Breaks in long meetings").exists()


def test_a_supporter_proposes_for_the_member_they_act_for(client):
    member = act_for(client, "supporter@example.org", "member2@example.org")
    response = client.get(reverse("reflections:add"))
    assert "What Niamh would like the organisation to hear" in response.content.decode()
    client.post(
        reverse("reflections:add"),
        {"title": "Step-free venues", "you_said": "The last venue had steps."},
    )
    flow = ReflectionFlow.objects.get(title="Step-free venues")
    assert flow.raised_by == member
    assert flow.you_said_by == "A member of the group"
    assert OnBehalfRecord.objects.filter(
        member=member, action__contains="Step-free venues"
    ).exists()


def test_a_supporter_not_acting_for_anyone_does_not_read_the_log(client):
    sign_in(client, "supporter@example.org")
    assert client.get(reverse("reflections:list")).status_code == 404


# The lead: status with reasons, every change kept ------------------------------------


def lead_post(flow, **changes):
    data = {
        "title": flow.title,
        "year_raised": flow.year_raised,
        "workstream": flow.workstream_id or "",
        "meeting": "",
        "you_said": flow.you_said,
        "you_said_on": flow.you_said_on.isoformat(),
        "you_said_by": flow.you_said_by,
        "we_propose": "Papers go out a week before every meeting.",
        "we_propose_on": "",
        "status": flow.status,
        "status_reason": "",
    }
    return data | changes


def test_moving_back_without_a_reason_is_refused_and_what_was_typed_kept(client, flow):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("reflections:edit", args=[flow.pk]),
        lead_post(flow, title="Papers far too late", status=Status.ENDORSED),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say why it goes back from “In progress” to “Endorsed”." in page
    # The message sits with the reason's field, and what was typed is kept.
    form = response.context["form"]
    assert form.errors["status_reason"]
    assert 'value="Papers far too late"' in page
    assert "Papers go out a week before every meeting." in page
    flow.refresh_from_db()
    assert (flow.title, flow.status, flow.we_propose) == (
        "Papers too late",
        Status.IN_PROGRESS,
        "",
    )
    assert not flow.status_changes.exists()


def test_moving_back_with_a_reason_is_kept_with_who_when_from_and_to(client, flow):
    lead = sign_in(client, "lead@example.org")
    response = client.post(
        reverse("reflections:edit", args=[flow.pk]),
        lead_post(
            flow,
            status=Status.ENDORSED,
            status_reason="The new printer is not here yet.",
        ),
    )
    assert response.status_code == 302
    flow.refresh_from_db()
    assert flow.status == Status.ENDORSED
    assert flow.status_reason == "The new printer is not here yet."
    assert (flow.we_propose, flow.we_propose_by, flow.we_propose_on) == (
        "Papers go out a week before every meeting.",
        lead,
        timezone.localdate(),
    )
    change = flow.status_changes.get()
    assert (change.from_status, change.to_status, change.reason, change.by) == (
        Status.IN_PROGRESS,
        Status.ENDORSED,
        "The new printer is not here yet.",
        lead,
    )
    page = client.get(reverse("reflections:detail", args=[flow.pk])).content.decode()
    assert "The new printer is not here yet." in page
    assert "Morwenna Hale" in page


def test_not_possible_needs_a_reason(client, flow):
    sign_in(client, "lead@example.org")
    url = reverse("reflections:edit", args=[flow.pk])
    refused = client.post(url, lead_post(flow, status=Status.NOT_POSSIBLE))
    assert refused.status_code == 400
    assert "Say why it is not possible" in refused.content.decode()
    client.post(
        url,
        lead_post(
            flow, status=Status.NOT_POSSIBLE, status_reason="The budget went elsewhere."
        ),
    )
    flow.refresh_from_db()
    assert flow.is_not_possible
    # Reopening it goes back, so needs a reason too.
    with pytest.raises(NotAllowed):
        reflection_status_change(
            flow=flow, to=Status.ENDORSED, by=person("lead@example.org")
        )


def test_forward_needs_no_reason_and_every_change_is_kept(flow):
    lead = person("lead@example.org")
    reflection_status_change(flow=flow, to=Status.DONE, by=lead)
    reflection_status_change(flow=flow, to=Status.DONE, by=lead)  # no change
    assert list(flow.status_changes.values_list("from_status", "to_status")) == [
        (Status.IN_PROGRESS, Status.DONE)
    ]
    told = Notification.objects.get(
        recipient=person("member@example.org"),
        subject__startswith="Your reflection is now",
    )
    assert "done" in told.subject


def test_only_the_lead_changes_a_status(flow):
    with pytest.raises(NotAllowed):
        reflection_status_change(
            flow=flow, to=Status.DONE, by=person("staff@example.org")
        )
    assert not ReflectionStatusChange.objects.filter(flow=flow).exists()


def test_the_lead_adds_a_flow_from_a_meeting(client):
    sign_in(client, "lead@example.org")
    data = lead_post(
        ReflectionFlow(
            title="Feedback after each piece of work",
            year_raised=2023,
            you_said="We rarely hear what happened to our advice.",
            you_said_on=date(2023, 6, 13),
            you_said_by="Members at meeting 2",
            status=Status.ENDORSED,
        )
    )
    response = client.post(reverse("reflections:manage_add"), data)
    flow = ReflectionFlow.objects.get(title="Feedback after each piece of work")
    assert response.status_code == 302
    assert flow.status == Status.ENDORSED
    assert list(flow.status_changes.values_list("from_status", "to_status")) == [
        (Status.PROPOSED, Status.ENDORSED)
    ]


def test_a_new_flow_refused_for_want_of_a_reason_is_not_saved(client):
    sign_in(client, "lead@example.org")
    data = lead_post(
        ReflectionFlow(
            title="Not to be saved",
            year_raised=2023,
            you_said="Something.",
            you_said_on=date(2023, 6, 13),
            status=Status.NOT_POSSIBLE,
        )
    )
    response = client.post(reverse("reflections:manage_add"), data)
    assert response.status_code == 400
    assert 'value="Not to be saved"' in response.content.decode()
    assert not ReflectionFlow.objects.filter(title="Not to be saved").exists()


# Counting by year -----------------------------------------------------------------


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def test_a_year_counts_new_flows_and_those_carried_over():
    ReflectionFlow.objects.all().delete()
    lead = person("lead@example.org")
    # Raised in 2022 and done that year: not carried into 2023.
    finished = ReflectionFlowFactory(year_raised=2022)
    reflection_status_change(
        flow=finished, to=Status.DONE, by=lead, at=_at(date(2022, 11, 1))
    )
    # Raised in 2022, done in 2023: carried over, acted on in both years' ends?
    # By the end of 2022 it was only endorsed.
    late = ReflectionFlowFactory(year_raised=2022)
    reflection_status_change(
        flow=late, to=Status.ENDORSED, by=lead, at=_at(date(2022, 6, 1))
    )
    reflection_status_change(
        flow=late, to=Status.DONE, by=lead, at=_at(date(2023, 3, 1))
    )
    # Raised in 2022, still open: carried over.
    ReflectionFlowFactory(year_raised=2022)
    # Two new in 2023, one acted on, one not possible.
    acted = ReflectionFlowFactory(year_raised=2023)
    reflection_status_change(
        flow=acted, to=Status.IN_PROGRESS, by=lead, at=_at(date(2023, 5, 1))
    )
    refused = ReflectionFlowFactory(year_raised=2023)
    reflection_status_change(
        flow=refused,
        to=Status.NOT_POSSIBLE,
        by=lead,
        reason="No budget",
        at=_at(date(2023, 7, 1)),
    )
    y2022, y2023 = reflection_years_summary(years=[2022, 2023])
    assert (y2022.flows, y2022.new, y2022.acted_on) == (3, 3, 1)
    assert (y2023.flows, y2023.new, y2023.acted_on, y2023.not_possible) == (4, 2, 2, 1)
    assert y2023.in_words == "4 (2 new)"
    assert y2023.carried_over == 2
    # The log's year lists the same flows.
    assert set(reflections_list(year=2023)) == {late, acted, refused} | set(
        ReflectionFlow.objects.filter(year_raised=2022, status=Status.PROPOSED)
    )


def test_the_lead_reads_the_years_in_a_table(client):
    ReflectionFlowFactory(year_raised=2023)
    sign_in(client, "lead@example.org")
    page = client.get(reverse("reflections:manage")).content.decode()
    assert "Flows raised and acted on, each year" in page
    for row in reflection_years_summary(years=[2023]):
        assert f"<td>{row.in_words}</td>" in page


def test_the_log_and_the_lead_s_pages_ask_the_same_number_of_queries_for_more_flows(
    client,
):
    sign_in(client, "lead@example.org")
    urls = [
        reverse("reflections:list"),
        reverse("reflections:list") + f"?year={timezone.localdate().year}",
        reverse("reflections:manage"),
    ]

    def measured(url):
        client.get(url)  # the site's own lookups, read again after a change
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode().count("More flow")

    ReflectionFlowFactory(title="More flow 0")
    before = [measured(url) for url in urls]
    lead = person("lead@example.org")
    for number in range(1, 6):
        more = ReflectionFlowFactory(
            title=f"More flow {number}",
            raised_by=person("member@example.org"),
            we_propose="Something",
            we_propose_by=lead,
            outcome="Something",
            outcome_by=person("staff@example.org"),
        )
        reflection_status_change(flow=more, to=Status.DONE, by=lead)
    for url, (queries, shown) in zip(urls, before, strict=True):
        after_queries, after_shown = measured(url)
        assert after_queries == queries, url
        assert after_shown > shown, url


# The demo -------------------------------------------------------------------------


def test_the_demo_has_eleven_flows_in_2023_four_of_them_new(client):
    y2022, y2023 = reflection_years_summary(years=[2022, 2023])
    assert y2022.in_words == "7 (7 new)"
    assert y2023.in_words == "11 (4 new)"
    assert ReflectionFlow.objects.count() == 11
    sign_in(client, "lead@example.org")
    page = client.get(reverse("reflections:manage")).content.decode()
    assert "<td>11 (4 new)</td>" in page
    page = client.get(reverse("reflections:list") + "?year=2023").content.decode()
    assert "11 (4 new) flows in 2023" in page
    assert page.count("(new in 2023)") == 4


def test_the_demo_s_changes_are_recorded_by_the_demo_staff_member():
    from impact.models import Change

    changes = Change.objects.all()
    assert changes.count() >= 3
    assert {change.recorded_by for change in changes} == {person("staff@example.org")}
    assert any(change.has_publishable_quote for change in changes)
    assert not all(change.may_publish for change in changes)


@pytest.mark.parametrize(
    ("email", "name", "about"),
    [
        ("member@example.org", "reflections:list", None),
        ("member@example.org", "reflections:detail", "flow"),
        ("member@example.org", "reflections:add", None),
        ("staff@example.org", "reflections:respond", "flow"),
        ("lead@example.org", "reflections:manage", None),
        ("lead@example.org", "reflections:manage_add", None),
        ("lead@example.org", "reflections:edit", "flow"),
        ("member@example.org", "changes:list", None),
        ("staff@example.org", "changes:list", None),
        ("lead@example.org", "changes:list", None),
        ("staff@example.org", "changes:add", None),
        ("staff@example.org", "changes:edit", "change"),
    ],
)
def test_each_page_runs_at_most_15_statements(client, email, name, about):
    """The members' area's limit (README: "Signed-in pages")."""
    from impact.models import Change

    targets = {
        "flow": lambda: ReflectionFlow.objects.get(
            title="Hearing what happened to our advice"
        ),
        "change": lambda: Change.objects.filter(recorded_by__email=email).first(),
    }
    url = reverse(name, args=[targets[about]().pk] if about else [])
    sign_in(client, email)
    client.get(url)  # the site's own lookups, read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) <= 15, [query["sql"][:80] for query in queries]


# A person's own information --------------------------------------------------------


def test_a_member_s_download_holds_the_reflections_they_raised(client):
    from core.exports import person_parts

    member = person("member@example.org")
    ReflectionFlowFactory(title="Quiet room at events", raised_by=member)
    ReflectionFlowFactory(
        title="Someone else's", raised_by=person("member2@example.org")
    )
    part = next(p for p in person_parts(person=member) if p.key == "impact")
    titles = [flow["title"] for flow in part.data["reflections you raised"]]
    assert titles == ["Quiet room at events"]


def test_anonymising_takes_their_name_out_of_the_log():
    from core.exports import Anonymising, person_anonymise_everywhere

    member = person("member@example.org")
    flow = ReflectionFlowFactory(
        raised_by=member, you_said_by="Dafydd Pryce", status_reason="Dafydd agreed"
    )
    person_anonymise_everywhere(
        anonymising=Anonymising(
            person=member,
            by=person("lead@example.org"),
            new_name="Former member 9",
            new_email="former-9@invalid",
            old_email=member.email,
            old_names=("Dafydd Pryce", "Dafydd"),
        )
    )
    flow.refresh_from_db()
    assert (flow.you_said_by, flow.status_reason) == (
        "Former member 9",
        "Former member 9 agreed",
    )
