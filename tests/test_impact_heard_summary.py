"""What may be shown of the "were we heard?" answers: a summary of five or
more, question by question, never the comments or who answered."""

from decimal import Decimal

import pytest

from impact.factories import HeardAnswerFactory, MeetingFactory
from impact.models import HeardAnswer
from impact.selectors import heard_summary

pytestmark = pytest.mark.django_db


def answers_to(meeting, *rows):
    for heard, difference, ways, took_part in rows:
        HeardAnswerFactory(
            meeting=meeting,
            heard=heard,
            difference=difference,
            ways_of_working=ways,
            took_part=took_part,
            comment="Only the lead reads this.",
        )
    return HeardAnswer.objects.filter(meeting=meeting)


def test_four_answers_are_not_summarised_to_anyone():
    answers = answers_to(MeetingFactory(), *[(5, 5, 5, 5)] * 4)
    summary = heard_summary(answers=answers)
    assert (summary.answers, summary.is_shown, summary.scores) == (4, False, [])


def test_five_answers_give_each_question_its_mean_and_its_spread():
    answers = answers_to(
        MeetingFactory(),
        (5, 4, 3, 5),
        (4, 4, 3, 5),
        (4, 3, 2, 4),
        (5, 2, 3, 5),
        (3, 4, 4, 1),
    )
    summary = heard_summary(answers=answers)
    assert summary.is_shown and summary.answers == 5
    heard, difference, ways, took_part = summary.scores
    assert heard.question.field == "heard"
    assert heard.average == Decimal("4.2")
    assert heard.counts == (0, 0, 1, 2, 2)
    assert heard.by_words[-1] == ("Completely", 2)
    assert difference.average == Decimal("3.4")
    assert ways.average == Decimal("3.0")
    assert took_part.by_words[0] == ("Not at all", 1)
    assert "Only the lead reads this." not in repr(summary)


def test_a_question_fewer_than_five_answered_has_no_score():
    answers = answers_to(
        MeetingFactory(),
        *[(4, 4, 4, None)] * 4,
        (4, 4, 4, 5),
        (4, 4, 4, 5),
    )
    summary = heard_summary(answers=answers)
    assert [score.question.field for score in summary.scores] == [
        "heard",
        "difference",
        "ways_of_working",
    ]


def test_a_summary_is_one_query_however_many_answers(django_assert_num_queries):
    answers = answers_to(MeetingFactory(), *[(4, 3, 4, 5)] * 12)
    with django_assert_num_queries(1):
        summary = heard_summary(answers=answers)
    assert summary.scores[0].answered == 12
