"""Domain words live in the models, not in templates: a template asks
`claim.is_paid`, never `claim.status == "paid"`. Each question a record
answers about its own state is tested here, for every state it can be in."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loaders.app_directories import get_app_template_dirs

from library.models import ResourcePage
from members.factories import UserFactory
from members.models import Profile
from members.roles import ENGAGEMENT_LEADS
from opportunities.factories import (
    EngagementRequestFactory,
    OpportunityFactory,
    SignUpFactory,
)
from opportunities.models import EngagementRequest, Opportunity, SignUp
from payments.factories import AdvanceArrangementFactory, ClaimFactory
from payments.models import AdvanceArrangement, Claim
from payments.selectors import claim_latest_query, claims_waiting
from payments.services import claim_query, claim_resubmit

# The fields whose values are domain words.
FIELDS = r"(?:status|state|kind|decision|selection|role|resource_type)"
LITERAL = r"""(?:"[^"]*"|'[^']*')"""
OPERATOR = r"(?:==|!=|\bnot in\b|\bin\b)"
FILTERS = r"(?:\|[\w:]+(?:" + LITERAL + r")?)*"
COMPARISON = re.compile(
    rf"\.{FIELDS}\b{FILTERS}\s*{OPERATOR}\s*{LITERAL}"
    rf"|{LITERAL}\s*{OPERATOR}\s*[\w.]+\.{FIELDS}\b"
)
TAG = re.compile(r"{%.*?%}", re.DOTALL)


def literal_comparisons(source: str) -> list[str]:
    """The template tags in `source` that compare a domain field to a literal."""
    return [tag for tag in TAG.findall(source) if COMPARISON.search(tag)]


def project_templates() -> list[Path]:
    """The project's own templates: the site's folder and each app's."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [
        Path(folder).resolve()
        for engine in settings.TEMPLATES
        for folder in engine.get("DIRS", [])
    ] + [Path(folder).resolve() for folder in get_app_template_dirs("templates")]
    return sorted(
        path
        for folder in folders
        if folder == base / "templates" or folder.parent.parent == base
        for path in folder.glob("**/*.html")
    )


@pytest.mark.parametrize(
    "source",
    [
        '{% if claim.status == "paid" %}',
        "{% if claim.status != 'paid' %}",
        '{% elif opportunity.status == "open" %}',
        '{% if entry.status in "selected offered" %}',
        '{% if entry.status not in "withdrawn" %}',
        '{% if row.sign_up.claim.status|lower == "paid" %}',
        '{% if "paid" == claim.status %}',
        '{% if email.state == "failed" %}',
        '{% if story.kind == "video" %}',
        '{% if made.decision == "accept" %}',
        '{% if opportunity.selection == "first_come" %}',
        '{% if is_lead and\n    claim.status == "queried" %}',
    ],
)
def test_the_check_finds_a_status_compared_with_a_word(source):
    assert literal_comparisons(source) == [source]


@pytest.mark.parametrize(
    "source",
    [
        "{% if claim.is_paid %}",
        "{{ claim.get_status_display }}",
        '{% if scope == "sign_in" %}',
        '{% include "components/filter_links.html" with name="kind" %}',
        '<track kind="captions"> {% if claim.status_note %}',
        '<p>The status == "paid" is not in a tag.</p>',
    ],
)
def test_the_check_leaves_other_words_alone(source):
    assert literal_comparisons(source) == []


def test_the_check_reads_every_template_of_the_project():
    names = {
        str(path.relative_to(Path(settings.BASE_DIR).resolve()))
        for path in project_templates()
    }
    assert "templates/base.html" in names
    assert "payments/templates/payments/claim.html" in names
    assert "opportunities/templates/opportunities/detail.html" in names


def test_no_template_compares_a_status_with_a_word():
    base = Path(settings.BASE_DIR).resolve()
    found = [
        f"{path.relative_to(base)}: {tag}"
        for path in project_templates()
        for tag in literal_comparisons(path.read_text())
    ]
    assert found == [], (
        "Ask the model (claim.is_paid) or a selector, not the status's value:\n"
        + "\n".join(found)
    )


# What each record answers about its own state --------------------------------


def answers(record, questions: dict) -> set[str]:
    return {name for name in questions if getattr(record, name)}


def expected(status, questions: dict) -> set[str]:
    return {name for name, when in questions.items() if status in when}


C = Claim.Status
CLAIM_QUESTIONS = {
    "is_submitted": {C.SUBMITTED},
    "is_queried": {C.QUERIED},
    "is_approved": {C.APPROVED},
    "is_paid": {C.PAID},
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", Claim.Status)
def test_a_claim_says_what_state_it_is_in(status):
    claim = ClaimFactory(status=status)
    assert answers(claim, CLAIM_QUESTIONS) == expected(status, CLAIM_QUESTIONS)


def test_a_paid_claim_is_paid_and_an_approved_one_is_not():
    assert Claim(status=C.PAID).is_paid
    assert not Claim(status=C.APPROVED).is_paid


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "label"),
    [
        (C.SUBMITTED, "To check"),
        (C.APPROVED, "Approved, to pay"),
        (C.QUERIED, "The lead has a question"),
        (C.REJECTED, "Not approved"),
        (C.PAID, "Paid"),
    ],
)
def test_the_lead_reads_what_to_do_next_with_a_claim(status, label):
    assert ClaimFactory(status=status).lead_label == label


@pytest.mark.django_db
def test_the_lead_reads_that_a_claim_came_back_with_an_answer():
    claim = ClaimFactory()
    lead = UserFactory(groups=[ENGAGEMENT_LEADS])
    claim_query(claim=claim, by=lead, message="Which train was it?")
    claim_resubmit(
        claim=claim,
        units=Decimal("5"),
        expenses=[],
        actor=claim.member,
        message="The 9:15 from Leeds.",
    )
    (waiting,) = [c for c in claims_waiting() if c.pk == claim.pk]
    assert waiting.lead_label == "To check (sent back with an answer)"


@pytest.mark.django_db
def test_the_latest_query_is_the_leads_last_question(django_assert_num_queries):
    claim = ClaimFactory()
    assert claim_latest_query(claim=claim) is None
    lead = UserFactory(groups=[ENGAGEMENT_LEADS])
    for question, answer in [("Which train?", "The 9:15."), ("Single?", "Yes.")]:
        claim_query(claim=claim, by=lead, message=question)
        claim_resubmit(
            claim=claim,
            units=Decimal("5"),
            expenses=[],
            actor=claim.member,
            message=answer,
        )
    with django_assert_num_queries(1):
        latest = claim_latest_query(claim=claim)
        assert latest.by == lead  # comes with the query
    assert latest.message == "Single?"


A = AdvanceArrangement.Status


@pytest.mark.django_db
@pytest.mark.parametrize("status", AdvanceArrangement.Status)
def test_an_arrangement_says_whether_it_is_paid(status):
    arrangement = AdvanceArrangementFactory(
        status=status,
        paid_on=date(2026, 5, 1) if status == A.PAID else None,
    )
    assert arrangement.is_paid == (status == A.PAID)


OPP = Opportunity.Status
OPPORTUNITY_QUESTIONS = {
    "is_draft": {OPP.DRAFT},
    "is_open": {OPP.OPEN},
    "awaits_selection": {OPP.CLOSED},
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", Opportunity.Status)
def test_an_opportunity_says_what_state_it_is_in(status):
    opportunity = OpportunityFactory(status=status, sessions=0)
    assert answers(opportunity, OPPORTUNITY_QUESTIONS) == expected(
        status, OPPORTUNITY_QUESTIONS
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("selection", "first_come"),
    [
        (Opportunity.Selection.FIRST_COME, True),
        (Opportunity.Selection.LEAD_SELECTS, False),
    ],
)
def test_an_opportunity_says_whether_the_first_to_sign_up_have_the_places(
    selection, first_come
):
    opportunity = OpportunityFactory(selection=selection, sessions=0)
    assert opportunity.is_first_come is first_come


U = SignUp.Status
SIGN_UP_QUESTIONS = {
    "is_selected": {U.SELECTED},
    "is_waiting": {U.WAITING},
    "holds_place": {U.SIGNED_UP, U.OFFERED, U.SELECTED},
    "is_active": {U.SIGNED_UP, U.OFFERED, U.SELECTED, U.WAITING},
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", SignUp.Status)
def test_a_sign_up_says_what_state_it_is_in(status):
    entry = SignUpFactory(status=status, opportunity__sessions=0)
    assert answers(entry, SIGN_UP_QUESTIONS) == expected(status, SIGN_UP_QUESTIONS)


R = EngagementRequest.Status
REQUEST_QUESTIONS = {
    "awaits_decision": {R.SUBMITTED},
    "awaits_answer": {R.QUESTION},
    "is_declined": {R.DECLINED},
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", EngagementRequest.Status)
def test_a_request_says_what_state_it_is_in(status):
    made = EngagementRequestFactory(status=status)
    assert answers(made, REQUEST_QUESTIONS) == expected(status, REQUEST_QUESTIONS)


@pytest.mark.parametrize("role", list(Profile.Role))
def test_a_profile_says_whether_it_is_a_member_s(role):
    assert Profile(role=role).is_member_role == (role == Profile.Role.MEMBER)


@pytest.mark.parametrize("kind", list(ResourcePage.Type))
def test_a_resource_says_whether_it_is_a_training_course(kind):
    page = ResourcePage(resource_type=kind)
    assert page.is_training == (kind == ResourcePage.Type.TRAINING)
