"""The reflections log and what changed, for the demo: eleven "you said, we
heard, we propose, outcome" flows in 2023, four of them new (the annual
report's "eleven (four new)"), drawn from the themes of the report's
reflections; and changes the demo's staff member recorded. Each status
change goes through the service, dated, so the log's history and the
counts by year are the ones the site works out. Every person is invented."""

from datetime import date, datetime, time

from django.utils import timezone

from impact.factories import ChangeFactory, ReflectionFlowFactory
from impact.models import ReflectionFlow
from impact.services import reflection_status_change
from members.models import User
from opportunities.models import Opportunity, Workstream

Status = ReflectionFlow.Status

# Each flow: its words and stages (who and when), then its status changes
# as (day, to, reason). "we_heard_by" and the like name a demo account.
FLOWS = [
    # Raised in 2022 and carried into 2023 -------------------------------------
    {
        "title": "A staff away day about co-production",
        "year_raised": 2022,
        "workstream": "Staff Away Day",
        "you_said": "Staff understand co-production in different ways. A day "
        "together, planned with us, would help everyone start from the same "
        "place.",
        "you_said_on": date(2022, 9, 14),
        "you_said_by": "Members at the September meeting",
        "we_heard": "Staff want to learn about co-production from the group, "
        "not only from papers.",
        "we_heard_on": date(2022, 10, 5),
        "we_heard_by": "lead",
        "we_propose": "Members co-design the day with staff and co-deliver it.",
        "we_propose_on": date(2022, 10, 5),
        "we_propose_by": "lead",
        "outcome": "Senior leaders agreed. Two members co-designed the Away Day "
        "and led it with the engagement lead in November 2023.",
        "outcome_on": date(2023, 11, 20),
        "outcome_by": "lead",
        "changes": [
            (date(2022, 11, 2), Status.ENDORSED, ""),
            (date(2023, 6, 1), Status.IN_PROGRESS, ""),
            (date(2023, 11, 20), Status.DONE, ""),
        ],
    },
    {
        "title": "Papers in good time",
        "year_raised": 2022,
        "workstream": None,
        "you_said": "Papers often arrive the night before. We need time to read "
        "them, and some of us use screen readers or need Easy Read.",
        "you_said_on": date(2022, 3, 9),
        "you_said_by": "Members at the planning meeting",
        "we_heard": "Papers must reach members a week before, in the format "
        "each person asked for.",
        "we_heard_on": date(2022, 3, 23),
        "we_heard_by": "lead",
        "we_propose": "Anyone who asks for the group's input sends papers ten "
        "days before, and the lead checks the format.",
        "we_propose_on": date(2022, 4, 6),
        "we_propose_by": "lead",
        "outcome": "Papers now go out eight to ten days before each meeting.",
        "outcome_on": date(2023, 2, 15),
        "outcome_by": "lead",
        "changes": [
            (date(2022, 4, 6), Status.ENDORSED, ""),
            (date(2022, 9, 1), Status.IN_PROGRESS, ""),
            (date(2023, 2, 15), Status.DONE, ""),
        ],
    },
    {
        "title": "Hearing what happened to our advice",
        "year_raised": 2022,
        "workstream": "Embedding strategy",
        "you_said": "We give advice and then rarely hear what came of it.",
        "you_said_on": date(2022, 6, 8),
        "you_said_by": "Members at meeting 2",
        "we_heard": "The group wants to be told what changed after each piece of work.",
        "we_heard_on": date(2022, 7, 1),
        "we_heard_by": "staff",
        "we_propose": "Staff who ask for input tell the group what changed, "
        "within three months of the work ending.",
        "we_propose_on": date(2022, 7, 13),
        "we_propose_by": "lead",
        "outcome": "Some teams now report back. More work is needed, with "
        "wider staff support.",
        "outcome_on": date(2023, 12, 14),
        "outcome_by": "staff",
        "changes": [
            (date(2022, 7, 13), Status.ENDORSED, ""),
            (date(2023, 3, 1), Status.IN_PROGRESS, ""),
        ],
    },
    {
        "title": "Information everyone can understand",
        "year_raised": 2022,
        "workstream": "Accessible communications and website",
        "you_said": "Much of what the organisation publishes is hard to read, "
        "and the website does not work well with a screen reader.",
        "you_said_on": date(2022, 5, 11),
        "you_said_by": "Members at meeting 1",
        "we_heard": "Plain words and a website that works for everyone.",
        "we_heard_on": date(2022, 6, 2),
        "we_heard_by": "staff",
        "we_propose": "Members test the new website and review key documents "
        "before they are published.",
        "we_propose_on": date(2022, 6, 15),
        "we_propose_by": "lead",
        "outcome": "Members tested the new website pages in 2023. The work goes on.",
        "outcome_on": date(2023, 3, 20),
        "outcome_by": "staff",
        "changes": [
            (date(2022, 6, 15), Status.ENDORSED, ""),
            (date(2023, 2, 1), Status.IN_PROGRESS, ""),
        ],
    },
    {
        "title": "Lived experience on interview panels",
        "year_raised": 2022,
        "workstream": "Recruitment processes",
        "you_said": "People who draw on care should help choose the staff who "
        "work for them.",
        "you_said_on": date(2022, 6, 8),
        "you_said_by": "A member of the group",
        "we_heard": "Members want a real part in recruitment, with training.",
        "we_heard_on": date(2022, 6, 30),
        "we_heard_by": "staff",
        "we_propose": "A training session, then members on interview panels.",
        "we_propose_on": date(2022, 7, 13),
        "we_propose_by": "lead",
        "outcome": "After the recruitment training, seven members sat on "
        "interview panels.",
        "outcome_on": date(2023, 9, 30),
        "outcome_by": "staff",
        "changes": [
            (date(2022, 7, 13), Status.ENDORSED, ""),
            (date(2022, 12, 1), Status.IN_PROGRESS, ""),
            (date(2023, 9, 30), Status.DONE, ""),
        ],
    },
    {
        "title": "Paid work planned in advance",
        "year_raised": 2022,
        "workstream": None,
        "you_said": "Paid opportunities come at short notice. We need to know "
        "what is coming and what we would earn, so we can plan care and "
        "check our benefits.",
        "you_said_on": date(2022, 10, 12),
        "you_said_by": "Members at the October meeting",
        "we_heard": "Members need notice, the fee up front, and regular work.",
        "we_heard_on": date(2022, 11, 2),
        "we_heard_by": "lead",
        "we_propose": "Every opportunity shows the fee in advance, and teams "
        "plan their requests each quarter.",
        "we_propose_on": date(2023, 1, 11),
        "we_propose_by": "lead",
        "changes": [
            (date(2023, 1, 11), Status.ENDORSED, ""),
        ],
    },
    {
        "title": "What counts as evidence",
        "year_raised": 2022,
        "workstream": "Evaluation strategy",
        "you_said": "Lived experience is evidence too, but reports treat it as "
        "a story next to the real evidence.",
        "you_said_on": date(2022, 11, 9),
        "you_said_by": "Members at the November meeting",
        "we_heard": "We must say clearly what we mean by evidence, and give "
        "lived experience its place.",
        "we_heard_on": date(2023, 6, 13),
        "we_heard_by": "staff",
        "changes": [],
    },
    # New in 2023 -----------------------------------------------------------------
    {
        "title": "A team CV so staff know our skills",
        "year_raised": 2023,
        "workstream": None,
        "you_said": "Staff do not know what skills we bring, so they ask the "
        "same few people.",
        "you_said_on": date(2023, 3, 15),
        "you_said_by": "Members at meeting 1",
        "we_heard": "A shared record of members' skills would help staff ask "
        "the right people.",
        "we_heard_on": date(2023, 4, 5),
        "we_heard_by": "lead",
        "we_propose": "Members build a team CV, sharing only what each agrees.",
        "we_propose_on": date(2023, 4, 5),
        "we_propose_by": "lead",
        "changes": [
            (date(2023, 4, 5), Status.ENDORSED, ""),
            (date(2023, 10, 1), Status.IN_PROGRESS, ""),
        ],
    },
    {
        "title": "One place to talk with staff",
        "year_raised": 2023,
        "workstream": None,
        "raised_by": "member2",
        "you_said": "Messages get lost across emails. We would like one place "
        "where the group and staff talk.",
        "you_said_on": date(2023, 12, 14),
        "you_said_by": "Niamh Rafferty",
        "we_heard": "",
        "changes": [],
    },
    {
        "title": "Faster payments for our time",
        "year_raised": 2023,
        "workstream": None,
        "you_said": "Some payments took two months. That is hard when money is tight.",
        "you_said_on": date(2023, 9, 13),
        "you_said_by": "Members at meeting 3",
        "we_heard": "Payments must be quicker and easier to claim.",
        "we_heard_on": date(2023, 10, 4),
        "we_heard_by": "lead",
        "we_propose": "Claims online, checked within a week and paid within two.",
        "we_propose_on": date(2023, 12, 14),
        "we_propose_by": "lead",
        "changes": [
            (date(2023, 12, 14), Status.ENDORSED, ""),
        ],
    },
    {
        "title": "Meeting in person in every nation",
        "year_raised": 2023,
        "workstream": None,
        "you_said": "We would like to meet in person each quarter, in each of "
        "the four nations in turn.",
        "you_said_on": date(2023, 6, 13),
        "you_said_by": "Members at meeting 2",
        "we_heard": "Meeting face to face matters to the group.",
        "we_heard_on": date(2023, 7, 5),
        "we_heard_by": "lead",
        "changes": [
            (
                date(2023, 8, 2),
                Status.NOT_POSSIBLE,
                "The budget covers two in-person days this year: the Away Day "
                "and the December session. Other meetings stay online.",
            ),
        ],
    },
]

# What Tom (staff@) recorded: (what, where, opportunity title, flow title,
# quote, whose words, may be published, recorded on).
CHANGES = [
    (
        "The annual survey lost six questions members found confusing, and "
        "gained one about unpaid carers.",
        "Evaluation team",
        "Shape the evaluation questions",
        None,
        "",
        "",
        False,
        date(2022, 12, 7),
    ),
    (
        "Members tested the new website pages with screen readers before "
        "launch; three problems were fixed.",
        "Digital communications",
        "Review the accessible website plans",
        "Information everyone can understand",
        "We would not have found the menu problem on our own.",
        "A web developer on the project",
        True,
        date(2023, 3, 20),
    ),
    (
        "Every interview panel now has a member of the group on it, asking "
        "questions members wrote.",
        "Recruitment team",
        "Interview panel: Engagement Officer",
        "Lived experience on interview panels",
        "It felt like our comments were acted on, not just noted.",
        "A member who sat on a panel",
        True,
        date(2023, 9, 30),
    ),
    (
        "The policy and practice roundtables now centre lived experience, and "
        "their format is easier for more people to join.",
        "National embedding team",
        "Comment on the embedding plan",
        None,
        "The group's advice changed the focus of our roundtables.",
        "A deputy head of the embedding team",
        True,
        date(2023, 10, 18),
    ),
]


def _user(key: str) -> User:
    return User.objects.get(email=f"{key}@example.org")


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def _flows_load() -> None:
    lead = _user("lead")
    for spec in FLOWS:
        fields = dict(spec)
        changes = fields.pop("changes")
        team = fields.pop("workstream")
        raised_by = fields.pop("raised_by", None)
        for stage in ("we_heard", "we_propose", "outcome"):
            by = fields.pop(f"{stage}_by", None)
            fields[f"{stage}_by"] = _user(by) if by else None
            fields.setdefault(stage, "")
            fields.setdefault(f"{stage}_on", None)
        flow = ReflectionFlowFactory(
            workstream=Workstream.objects.get(name=team) if team else None,
            raised_by=_user(raised_by) if raised_by else None,
            status=Status.PROPOSED,
            **fields,
        )
        for day, to, reason in changes:
            reflection_status_change(
                flow=flow, to=to, by=lead, reason=reason, at=_noon(day)
            )


def _changes_load() -> None:
    tom = _user("staff")
    for what, where, work, flow, quote, quote_by, publish, on in CHANGES:
        ChangeFactory(
            what=what,
            where=where,
            opportunity=Opportunity.objects.filter(title=work).first(),
            reflection=ReflectionFlow.objects.get(title=flow) if flow else None,
            quote=quote,
            quote_by=quote_by,
            may_publish=publish,
            recorded_by=tom,
            recorded_on=on,
        )


def reflections_load() -> None:
    """Once: a second run finds the flows and adds nothing."""
    if ReflectionFlow.objects.exists():
        return
    _flows_load()
    _changes_load()
