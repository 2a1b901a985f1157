"""The demo's meetings log: the group's 2022 and 2023 meetings, drawn from
the public facts of its annual report (the planning meeting, meetings 1 to
3 with their questions and outcomes, the two development sessions, the away
day in Stirling), recorded by the lead through the service as she would.
Everyone named is invented; guests are named by their role. A few meetings
are public, under "What we did"."""

from datetime import date

from django.utils.text import slugify

from home.models import HomePage
from impact.factories import WhatWeDidPageFactory
from impact.models import Meeting, WhatWeDidPage
from impact.services import MeetingInput, OutcomeInput, meeting_save
from members.models import User
from opportunities.models import Opportunity, Workstream

K = Meeting.Kind

INTRODUCTION = (
    "What the group did each year: the questions we were asked, what we "
    "talked about and what changed because of it."
)

# Each meeting: its words, who led it and who was there (demo account keys:
# "member" is Dafydd, "member2" Niamh, "member3" Colm), the workstreams and
# opportunities it was about, and whether the public sees it.
MEETINGS = [
    {
        "kind": K.PLANNING,
        "date": date(2022, 1, 25),
        "title": "Our first planning meeting",
        "led_with": "Róisín Carr, Northern Ireland Assembly member",
        "attendees": ["member", "member2"],
        "guests": "The head of engagement",
        "question": "What should the group work on in its first year, and how "
        "should we work together?",
        "covered": "Why the group was set up, the Assemblies it comes from, "
        "and the first draft of our Charter.",
        "outcomes": [
            ("A first work plan for 2022.", "The whole group"),
            ("Members will write the Charter together.", "Members at the meeting"),
        ],
        "do_differently": "Send the papers two weeks before, in Easy Read too.",
        "workstreams": ["Embedding strategy"],
        "public": True,
    },
    {
        "kind": K.MEETING,
        "date": date(2022, 6, 14),
        "title": "Recognising what members bring",
        "led_by": ["member"],
        "attendees": ["member", "member2", "member3"],
        "question": "How should members be paid and thanked for their time?",
        "covered": "Fees, expenses paid in advance and how payments can affect "
        "benefits.",
        "outcomes": [
            (
                "Fees are agreed before the work starts, so members know what "
                "they will earn.",
                "Members at the meeting",
            ),
        ],
        "do_differently": "Give more time to questions about benefits.",
        "public": False,
    },
    {
        "kind": K.DEVELOPMENT,
        "date": date(2022, 12, 8),
        "title": "Reflections on our first year",
        "attendees": ["member", "member2"],
        "question": "What did we hear this year, and what should we propose?",
        "covered": "The year's reflections: you said, we heard, we propose.",
        "outcomes": [
            (
                "We propose a staff away day about co-production, designed "
                "with the group.",
                "The whole group",
            ),
        ],
        "do_differently": "Start the reflections earlier in the year.",
        "public": False,
    },
    {
        "kind": K.PLANNING,
        "date": date(2023, 1, 24),
        "title": "Planning meeting",
        "led_with": "Róisín Carr, Northern Ireland Assembly member",
        "attendees": ["member", "member2", "member3"],
        "question": "What should be in our work plan for 2023?",
        "covered": "The meeting was co-produced and co-delivered with a "
        "Northern Ireland Assembly member.",
        "outcomes": [("An agreed work plan for 2023.", "The whole group")],
        "workstreams": ["Embedding strategy"],
        "public": True,
    },
    {
        "kind": K.MEETING,
        "date": date(2023, 3, 7),
        "title": "Meeting 1: facilitator models",
        "led_with": "A member of the leadership team; the facilitator programme lead",
        "attendees": ["member", "member3"],
        "guests": "The facilitator programme lead",
        "question": "Outcomes from the facilitator projects should reach people "
        "who draw on care and support, and carers, in the host nation and "
        "across the UK. What should we be thinking about now for this to "
        "happen, and do you have any advice?",
        "covered": "Feedback from the leadership team, and the three facilitator "
        "models.",
        "outcomes": [
            (
                "We asked the wrong question for the three models. The pilot "
                "projects had little or no co-production to build on, so "
                "facilitator leads now talk about co-production before "
                "facilitators start to plan.",
                "The facilitator programme lead",
            ),
        ],
        "do_differently": "Every project is different. Talk with the group "
        "about the creative ways to make contact, start talking and then work "
        "together.",
        "public": False,
    },
    {
        "kind": K.DEVELOPMENT,
        "date": date(2023, 3, 15),
        "title": "Development session 1: recruitment",
        "led_with": "The recruitment lead, supported by the engagement lead",
        "attendees": ["member", "member2", "member3"],
        "question": "How can members with lived experience sit on interview panels?",
        "covered": "A training and information session on how staff are "
        "recruited and chosen.",
        "outcomes": [
            ("A change in how staff are recruited and chosen.", "The recruitment lead"),
            (
                "Seven people went on to sit on interview panels. A feedback "
                "session afterwards heard that it went well.",
                "Members who sat on panels",
            ),
            (
                "“We as a group are listened to and there is real action "
                "taken from our comments.”",
                "A member, by email the next day",
            ),
        ],
        "workstreams": ["Recruitment processes"],
        "public": True,
    },
    {
        "kind": K.MEETING,
        "date": date(2023, 6, 13),
        "title": "Meeting 2: understanding evidence",
        "led_by": ["member"],
        "led_with": "A professor of social care research",
        "attendees": ["member", "member2"],
        "guests": "Three facilitators whose contracts were ending",
        "question": "We say evidence is research, practice knowledge and the "
        "lived experience of people who draw on care and support. How do we "
        "make sure all our audiences accept that?",
        "covered": "What counts as evidence. The meeting was made longer so "
        "three facilitators could join a learning session on how the group "
        "could support co-production as projects start.",
        "outcomes": [
            (
                "We will think about how we explain what we mean by evidence, "
                "its different kinds, and the words we use.",
                "The whole group",
            ),
        ],
        "do_differently": "Invite facilitators at the start of their projects, "
        "not at the end.",
        "workstreams": ["Evaluation strategy"],
        "public": True,
    },
    {
        "kind": K.MEETING,
        "date": date(2023, 9, 12),
        "title": "Meeting 3: our question and answer service",
        "led_with": "Two researchers from the question and answer service",
        "attendees": ["member", "member2", "member3"],
        "question": "Our next answer is about managing change during COVID, in "
        "practice. Here are its headings: what do you know from your side, "
        "and what should we write about next?",
        "covered": "The headings of the next answer, the first answer, and "
        "topics for the future.",
        "outcomes": [
            (
                "When we share an answer we must be open about where its "
                "evidence comes from: a lived experience view may still come "
                "from written research.",
                "The researchers",
            ),
            (
                "Members shared many links we would not have found. We used "
                "them for the COVID answer.",
                "The researchers",
            ),
            ("One of the topics for 2024 came from a member.", "A member"),
        ],
        "public": False,
    },
    {
        "kind": K.EVENT,
        "date": date(2023, 11, 21),
        "title": "Co-production away day in Stirling",
        "led_with": "Eilidh Munro, Scotland Assembly member, with staff who "
        "co-designed the day",
        "attendees": ["member", "member2"],
        "guests": "Staff from every team; the digital communications officer, "
        "who wrote a live blog",
        "question": "What does co-production mean for each of our teams?",
        "covered": "A day for all staff about co-production, designed with the "
        "group after a proposal from our 2022 reflections.",
        "outcomes": [
            (
                "“We now have a more collective understanding of co-production.”",
                "A member of staff, in the feedback",
            ),
            (
                "Content from the day for our marketing, such as posts and a "
                "live blog.",
                "The digital communications officer",
            ),
        ],
        "workstreams": ["Staff Away Day"],
        "opportunities": ["Co-design the Staff Away Day"],
        "public": True,
    },
    {
        "kind": K.DEVELOPMENT,
        "date": date(2023, 12, 14),
        "title": "Development session 2: our year and 2024",
        "attendees": ["member", "member2", "member3"],
        "question": "What could we do better, and what are our priorities for 2024?",
        "covered": "A look back at 2023 and planning for 2024. We welcomed two "
        "new members from Northern Ireland.",
        "outcomes": [
            (
                "Our priorities for 2024, starting with a formal way for staff "
                "to ask for the group's input.",
                "The whole group",
            ),
            ("Find a better way to measure the value of the group.", "Members"),
        ],
        "do_differently": "Leave more time for new members to get to know us.",
        "public": False,
    },
]


def _people(keys: list[str]) -> list[User]:
    return [User.objects.get(email=f"{key}@example.org") for key in keys]


def what_we_did_load(home: HomePage) -> WhatWeDidPage:
    page = WhatWeDidPage.objects.first()
    if page is None:
        page = WhatWeDidPageFactory(
            parent=home,
            title="What we did",
            slug="what-we-did",
            show_in_menus=True,
            introduction=INTRODUCTION,
        )
    return page


def meetings_load() -> None:
    """Each meeting once; a second run changes nothing."""
    lead = User.objects.get(email="lead@example.org")
    for meeting in MEETINGS:
        slug = slugify(f"{meeting['title']} {meeting['date'].year}")
        if Meeting.objects.filter(slug=slug).exists():
            continue
        meeting_save(
            details=MeetingInput(
                kind=meeting["kind"],
                date=meeting["date"],
                title=meeting["title"],
                led_by=_people(meeting.get("led_by", [])),
                led_with=meeting.get("led_with", ""),
                attendees=_people(meeting["attendees"]),
                guests=meeting.get("guests", ""),
                question=meeting["question"],
                covered=meeting["covered"],
                do_differently=meeting.get("do_differently", ""),
                outcomes=[
                    OutcomeInput(text=text, from_whom=from_whom)
                    for text, from_whom in meeting["outcomes"]
                ],
                workstreams=Workstream.objects.filter(
                    name__in=meeting.get("workstreams", [])
                ),
                opportunities=Opportunity.objects.filter(
                    title__in=meeting.get("opportunities", [])
                ),
                is_public=meeting["public"],
            ),
            by=lead,
        )
