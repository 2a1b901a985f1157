"""The meetings log (issue 19, line 1): the lead keeps it; a member reads the
meetings they were part of, who was there included; staff read every
meeting without who was there; public meetings appear under "What we did"
without anyone's name."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from impact.factories import MeetingFactory, OutcomeFactory
from impact.models import Meeting, WhatWeDidPage
from impact.services import MeetingInput, OutcomeInput, meeting_save
from members.anonymise import person_anonymise
from members.services import person_deactivate
from opportunities.models import Workstream
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db

GUESTS = "Priya Salt, head of research"
OUTCOME = "Papers will reach members a week before."
FROM_WHOM = "Dafydd, at the meeting"


@pytest.fixture
def meeting(demo_site):
    """Dafydd (member@) was there; Niamh (member2@) was not."""
    meeting = MeetingFactory(
        title="Talking about evidence",
        attendees=[person("member@example.org"), person("member3@example.org")],
        guests=GUESTS,
        led_with="A professor of research",
        question="What counts as evidence?",
    )
    OutcomeFactory(meeting=meeting, text=OUTCOME, from_whom=FROM_WHOM)
    return meeting


def url(name, meeting=None):
    return reverse(f"meetings:{name}", args=[meeting.pk] if meeting else [])


# Who may open what ---------------------------------------------------------------

# (who, what they get): "member" the meeting with who was there, "staff" the
# meeting without, "lead" sent to the lead's own screen, "none" not found.
VIEWERS = [
    ("member@example.org", "member"),
    ("member2@example.org", "none"),
    ("staff@example.org", "staff"),
    ("lead@example.org", "lead"),
    ("admin@example.org", "none"),
    ("supporter@example.org", "none"),
    (None, "anonymous"),
]


@pytest.mark.parametrize(("email", "gets"), VIEWERS)
def test_a_meeting_is_read_by_those_who_were_there_and_staff_without_names(
    client, meeting, email, gets
):
    if email:
        sign_in(client, email)
    response = client.get(url("detail", meeting))
    content = response.content.decode()
    if gets == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif gets == "lead":
        assert response.status_code == 302
        assert response["Location"] == url("manage", meeting)
    elif gets == "none":
        assert response.status_code == 404
        assert meeting.question not in content
    else:
        assert response.status_code == 200
        assert meeting.question in content
        assert OUTCOME in content
        shows_people = gets == "member"
        assert (GUESTS in content) is shows_people
        assert ("Colm Brennan" in content) is shows_people
        assert ("Members there" in content) is shows_people


@pytest.mark.parametrize(("email", "gets"), VIEWERS)
def test_the_meetings_list_is_the_member_s_own_or_for_staff_everything(
    client, meeting, email, gets
):
    other = MeetingFactory(title="A meeting Dafydd missed")
    if email:
        sign_in(client, email)
    response = client.get(url("list"))
    content = response.content.decode()
    if gets == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif gets == "lead":
        assert response.status_code == 302
        assert response["Location"] == url("manage_list")
    elif email == "member2@example.org":
        # Niamh has her own list, without this meeting.
        assert response.status_code == 200
        assert meeting.title not in content
    elif gets == "none":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert meeting.title in content
        assert (other.title in content) is (gets == "staff")


@pytest.mark.parametrize(
    "name", ["manage_list", "add", "manage", "edit"], ids=lambda name: name
)
@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("lead@example.org", 200),
        ("member@example.org", 404),
        ("member2@example.org", 404),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
        (None, 302),
    ],
)
def test_only_the_lead_keeps_the_log(client, meeting, name, email, status):
    if email:
        sign_in(client, email)
    about = meeting if name in ("manage", "edit") else None
    response = client.get(url(name, about))
    assert response.status_code == status
    if status == 200 and about:
        content = response.content.decode()
        assert GUESTS in content
        assert FROM_WHOM in content


def test_a_member_sees_a_meeting_they_led_as_well_as_those_they_attended(
    client, meeting
):
    led = MeetingFactory(title="Led by Niamh", led_by=[person("member2@example.org")])
    sign_in(client, "member2@example.org")
    content = client.get(url("list")).content.decode()
    assert led.title in content
    assert client.get(url("detail", led)).status_code == 200
    assert client.get(url("detail", meeting)).status_code == 404


def test_a_supporter_acting_for_a_member_sees_the_member_s_meetings(client, meeting):
    led = MeetingFactory(title="Led by Niamh", led_by=[person("member2@example.org")])
    act_for(client, "supporter@example.org", "member2@example.org")
    response = client.get(url("list"))
    assert "Meetings Niamh was part of" in response.content.decode()
    assert client.get(url("detail", led)).status_code == 200
    assert client.get(url("detail", meeting)).status_code == 404


def test_the_lead_s_list_is_by_year_newest_first(client, demo_site):
    MeetingFactory(title="Spring 2021 meeting", date=date(2021, 4, 1))
    sign_in(client, "lead@example.org")
    content = client.get(url("manage_list")).content.decode()
    years = [content.index(f'id="year-{year}"') for year in (2023, 2022, 2021)]
    assert years == sorted(years)
    assert content.index("Development session 2") < content.index("Planning meeting")


def test_the_menu_and_the_lead_s_dashboard_lead_to_the_log(client, demo_site):
    sign_in(client, "lead@example.org")
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert f'href="{url("manage_list")}">Meetings</a>' in dashboard
    assert f'href="{url("add")}">Add a meeting</a>' in dashboard
    for email in ("member@example.org", "staff@example.org"):
        sign_in(client, email)
        menu = client.get(reverse("intranet:home")).content.decode()
        assert f'href="{url("list")}">Meetings</a>' in menu


# Adding and changing ---------------------------------------------------------------


def form_data(**changes):
    data = {
        "kind": "meeting",
        "date": "2024-02-06",
        "title": "Meeting 1: the new website",
        "led_by": [str(person("member@example.org").pk)],
        "led_with": "The web team",
        "attendees": [
            str(person("member@example.org").pk),
            str(person("member2@example.org").pk),
        ],
        "guests": GUESTS,
        "question": "What would make the website easier to use?",
        "covered": "The first designs.",
        "do_differently": "Send the designs a week before.",
        "workstreams": [str(Workstream.objects.order_by("name").first().pk)],
        "is_public": "on",
        "outcomes-TOTAL_FORMS": "3",
        "outcomes-INITIAL_FORMS": "0",
        "outcomes-0-text": "Bigger buttons.",
        "outcomes-0-from_whom": "Niamh",
        "outcomes-1-text": "",
        "outcomes-1-from_whom": "",
        "outcomes-2-text": "A page in Easy Read.",
        "outcomes-2-from_whom": "The group",
    }
    data.update(changes)
    return data


def test_the_lead_adds_a_meeting_with_its_outcomes(client, demo_site):
    lead = sign_in(client, "lead@example.org")
    response = client.post(url("add"), form_data())
    meeting = Meeting.objects.get(title="Meeting 1: the new website")
    assert response.status_code == 302
    assert response["Location"] == url("manage", meeting)
    assert meeting.slug == "meeting-1-the-new-website-2024"
    assert meeting.created_by == lead
    assert meeting.is_public
    assert [(o.text, o.from_whom) for o in meeting.outcomes.all()] == [
        ("Bigger buttons.", "Niamh"),
        ("A page in Easy Read.", "The group"),
    ]
    assert {p.email for p in meeting.attendees.all()} == {
        "member@example.org",
        "member2@example.org",
    }
    assert [p.email for p in meeting.led_by.all()] == ["member@example.org"]
    page = client.get(response["Location"]).content.decode()
    assert "Saved “Meeting 1: the new website”." in page
    assert "Niamh Rafferty" in page


def test_a_meeting_without_a_date_or_title_is_refused_next_to_the_field(
    client, demo_site
):
    sign_in(client, "lead@example.org")
    response = client.post(url("add"), form_data(date="", title=""))
    assert response.status_code == 400
    content = response.content.decode()
    assert "<title>Error: Add a meeting" in content
    assert 'id="id_date_error"' in content
    assert "Enter the date of the meeting." in content
    assert 'id="id_title_error"' in content
    assert "Give the meeting a title." in content
    # Everything else is kept as typed.
    assert "What would make the website easier to use?" in content
    assert "Bigger buttons." in content
    assert "A page in Easy Read." in content
    assert GUESTS in content
    niamh = person("member2@example.org").pk
    assert f'value="{niamh}" id="id_attendees_' in content
    assert content.count("checked") >= 4  # two there, one leading, public
    assert not Meeting.objects.filter(question__startswith="What would make").exists()


def test_an_outcome_needs_its_words_when_whom_it_came_from_is_given(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(url("add"), form_data(**{"outcomes-1-from_whom": "Colm"}))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Outcome 2, outcome: Write the outcome" in content
    assert 'value="Colm"' in content


def test_add_another_outcome_keeps_what_was_typed_and_saves_nothing(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(
        url("add"), form_data(title="", add_outcome="1", question="Kept question?")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Outcome 4" in content
    assert 'name="outcomes-TOTAL_FORMS" value="4"' in content
    assert "Bigger buttons." in content
    assert "Kept question?" in content
    # Nothing is checked yet: the missing title is only refused on saving.
    assert "There is a problem" not in content
    assert not Meeting.objects.filter(question="Kept question?").exists()


def test_changing_a_meeting_keeps_its_public_address(client, demo_site):
    lead = sign_in(client, "lead@example.org")
    meeting = meeting_save(
        details=MeetingInput(
            kind="meeting",
            date=date(2024, 2, 6),
            title="First title",
            outcomes=[OutcomeInput(text="One"), OutcomeInput(text="Two")],
            is_public=True,
        ),
        by=lead,
    )
    edit = client.get(url("edit", meeting)).content.decode()
    assert "Outcome 3" in edit and "Outcome 4" not in edit  # one empty line
    response = client.post(
        url("edit", meeting),
        form_data(
            title="A better title",
            **{
                "outcomes-0-text": "",
                "outcomes-0-from_whom": "",
                "outcomes-TOTAL_FORMS": "3",
            },
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "A better title"
    assert meeting.slug == "first-title-2024"
    assert [o.text for o in meeting.outcomes.all()] == ["A page in Easy Read."]


def test_the_service_refuses_anyone_but_the_lead_and_a_missing_date_or_title(
    demo_site,
):
    details = MeetingInput(kind="meeting", date=date(2024, 2, 6), title="A meeting")
    with pytest.raises(NotAllowed):
        meeting_save(details=details, by=person("staff@example.org"))
    lead = person("lead@example.org")
    for changed, field in [({"date": None}, "date"), ({"title": "  "}, "title")]:
        fields = {**details.__dict__, **changed}
        with pytest.raises(NotAllowed) as refused:
            meeting_save(details=MeetingInput(**fields), by=lead)
        assert refused.value.field == field


def test_two_meetings_of_one_title_in_a_year_get_their_own_addresses(demo_site):
    lead = person("lead@example.org")
    details = MeetingInput(kind="event", date=date(2024, 5, 1), title="Coffee")
    first = meeting_save(details=details, by=lead)
    second = meeting_save(details=details, by=lead)
    assert (first.slug, second.slug) == ("coffee-2024", "coffee-2024-2")


def test_a_member_s_download_lists_the_meetings_they_were_part_of(client, meeting):
    MeetingFactory(title="Led by Dafydd", led_by=[person("member@example.org")])
    MeetingFactory(title="Niamh's meeting", attendees=[person("member2@example.org")])
    sign_in(client, "member@example.org")
    response = client.get(reverse("members:profile_download"))
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        data = json.loads(archive.read("your-information.json"))
    part = data["impact"]["meetings you were part of"]
    mine = {entry["title"]: entry["you"] for entry in part}
    assert mine["Talking about evidence"] == "were there"
    assert mine["Led by Dafydd"] == "led it"
    assert "Niamh's meeting" not in mine


def test_anonymising_takes_their_name_out_of_the_log(demo_site):
    dafydd = person("member@example.org")
    meeting = MeetingFactory(attendees=[dafydd], covered="Dafydd Pryce spoke first.")
    OutcomeFactory(meeting=meeting, from_whom="Dafydd Pryce")
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    person_anonymise(person=dafydd, by=person("lead@example.org"))
    meeting.refresh_from_db()
    new_name = f"Former member {dafydd.pk}"
    assert meeting.covered == f"{new_name} spoke first."
    assert meeting.outcomes.get().from_whom == new_name
    assert list(meeting.attendees.all()) == [dafydd]


# What we did: the public pages ---------------------------------------------------


@pytest.fixture
def what_we_did(demo_site):
    return WhatWeDidPage.objects.get(locale__language_code="en-gb")


def test_what_we_did_lists_only_public_meetings(client, what_we_did):
    content = client.get(what_we_did.url).content.decode()
    public = Meeting.objects.filter(is_public=True)
    assert public.count() >= 3
    for meeting in Meeting.objects.all():
        assert (meeting.title in content) is meeting.is_public
    assert "What we did" in client.get("/").content.decode()


def test_a_public_meeting_shows_what_happened_and_never_who_was_there(
    client, what_we_did
):
    meeting = Meeting.objects.get(slug="meeting-2-understanding-evidence-2023")
    response = client.get(what_we_did.url + meeting.slug + "/")
    assert response.status_code == 200
    content = response.content.decode()
    assert meeting.question.split(".")[0] in content
    assert "We will think about how we explain what we mean by evidence" in content
    for private in [
        meeting.guests,
        meeting.led_with,
        "The whole group",  # whom the outcome came from
        "Dafydd",
        "Niamh",
    ]:
        assert private not in content


def test_a_meeting_not_marked_public_has_no_public_page(client, what_we_did):
    private = Meeting.objects.filter(is_public=False).first()
    assert client.get(what_we_did.url + private.slug + "/").status_code == 404


def test_the_sitemap_lists_each_public_meeting(client, what_we_did):
    content = client.get("/sitemap.xml").content.decode()
    for meeting in Meeting.objects.all():
        assert (f"/what-we-did/{meeting.slug}/" in content) is meeting.is_public


def test_the_lead_sees_where_the_public_reads_a_meeting(client, what_we_did):
    meeting = Meeting.objects.filter(is_public=True).first()
    sign_in(client, "lead@example.org")
    content = client.get(url("manage", meeting)).content.decode()
    assert f'href="/what-we-did/{meeting.slug}/"' in content


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_meeting_made_public_shows_at_once_through_the_page_cache(
    client, what_we_did, page_cache_on, django_capture_on_commit_callbacks
):
    first = client.get(what_we_did.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(what_we_did.url)["X-Page-Cache"] == "hit"
    meeting = Meeting.objects.filter(is_public=False).first()
    details = MeetingInput(
        kind=meeting.kind, date=meeting.date, title=meeting.title, is_public=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(meeting=meeting, details=details, by=person("lead@example.org"))
    response = client.get(what_we_did.url)
    assert response["X-Page-Cache"] == "miss"
    assert meeting.title in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_save(
            meeting=meeting,
            details=MeetingInput(**{**details.__dict__, "is_public": False}),
            by=person("lead@example.org"),
        )
    assert meeting.title not in client.get(what_we_did.url).content.decode()
    assert client.get(what_we_did.url + meeting.slug + "/").status_code == 404


# The demo ---------------------------------------------------------------------------


def test_the_demo_has_the_report_s_meetings_of_2022_and_2023(demo_site):
    years = {meeting.date.year for meeting in Meeting.objects.all()}
    assert years == {2022, 2023}
    titles = set(Meeting.objects.values_list("title", flat=True))
    for title in [
        "Planning meeting",
        "Meeting 1: facilitator models",
        "Meeting 2: understanding evidence",
        "Meeting 3: our question and answer service",
        "Development session 1: recruitment",
        "Development session 2: our year and 2024",
        "Co-production away day in Stirling",
    ]:
        assert title in titles
    assert (
        Meeting.objects.filter(kind=Meeting.Kind.DEVELOPMENT, date__year=2023).count()
        == 2
    )
    dafydd = person("member@example.org")
    assert Meeting.objects.filter(attendees=dafydd).count() == Meeting.objects.count()
    assert Meeting.objects.exclude(attendees=person("member2@example.org")).exists()


def test_loading_the_demo_again_adds_no_meeting_twice(demo_site):
    before = (Meeting.objects.count(), WhatWeDidPage.objects.count())
    call_command("load_demo_content")
    assert (Meeting.objects.count(), WhatWeDidPage.objects.count()) == before
