"""The records of issue 19 hold what a lead would expect of them: one set of
"were we heard?" answers per member per meeting or opportunity, about
exactly one of them, on a five-point scale; reflection flows know their way
forward and which are new in a year."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from impact.factories import HeardAnswerFactory, MeetingFactory, ReflectionFlowFactory
from impact.models import ChangeAsk, HeardAnswer, HeardAsk, Meeting, ReflectionFlow
from impact.questions import QUESTIONS
from members.factories import UserFactory
from opportunities.factories import EngagementRequestFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

Status = ReflectionFlow.Status


def test_a_member_answers_once_about_a_meeting():
    answer = HeardAnswerFactory()
    with transaction.atomic(), pytest.raises(IntegrityError):
        HeardAnswerFactory(member=answer.member, meeting=answer.meeting)
    # About another meeting they may answer again.
    HeardAnswerFactory(member=answer.member, meeting=MeetingFactory())


def test_a_member_answers_once_about_an_opportunity():
    member, opportunity = UserFactory(), OpportunityFactory()
    HeardAnswerFactory(member=member, meeting=None, opportunity=opportunity)
    with transaction.atomic(), pytest.raises(IntegrityError):
        HeardAnswerFactory(member=member, meeting=None, opportunity=opportunity)


@pytest.mark.parametrize("about", ["neither", "both"])
def test_answers_are_about_exactly_one_meeting_or_opportunity(about):
    meeting = MeetingFactory() if about == "both" else None
    opportunity = OpportunityFactory() if about == "both" else None
    with transaction.atomic(), pytest.raises(IntegrityError):
        HeardAnswer.objects.create(
            member=UserFactory(), meeting=meeting, opportunity=opportunity, heard=3
        )


@pytest.mark.parametrize("value", [0, 6])
def test_an_answer_off_the_five_point_scale_is_refused(value):
    answer = HeardAnswerFactory.build(
        member=UserFactory(), meeting=MeetingFactory(), heard=value
    )
    with pytest.raises(ValidationError) as refused:
        answer.full_clean()
    assert "heard" in refused.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        answer.save()


def test_an_answer_reads_back_in_the_words_of_its_scale():
    answer = HeardAnswerFactory(heard=3, took_part=3)
    assert answer.get_heard_display() == "Partly"
    assert answer.get_took_part_display() == "About half"
    assert HeardAnswer._meta.get_field("heard").verbose_name == (
        "Did you feel your voice was heard?"
    )


def test_a_question_may_be_left_unanswered():
    answer = HeardAnswerFactory(difference=None)
    answer.full_clean()


def test_each_question_has_easy_read_words_and_a_five_point_scale():
    fields = {field.name for field in HeardAnswer._meta.get_fields()}
    for question in QUESTIONS:
        assert question.field in fields
        assert question.easy_read and question.easy_read != question.words
        assert len(question.scale) == 5


def test_a_member_is_asked_once_about_a_meeting_or_an_opportunity():
    member, meeting, opportunity = UserFactory(), MeetingFactory(), OpportunityFactory()
    HeardAsk.objects.create(member=member, meeting=meeting)
    HeardAsk.objects.create(member=member, opportunity=opportunity)
    for about in ({"meeting": meeting}, {"opportunity": opportunity}):
        with transaction.atomic(), pytest.raises(IntegrityError):
            HeardAsk.objects.create(member=member, **about)
    with transaction.atomic(), pytest.raises(IntegrityError):
        HeardAsk.objects.create(member=member)


def test_a_requester_is_asked_once_what_changed():
    request = EngagementRequestFactory()
    ChangeAsk.objects.create(request=request)
    with transaction.atomic(), pytest.raises(IntegrityError):
        ChangeAsk.objects.create(request=request)


def test_a_meeting_needs_a_date_and_a_title():
    meeting = Meeting(kind=Meeting.Kind.MEETING, slug="no-date-or-title")
    with pytest.raises(ValidationError) as refused:
        meeting.full_clean()
    assert {"date", "title"} <= set(refused.value.message_dict)


@pytest.mark.parametrize(
    ("now", "to", "backwards"),
    [
        (Status.PROPOSED, Status.ENDORSED, False),
        (Status.ENDORSED, Status.DONE, False),
        (Status.IN_PROGRESS, Status.ENDORSED, True),
        (Status.DONE, Status.PROPOSED, True),
        (Status.IN_PROGRESS, Status.NOT_POSSIBLE, False),
        (Status.NOT_POSSIBLE, Status.ENDORSED, True),
    ],
)
def test_a_flow_knows_when_a_change_of_status_goes_back(now, to, backwards):
    assert ReflectionFlowFactory(status=now).is_backwards(to) is backwards


def test_new_this_year_means_raised_this_year():
    carried_over = ReflectionFlowFactory(year_raised=2022)
    new = ReflectionFlowFactory(year_raised=2023)
    assert [carried_over.is_new_in(2023), new.is_new_in(2023)] == [False, True]


def test_acted_on_means_in_progress_or_done():
    acted = {
        status: ReflectionFlowFactory(status=status).is_acted_on for status in Status
    }
    assert acted == {
        Status.PROPOSED: False,
        Status.ENDORSED: False,
        Status.IN_PROGRESS: True,
        Status.DONE: True,
        Status.NOT_POSSIBLE: False,
    }
