"""The factories tests build on (each app's factories.py) make records the
site itself would accept, and people with the role they were given."""

import pytest

from charter.factories import CharterAcceptanceFactory, CharterVersionFactory
from formats.factories import FormatRequestFactory
from impact.factories import (
    ChangeFactory,
    HeardAnswerFactory,
    MeetingFactory,
    OutcomeFactory,
    ReflectionFlowFactory,
    ReportYearFactory,
)
from members import roles
from members.factories import (
    MembershipFactory,
    PersonFactory,
    ProfileFactory,
    SkillFactory,
    SupportFactory,
)
from members.models import Profile
from notifications.factories import (
    NotificationFactory,
    NotificationPreferenceFactory,
    OutboxEmailFactory,
)
from opportunities.factories import (
    EngagementRequestFactory,
    OpportunityFactory,
    SessionFactory,
    SignUpFactory,
)
from payments.factories import (
    AdvanceArrangementFactory,
    BenefitThresholdFactory,
    ClaimEventFactory,
    ClaimFactory,
    ExpenseLineFactory,
    RecordedClaimFactory,
)
from plans.factories import GoalFactory, PlanCommentFactory, PlanReviewFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        OpportunityFactory,
        SessionFactory,
        SignUpFactory,
        EngagementRequestFactory,
        ClaimFactory,
        RecordedClaimFactory,
        ClaimEventFactory,
        ExpenseLineFactory,
        AdvanceArrangementFactory,
        BenefitThresholdFactory,
        GoalFactory,
        PlanReviewFactory,
        PlanCommentFactory,
        CharterVersionFactory,
        CharterAcceptanceFactory,
        NotificationFactory,
        OutboxEmailFactory,
        NotificationPreferenceFactory,
        ProfileFactory,
        MembershipFactory,
        SkillFactory,
        SupportFactory,
        FormatRequestFactory,
        MeetingFactory,
        OutcomeFactory,
        ReflectionFlowFactory,
        ChangeFactory,
        HeardAnswerFactory,
        ReportYearFactory,
    ],
    ids=lambda f: f.__name__,
)
def test_each_factory_makes_a_record_its_own_validation_accepts(demo_site, factory):
    made = factory()
    # An opportunity's author is left empty, as for one made before authors
    # were recorded (the form fills it in).
    made.full_clean(exclude=["created_by"])
    assert type(made).objects.filter(pk=made.pk).exists()


def test_an_opportunity_has_two_sessions_unless_told_otherwise(demo_site):
    assert OpportunityFactory().sessions.count() == 2
    assert OpportunityFactory(sessions=0).sessions.count() == 0


def test_a_claim_is_sent_as_a_member_sends_one(demo_site):
    claim = ClaimFactory()
    assert claim.status == "submitted"
    assert claim.fee == claim.sign_up.opportunity.total_fee()  # 2 x 2.5 hours
    assert [line.description for line in claim.expenses.all()] == ["Train"]
    assert claim.events.count() == 1


def test_a_recorded_claim_has_no_history_or_news_until_given_one(demo_site):
    claim = RecordedClaimFactory()
    assert claim.fee == claim.sign_up.opportunity.total_fee()
    assert not claim.events.exists()
    assert not claim.sign_up.member.notifications.exists()
    event = ClaimEventFactory(claim=claim)
    assert (event.by, event.to_status) == (claim.sign_up.member, "submitted")


@pytest.mark.parametrize(
    ("traits", "group", "role", "in_an_assembly"),
    [
        ({}, roles.MEMBERS, Profile.Role.MEMBER, True),
        ({"lead": True}, roles.ENGAGEMENT_LEADS, Profile.Role.ENGAGEMENT_LEAD, False),
        ({"staff": True}, roles.STAFF, Profile.Role.STAFF, False),
        ({"supporter": True}, None, Profile.Role.SUPPORTER, False),
    ],
)
def test_a_person_joins_with_the_role_they_are_given(
    demo_site, traits, group, role, in_an_assembly
):
    person = PersonFactory(**traits)
    assert list(person.groups.values_list("name", flat=True)) == (
        [group] if group else []
    )
    assert person.profile.role == role
    assert person.memberships.exists() is in_an_assembly
    assert person.check_password("coproduction")
