"""The engagement lead's opportunity screens (create, edit, open, cancel,
select) and engagement requests from staff (issue 8, lines 1, 2, 4 and 9)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from members import roles
from members.models import User
from notifications.models import Notification
from opportunities.factories import OpportunityFactory
from opportunities.models import EngagementRequest, Opportunity, SignUp, Workstream
from opportunities.services import (
    REQUEST_TRANSITIONS,
    request_accept,
    request_answer,
    request_ask,
    request_decline,
    sign_up_create,
)
from tests.people import person, sign_in

pytestmark = pytest.mark.django_db

S = Opportunity.Status
R = EngagementRequest.Status


def opportunity_post(**changes):
    """A complete create form: one session filled in, one left empty."""
    day = timezone.localdate() + timedelta(days=30)
    data = {
        "title": "Test our new website",
        "summary": "Try the new pages with a screen reader and tell us what trips you.",
        "kind": "one_off",
        "workstream": Workstream.objects.get_or_create(name="Website")[0].pk,
        "fee_basis": "per_hour",
        "fee_rate": "25.00",
        "hours_per_session": "2",
        "places": "3",
        "closes_on": (day - timedelta(days=10)).isoformat(),
        "mode": "online",
        "location": "",
        "travel_policy": "",
        "selection": "lead_selects",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "sessions-0-day": day.isoformat(),
        "sessions-0-starts": "10:00",
        "sessions-0-ends": "12:00",
        "sessions-0-where": "Video call: the link comes by email",
        "sessions-1-day": "",
        "sessions-1-starts": "",
        "sessions-1-ends": "",
        "sessions-1-where": "",
    }
    data.update(changes)
    return data


# Creating and editing --------------------------------------------------------------


def test_the_lead_creates_an_opportunity_with_its_sessions(client, demo_site):
    lead = sign_in(client, "lead@example.org")
    response = client.post(reverse("opportunities:add"), opportunity_post())
    opportunity = Opportunity.objects.get(title="Test our new website")
    assert response.url == reverse("opportunities:manage", args=[opportunity.pk])
    assert opportunity.status == S.DRAFT
    assert opportunity.created_by == lead
    session = opportunity.sessions.get()
    assert timezone.localtime(session.starts_at).hour == 10
    assert opportunity.total_fee() == 50
    page = client.get(response.url).content.decode()
    assert "£50.00 for each person" in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fee_rate", "-5", "greater than or equal to 0"),
        ("fee_rate", "100000", "less than or equal to 9999.99"),
        ("hours_per_session", "40", "less than or equal to 12"),
        ("places", "0", "greater than or equal to 1"),
        ("places", "500", "less than or equal to 50"),
        ("sessions-0-ends", "09:00", "The end time is not after the start time"),
        ("mode", "in_person", "Enter where it takes place"),
    ],
)
def test_absurd_input_is_refused_next_to_the_field_and_the_rest_kept(
    client, demo_site, field, value, message
):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("opportunities:add"), opportunity_post(**{field: value})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert page.count("There is a problem") == 1
    assert "Try the new pages with a screen reader" in page  # kept
    assert not Opportunity.objects.filter(title="Test our new website").exists()


def test_the_fee_is_fixed_once_people_can_sign_up(client, demo_site):
    opportunity = OpportunityFactory(status=S.OPEN)
    sign_in(client, "lead@example.org")
    session = opportunity.sessions.first()
    starts = timezone.localtime(session.starts_at)
    data = opportunity_post(
        title=opportunity.title,
        fee_rate="99.00",
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-0-id": str(session.pk),
            "sessions-0-opportunity": str(opportunity.pk),
            "sessions-0-day": starts.date().isoformat(),
        },
    )
    client.post(reverse("opportunities:edit", args=[opportunity.pk]), data)
    opportunity.refresh_from_db()
    assert opportunity.fee_rate == 25  # unchanged: members signed up knowing it
    assert opportunity.places == 3  # the rest did change
    page = client.get(reverse("opportunities:edit", args=[opportunity.pk]))
    assert "Fixed: people signed up knowing this fee." in page.content.decode()


# Moving through the states ----------------------------------------------------------


def test_opening_an_opportunity_tells_every_member(client, demo_site):
    opportunity = OpportunityFactory(status=S.DRAFT, title="Plan the Away Day")
    sign_in(client, "lead@example.org")
    client.post(reverse("opportunities:move", args=[opportunity.pk]), {"to": "open"})
    opportunity.refresh_from_db()
    assert opportunity.status == S.OPEN
    told = set(
        Notification.objects.filter(
            dedupe_key=f"opportunity-opened:{opportunity.pk}"
        ).values_list("recipient__email", flat=True)
    )
    assert {"member@example.org", "member2@example.org"} <= told
    assert "staff@example.org" not in told
    # An English reader's (the demo has a member who reads in Welsh).
    note = Notification.objects.get(
        dedupe_key=f"opportunity-opened:{opportunity.pk}",
        recipient__email="member@example.org",
    )
    assert "You would earn £125.00 in all" in note.body


def test_a_refused_move_says_why(client, demo_site):
    opportunity = OpportunityFactory(status=S.DRAFT, sessions=0)
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("opportunities:move", args=[opportunity.pk]),
        {"to": "open"},
        follow=True,
    )
    assert "Add at least one session" in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.status == S.DRAFT


def test_cancelling_asks_first_then_tells_those_signed_up(client, demo_site):
    opportunity = OpportunityFactory(title="Evaluation panel")
    sign_up_create(opportunity=opportunity, member=person())
    sign_in(client, "lead@example.org")
    url = reverse("opportunities:move", args=[opportunity.pk])
    question = client.get(url, {"to": "cancelled"})
    assert "Everyone who has signed up will be told" in question.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.status == S.OPEN  # asking changes nothing
    client.post(url, {"to": "cancelled"})
    opportunity.refresh_from_db()
    assert opportunity.status == S.CANCELLED
    assert (
        Notification.objects.get(
            dedupe_key=f"opportunity-cancelled:{opportunity.pk}"
        ).recipient
        == person()
    )


# The selection screen ------------------------------------------------------------


def test_the_lead_selects_on_the_selection_screen(client, demo_site):
    opportunity = OpportunityFactory(places=1, title="Recruitment panel")
    first = sign_up_create(
        opportunity=opportunity, member=person(), support_needs="ramp"
    )
    second = sign_up_create(
        opportunity=opportunity, member=person("member2@example.org")
    )
    opportunity.status = S.CLOSED
    opportunity.save()
    sign_in(client, "lead@example.org")
    manage = client.get(reverse("opportunities:manage", args=[opportunity.pk]))
    assert "ramp" in manage.content.decode()  # the lead sees the needs
    url = reverse("opportunities:selection", args=[opportunity.pk])
    form = client.get(url).content.decode()
    assert f'value="{first.pk}"' in form and f'value="{second.pk}"' in form

    too_many = client.post(url, {"chosen": [first.pk, second.pk], "reason": "Both"})
    assert too_many.status_code == 400
    assert "There are 1 places: choose at most 1 people." in too_many.content.decode()
    assert "Both" in too_many.content.decode()  # the reason typed is kept

    client.post(url, {"chosen": [second.pk], "reason": "Lived experience of panels"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (
        SignUp.Status.NOT_SELECTED,
        SignUp.Status.SELECTED,
    )
    opportunity.refresh_from_db()
    assert opportunity.status == S.SELECTED


def test_first_come_first_served_is_confirmed_with_the_first_people_ticked(
    client, demo_site
):
    opportunity = OpportunityFactory(places=1, selection="first_come")
    first = sign_up_create(opportunity=opportunity, member=person())
    waiting = sign_up_create(
        opportunity=opportunity, member=person("member2@example.org")
    )
    opportunity.status = S.CLOSED
    opportunity.save()
    sign_in(client, "lead@example.org")
    url = reverse("opportunities:selection", args=[opportunity.pk])
    form = client.get(url).content.decode()
    assert "Confirm first come, first served" in form
    assert re.search(rf'value="{first.pk}"[^>]*checked', form)
    assert not re.search(rf'value="{waiting.pk}"[^>]*checked', form)
    assert "First come, first served: the first 1 people" in form
    client.post(url, {"chosen": [first.pk], "reason": "First come, first served"})
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.NOT_SELECTED


def test_the_selection_screen_waits_until_sign_up_closes(client, demo_site):
    opportunity = OpportunityFactory()
    sign_in(client, "lead@example.org")
    response = client.get(
        reverse("opportunities:selection", args=[opportunity.pk]), follow=True
    )
    assert "Close sign-up before making the selection" in response.content.decode()


@pytest.mark.parametrize(
    "name",
    ["manage_list", "add", "manage", "edit", "selection"],
)
@pytest.mark.parametrize(
    "email",
    ["member@example.org", "staff@example.org", "admin@example.org"],
)
def test_only_the_lead_manages_opportunities(client, demo_site, name, email):
    opportunity = OpportunityFactory(status=S.CLOSED)
    sign_in(client, email)
    args = [] if name in ("manage_list", "add") else [opportunity.pk]
    assert client.get(reverse(f"opportunities:{name}", args=args)).status_code == 404
    moved = client.post(
        reverse("opportunities:move", args=[opportunity.pk]), {"to": "cancelled"}
    )
    assert moved.status_code == 404
    opportunity.refresh_from_db()
    assert opportunity.status == S.CLOSED


# Engagement requests ----------------------------------------------------------------


def request_post(**changes):
    today = timezone.localdate()
    data = {
        "title": "Help us plan the Staff Away Day",
        "description": "We would like two members to co-design a session on "
        "co-production for all staff.",
        "workstream": Workstream.objects.get_or_create(name="Embedding")[0].pk,
        "kind": "short_term",
        "starts_on": (today + timedelta(days=20)).isoformat(),
        "ends_on": (today + timedelta(days=50)).isoformat(),
        "expected_hours": "6",
        "budget": "600.00",
        "accessibility_offered": "Papers two weeks ahead; taxis booked for you.",
    }
    data.update(changes)
    return data


def made_by_staff(**changes) -> EngagementRequest:
    staff = User.objects.get(email="staff@example.org")
    fields = request_post(**changes)
    fields["workstream"] = Workstream.objects.get(pk=fields["workstream"])
    return EngagementRequest.objects.create(requested_by=staff, **fields)


def test_staff_ask_for_input_and_the_lead_is_told(client, demo_site):
    staff = sign_in(client, "staff@example.org")
    response = client.post(reverse("opportunities:request_add"), request_post())
    made = EngagementRequest.objects.get(title="Help us plan the Staff Away Day")
    assert response.url == reverse("opportunities:request", args=[made.pk])
    assert made.requested_by == staff and made.status == R.SUBMITTED
    note = Notification.objects.get(dedupe_key=f"request-submitted:{made.pk}")
    assert note.recipient.email == "lead@example.org"
    assert (
        "Help us plan the Staff Away Day"
        in client.get(reverse("opportunities:requests")).content.decode()
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("expected_hours", "-1", "greater than or equal to 0.25"),
        ("budget", "-50", "greater than or equal to 0"),
        ("starts_on", "2020-01-01", "The start date is in the past"),
        ("ends_on", "2000-01-01", "The end date is before the start date"),
        ("kind", "", "This field is required"),
    ],
)
def test_a_bad_request_is_refused_next_to_the_field_and_kept(
    client, demo_site, field, value, message
):
    sign_in(client, "staff@example.org")
    response = client.post(
        reverse("opportunities:request_add"), request_post(**{field: value})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "co-design a session on co-production" in page
    assert not EngagementRequest.objects.filter(
        title="Help us plan the Staff Away Day"
    ).exists()


def test_a_question_goes_to_the_requester_and_the_answer_back(client, demo_site):
    made = made_by_staff()
    sign_in(client, "lead@example.org")
    url = reverse("opportunities:request_decide", args=[made.pk, "question"])
    empty = client.post(url, {"question-message": ""})
    assert "Write the question you would like answered." in empty.content.decode()
    assert empty.status_code == 400
    client.post(url, {"question-message": "Which dates are fixed?"})
    made.refresh_from_db()
    assert made.status == R.QUESTION
    asked = Notification.objects.get(
        dedupe_key__startswith=f"request-question:{made.pk}"
    )
    assert asked.recipient.email == "staff@example.org"
    assert asked.body == "Which dates are fixed?"

    sign_in(client, "staff@example.org")
    page = client.get(reverse("opportunities:request", args=[made.pk]))
    assert "Which dates are fixed?" in page.content.decode()
    client.post(
        reverse("opportunities:request_decide", args=[made.pk, "answer"]),
        {"answer-message": "The 12th is fixed."},
    )
    made.refresh_from_db()
    assert (made.status, made.reply) == (R.SUBMITTED, "The 12th is fixed.")
    assert Notification.objects.filter(
        dedupe_key__startswith=f"request-answered:{made.pk}",
        recipient__email="lead@example.org",
    ).exists()


def test_accepting_turns_a_request_into_a_draft_opportunity(client, demo_site):
    made = made_by_staff()
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("opportunities:request_decide", args=[made.pk, "accept"])
    )
    opportunity = Opportunity.objects.get(request=made)
    assert response.url == reverse("opportunities:edit", args=[opportunity.pk])
    assert opportunity.status == S.DRAFT
    assert opportunity.title == made.title
    assert opportunity.kind == "short_term"
    assert "taxis booked" in opportunity.travel_policy
    told = Notification.objects.get(dedupe_key=f"request-accepted:{made.pk}")
    assert told.recipient.email == "staff@example.org"


def test_declining_needs_a_reason_and_tells_the_requester(client, demo_site):
    made = made_by_staff()
    sign_in(client, "lead@example.org")
    url = reverse("opportunities:request_decide", args=[made.pk, "decline"])
    refused = client.post(url, {"decline-message": "  "})
    assert refused.status_code == 400
    assert "Write the reason for declining." in refused.content.decode()
    made.refresh_from_db()
    assert made.status == R.SUBMITTED
    client.post(url, {"decline-message": "The group is full that month."})
    made.refresh_from_db()
    assert made.status == R.DECLINED
    told = Notification.objects.get(dedupe_key=f"request-declined:{made.pk}")
    assert told.body == "The group is full that month."


REQUEST_PAIRS = [(a, b) for a in R for b in R if a != b]
MOVES = {
    R.ACCEPTED: lambda made, lead: request_accept(request=made, by=lead),
    R.QUESTION: lambda made, lead: request_ask(request=made, by=lead, message="Why?"),
    R.DECLINED: lambda made, lead: request_decline(request=made, by=lead, message="No"),
    R.SUBMITTED: lambda made, lead: request_answer(
        request=made, by=made.requested_by, message="Because"
    ),
}


@pytest.mark.parametrize(("start", "end"), REQUEST_PAIRS)
def test_every_request_change_is_allowed_or_refused(demo_site, start, end):
    made = made_by_staff(status=start)
    lead = User.objects.get(email="lead@example.org")
    if end in REQUEST_TRANSITIONS[start]:
        MOVES[end](made, lead)
        made.refresh_from_db()
        assert made.status == end
    else:
        with pytest.raises(NotAllowed, match="cannot become"):
            MOVES[end](made, lead)
        made.refresh_from_db()
        assert made.status == start


def test_staff_see_only_their_own_requests(client, demo_site):
    mine = made_by_staff()
    other = User.objects.create_user(email="other.staff@example.org", password="x")
    other.groups.add(Group.objects.get(name=roles.STAFF))
    theirs = EngagementRequest.objects.create(
        requested_by=other,
        **{
            **request_post(title="Someone else's request"),
            "workstream": mine.workstream,
        },
    )
    sign_in(client, "staff@example.org")
    listing = client.get(reverse("opportunities:requests")).content.decode()
    assert mine.title in listing and "Someone else" not in listing
    assert (
        client.get(reverse("opportunities:request", args=[theirs.pk])).status_code
        == 404
    )
    # Staff cannot decide, not even on their own request.
    client.post(reverse("opportunities:request_decide", args=[mine.pk, "accept"]))
    client.post(
        reverse("opportunities:request_decide", args=[mine.pk, "decline"]),
        {"decline-message": "No"},
    )
    mine.refresh_from_db()
    assert mine.status == R.SUBMITTED


@pytest.mark.parametrize("email", ["member@example.org", "admin@example.org"])
def test_requests_are_for_staff_and_the_lead(client, demo_site, email):
    made = made_by_staff()
    sign_in(client, email)
    for url in (
        reverse("opportunities:requests"),
        reverse("opportunities:request_add"),
        reverse("opportunities:request", args=[made.pk]),
    ):
        assert client.get(url).status_code == 404


def test_the_lead_sees_every_request_and_only_the_lead_answers_nothing(
    client, demo_site
):
    made = made_by_staff(status=R.QUESTION)
    sign_in(client, "lead@example.org")
    assert made.title in client.get(reverse("opportunities:requests")).content.decode()
    # Answering is for the requester; the lead gets 404.
    response = client.post(
        reverse("opportunities:request_decide", args=[made.pk, "answer"]),
        {"answer-message": "Pretending"},
    )
    assert response.status_code == 404


def test_the_lead_keeps_the_workstreams_in_the_admin(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("wagtailsnippets_opportunities_workstream:add"),
        {"name": "Policy roundtables"},
    )
    assert response.status_code == 302
    sign_in(client, "staff@example.org")
    form = client.get(reverse("opportunities:request_add")).content.decode()
    assert "Policy roundtables" in form
    denied = client.get(reverse("wagtailsnippets_opportunities_workstream:add"))
    assert denied.status_code in (302, 403)


def test_dashboards_show_requests_to_the_lead_and_to_the_requester(client, demo_site):
    made = made_by_staff(status=R.QUESTION, lead_message="When?")
    sign_in(client, "staff@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    assert "Your requests for the group" in page
    assert f"{made.title}</a>: the lead has a question" in page
    made_by_staff(title="Another request")
    sign_in(client, "lead@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    waiting = EngagementRequest.objects.filter(status=R.SUBMITTED).count()
    assert f"{waiting} requests for the group's input waiting for your" in page


def test_a_member_s_needs_for_an_opportunity_are_seen_by_them_and_the_lead_only(
    client, demo_site
):
    opportunity = OpportunityFactory(title="Film panel")
    sign_up_create(
        opportunity=opportunity,
        member=person("member2@example.org"),
        support_needs="A hearing loop, please",
        note="I can only do mornings",
    )
    detail = reverse("opportunities:detail", args=[opportunity.pk])
    manage = reverse("opportunities:manage", args=[opportunity.pk])
    pages = [detail, reverse("opportunities:list"), reverse("intranet:home")]

    sign_in(client, "member2@example.org")
    assert "A hearing loop, please" in client.get(detail).content.decode()
    sign_in(client, "lead@example.org")
    shown = client.get(manage).content.decode()
    assert "A hearing loop, please" in shown and "I can only do mornings" in shown

    sign_in(client, "member@example.org")
    for url in pages:
        page = client.get(url).content.decode()
        assert "hearing loop" not in page and "only do mornings" not in page
    assert client.get(manage).status_code == 404
    for email in ("staff@example.org", "admin@example.org"):
        sign_in(client, email)
        assert client.get(detail).status_code == 404
        assert client.get(manage).status_code == 404
        figures = client.get(reverse("figures:figures")).content.decode()
        assert "hearing loop" not in figures
