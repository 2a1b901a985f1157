"""Were we heard? (issue 19, line 4): the ask after each meeting and piece of
paid work, once; the one-screen answer; the lead writing answers down on a
call; and who reads an answer: the member (and their supporter, acting for
them) and the lead. Everyone else sees only summaries of five or more."""

import io
import json
import re
import threading
import zipfile
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from impact.factories import HeardAnswerFactory, MeetingFactory
from impact.models import HeardAnswer, HeardAsk
from impact.questions import QUESTIONS
from impact.selectors import heard_calls_waiting
from impact.services import heard_asks_send
from impact.tasks import heard_asks
from members.factories import PersonFactory
from members.models import OnBehalfRecord
from members.services import person_deactivate
from notifications.models import CallBack, Delivery, Notification
from notifications.services import preferences_save
from opportunities.factories import OpportunityFactory, SessionFactory, SignUpFactory
from opportunities.models import Opportunity
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

SECRET = "The chair talked over me again."


@pytest.fixture
def meeting():
    """Yesterday's meeting: Dafydd (member@) and Niamh (member2@) were there,
    Colm (member3@) was not. Dafydd has answered."""
    made = MeetingFactory(
        title="Meeting about bus passes",
        date=timezone.localdate() - timedelta(days=1),
        attendees=[person("member@example.org"), person("member2@example.org")],
    )
    HeardAnswerFactory(
        meeting=made,
        member=person("member@example.org"),
        heard=2,
        difference=None,
        comment=SECRET,
    )
    return made


def _answer_url(meeting):
    return reverse("heard:meeting", args=[meeting.pk])


# Who reads an answer ---------------------------------------------------------------

# For each person: the answer screen, the lead's meeting page, the lead's
# phone-recording screen for Dafydd, and the meeting's page in the log. An
# int is the status code (the secret comment never shown); "secret" is a 200
# that shows Dafydd's comment.
MATRIX = [
    ("member@example.org", "secret", 404, 404, 200),
    ("member2@example.org", 200, 404, 404, 200),  # there, another member
    ("member3@example.org", 404, 404, 404, 404),  # not there
    ("staff@example.org", 404, 404, 404, 200),
    ("lead@example.org", 404, "secret", "secret", 302),  # to the lead's page
    ("admin@example.org", 404, 404, 404, 404),
    ("supporter@example.org", 404, 404, 404, 404),  # not acting for anyone
]


def _check(client, url, expected):
    response = client.get(url)
    if expected == "secret":
        assert response.status_code == 200, url
        assert SECRET in response.content.decode(), url
    else:
        assert response.status_code == expected, url
        assert SECRET not in response.content.decode(), url


@pytest.mark.parametrize(
    ("email", "answer", "lead_page", "record", "detail"),
    MATRIX,
    ids=[row[0] for row in MATRIX],
)
def test_who_reads_an_answer(client, meeting, email, answer, lead_page, record, detail):
    sign_in(client, email)
    dafydd = person("member@example.org")
    _check(client, _answer_url(meeting), answer)
    _check(client, reverse("meetings:manage", args=[meeting.pk]), lead_page)
    _check(
        client, reverse("heard:record_meeting", args=[meeting.pk, dafydd.pk]), record
    )
    _check(client, reverse("meetings:detail", args=[meeting.pk]), detail)


def test_a_supporter_acting_for_the_member_reads_and_answers_for_them(client, meeting):
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    response = client.get(_answer_url(meeting))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()  # Dafydd's, not Niamh's
    response = client.post(_answer_url(meeting), {"heard": "5", "comment": "Good"})
    assert response.status_code == 302
    answer = HeardAnswer.objects.get(meeting=meeting, member=niamh)
    assert (answer.heard, answer.comment, answer.was_by_phone) == (5, "Good", False)
    # Niamh is told under "Done on your behalf".
    assert OnBehalfRecord.objects.filter(
        member=niamh, action__contains="Were we heard?"
    ).exists()
    page = client.get(_answer_url(meeting)).content.decode()
    assert "What they answered" in page


def test_a_visitor_is_sent_to_sign_in(client, meeting):
    dafydd = person("member@example.org")
    for url in [
        _answer_url(meeting),
        reverse("heard:list"),
        reverse("heard:manage"),
        reverse("heard:record_meeting", args=[meeting.pk, dafydd.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_others_see_a_summary_only_once_five_have_answered(client, meeting):
    sign_in(client, "staff@example.org")
    detail = reverse("meetings:detail", args=[meeting.pk])
    page = client.get(detail).content.decode()
    assert "Fewer than five people have answered" in page
    for heard in (3, 4, 5, 5):
        HeardAnswerFactory(
            meeting=meeting, member=PersonFactory(), heard=heard, comment=SECRET
        )
    page = client.get(detail).content.decode()
    assert "5 people answered the four questions" in page
    assert "Did you feel your voice was heard? Average 3.8 out of 5" in page
    assert SECRET not in page  # never the words
    assert "Dafydd" not in page  # nor who answered


# Answering -----------------------------------------------------------------------


def test_the_member_answers_on_one_screen_and_can_change_it(client, meeting):
    niamh = sign_in(client, "member2@example.org")
    page = client.get(_answer_url(meeting)).content.decode()
    for question in QUESTIONS:
        assert f'<legend class="field__label">{question.words}</legend>' in page
        assert f"In Easy Read: {question.easy_read}" in page
    assert page.count('type="radio"') == 20
    response = client.post(
        _answer_url(meeting),
        {"heard": "4", "ways_of_working": "2", "comment": "Papers came late."},
        follow=True,
    )
    page = response.content.decode()
    assert "Thank you. Your answers are saved" in page
    assert "What you answered" in page
    assert "Left out" in page  # difference and took part
    answer = HeardAnswer.objects.get(meeting=meeting, member=niamh)
    assert (answer.heard, answer.difference, answer.ways_of_working) == (4, None, 2)
    assert answer.recorded_by == niamh
    # Answering again changes the answer: still one.
    client.post(_answer_url(meeting), {"heard": "5"})
    answer.refresh_from_db()
    assert (answer.heard, answer.ways_of_working, answer.comment) == (5, None, "")
    assert HeardAnswer.objects.filter(meeting=meeting, member=niamh).count() == 1


def test_nothing_answered_is_refused_next_to_the_first_question(client, meeting):
    sign_in(client, "member2@example.org")
    response = client.post(_answer_url(meeting), {"comment": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Answer at least one question, or write something in the box." in page
    assert 'href="#id_heard_0"' in page
    assert not HeardAnswer.objects.filter(
        meeting=meeting, member=person("member2@example.org")
    ).exists()


def test_a_bad_answer_keeps_what_was_chosen(client, meeting):
    sign_in(client, "member2@example.org")
    response = client.post(
        _answer_url(meeting),
        {"heard": "4", "difference": "9", "comment": "Keep these words"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose one of the five answers" in page
    assert re.search(r'<input[^>]*name="heard" value="4"[^>]*checked', page)
    assert not re.search(r'<input[^>]*name="heard" value="[1235]"[^>]*checked', page)
    assert "Keep these words" in page
    assert response.context["form"].data["heard"] == "4"


def test_work_members_took_part_in_is_answered_once_done(client):
    niamh = person("member2@example.org")
    work = OpportunityFactory(
        title="Review the carers' leaflet", status=Opportunity.Status.IN_PROGRESS
    )
    SignUpFactory(opportunity=work, member=niamh, selected=True)
    SignUpFactory(opportunity=work, member=person("member3@example.org"))
    sign_in(client, "member2@example.org")
    url = reverse("heard:opportunity", args=[work.pk])
    assert client.get(url).status_code == 404  # its sessions are to come
    work.status = Opportunity.Status.COMPLETED
    work.save()
    assert client.get(url).status_code == 200
    sign_in(client, "member3@example.org")  # signed up, never selected
    assert client.get(url).status_code == 404


# The ask -------------------------------------------------------------------------


def test_each_member_who_took_part_is_asked_once(meeting):
    dafydd, niamh = person("member@example.org"), person("member2@example.org")
    led = person("member3@example.org")
    meeting.led_by.add(led)
    heard_asks()
    heard_asks()
    assert heard_asks_send(today=timezone.localdate() + timedelta(days=3)) == 0
    asked = HeardAsk.objects.filter(meeting=meeting)
    assert {ask.member for ask in asked} == {dafydd, niamh, led}
    told = Notification.objects.filter(dedupe_key=f"heard-ask:meeting:{meeting.pk}")
    assert sorted(n.recipient.email for n in told) == [
        "member2@example.org",
        "member3@example.org",
        "member@example.org",
    ]
    note = told.first()
    assert note.subject == "Were you heard? Meeting about bus passes"
    assert note.url == _answer_url(meeting)
    for question in QUESTIONS:
        assert question.words in note.body
        assert question.easy_read in note.body


@pytest.mark.parametrize("days_ago", [0, 31])
def test_meetings_today_or_long_ago_are_not_asked_about(days_ago):
    made = MeetingFactory(
        date=timezone.localdate() - timedelta(days=days_ago),
        attendees=[person("member@example.org")],
    )
    heard_asks()
    assert not HeardAsk.objects.filter(meeting=made).exists()


def test_those_selected_for_work_done_are_asked_and_no_one_else():
    niamh, colm = person("member2@example.org"), person("member3@example.org")
    work = OpportunityFactory(status=Opportunity.Status.COMPLETED, sessions=0)
    SessionFactory(
        opportunity=work, starts_at=timezone.now() - timedelta(days=3, hours=2)
    )
    SignUpFactory(opportunity=work, member=niamh, selected=True)
    SignUpFactory(opportunity=work, member=colm)  # never selected
    heard_asks()
    assert [a.member for a in HeardAsk.objects.filter(opportunity=work)] == [niamh]
    assert Notification.objects.get(
        recipient=niamh, dedupe_key=f"heard-ask:opportunity:{work.pk}"
    ).url == reverse("heard:opportunity", args=[work.pk])


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_at_the_same_moment_ask_once():
    made = MeetingFactory(
        date=timezone.localdate() - timedelta(days=1),
        attendees=[person("member@example.org"), person("member2@example.org")],
    )
    start = threading.Barrier(2)
    sent, errors = [], []

    def worker():
        try:
            start.wait()
            sent.append(heard_asks_send(today=timezone.localdate()))
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
    assert sum(sent) == 2
    key = f"heard-ask:meeting:{made.pk}"
    assert Notification.objects.filter(dedupe_key=key).count() == 2
    assert HeardAsk.objects.filter(meeting=made).count() == 2


# On the phone --------------------------------------------------------------------


def test_phone_me_puts_the_questions_on_the_lead_s_call_list_and_the_lead_records(
    client, meeting
):
    niamh = person("member2@example.org")
    preferences_save(user=niamh, choices={"general": Delivery.PHONE})
    heard_asks()
    call = CallBack.objects.get(
        notification__recipient=niamh,
        notification__dedupe_key=f"heard-ask:meeting:{meeting.pk}",
    )
    assert not call.is_done
    assert "Did you feel your voice was heard?" in call.notification.body
    assert [ask.member for ask in heard_calls_waiting()] == [niamh]

    sign_in(client, "lead@example.org")
    page = client.get(reverse("heard:manage")).content.decode()
    record = reverse("heard:record_meeting", args=[meeting.pk, niamh.pk])
    assert record in page
    response = client.post(record, {"heard": "3", "took_part": "5", "comment": "Ok"})
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:manage", args=[meeting.pk])
    answer = HeardAnswer.objects.get(meeting=meeting, member=niamh)
    assert answer.was_by_phone
    assert answer.recorded_by == person("lead@example.org")
    call.refresh_from_db()
    assert call.is_done
    assert heard_calls_waiting() == []

    # Niamh reads what the lead wrote down.
    sign_in(client, "member2@example.org")
    page = client.get(_answer_url(meeting)).content.decode()
    assert "on the phone: Morwenna Hale wrote them down" in page
    assert "Ok" in page


def test_the_lead_cannot_record_for_someone_who_was_not_there(client, meeting):
    sign_in(client, "lead@example.org")
    colm = person("member3@example.org")
    url = reverse("heard:record_meeting", args=[meeting.pk, colm.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"heard": "3"}).status_code == 404


# Lists and query counts ----------------------------------------------------------


def test_the_member_s_list_shows_what_they_were_asked_and_answered(client, meeting):
    heard_asks()
    sign_in(client, "member@example.org")
    page = client.get(reverse("heard:list")).content.decode()
    assert "Meeting about bus passes" in page
    assert "answered" in page


@pytest.mark.parametrize(
    ("email", "url_name"),
    [("lead@example.org", "meetings:manage"), ("member2@example.org", "heard:meeting")],
)
def test_pages_ask_the_same_number_of_queries_for_more_answers(
    client, meeting, email, url_name
):
    sign_in(client, email)
    url = reverse(url_name, args=[meeting.pk])

    def measured():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    before = measured()
    for _number in range(6):
        other = PersonFactory()
        meeting.attendees.add(other)
        HeardAnswerFactory(meeting=meeting, member=other, comment="More")
    assert measured() == before


# A person's own information ------------------------------------------------------


def _download(client) -> dict:
    response = client.get(reverse("members:profile_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return json.loads(archive.read("your-information.json"))


def test_the_answers_are_in_the_member_s_download_and_nobody_else_s(client, meeting):
    sign_in(client, "member@example.org")
    mine = _download(client)["impact"]["were we heard? answers"]
    about = next(row for row in mine if row["about"] == "Meeting about bus passes")
    assert about["anything else"] == SECRET
    assert about["Did you feel your voice was heard?"] == "A little"
    assert about["Do you think what you said will make a difference?"] == "Left out"
    assert about["written down by the engagement lead on a call"] is False
    sign_in(client, "member2@example.org")
    theirs = _download(client)["impact"]["were we heard? answers"]
    assert SECRET not in json.dumps(theirs)


def test_anonymising_takes_their_old_name_out_of_a_comment(client, meeting):
    dafydd = person("member@example.org")
    HeardAnswer.objects.filter(meeting=meeting, member=dafydd).update(
        comment="Dafydd Pryce here: the room was too hot."
    )
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("members:person_anonymise", args=[dafydd.pk]), {"confirm": "on"}
    )
    assert response.status_code == 302
    answer = HeardAnswer.objects.get(meeting=meeting, member=dafydd)
    assert "Dafydd Pryce" not in answer.comment
    assert answer.comment.endswith("the room was too hot.")
    assert answer.heard == 2  # the scores stay, counted in the summaries
