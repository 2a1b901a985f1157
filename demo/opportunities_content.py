"""Paid opportunities for the demo: work across the report's workstreams in
2022 and 2023 (6 paid engagements, then 11: the report's "increased by 83%",
computed by the figures page), and this year's opportunities in every state
with claims in every state. Every person is invented."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from members.models import User
from opportunities.factories import (
    EngagementRequestFactory,
    OpportunityFactory,
    SessionFactory,
    SignUpFactory,
    WorkstreamFactory,
)
from opportunities.models import EngagementRequest, Opportunity, SignUp, Workstream
from payments.factories import (
    AdvanceArrangementFactory,
    BenefitThresholdFactory,
    ClaimEventFactory,
    ExpenseLineFactory,
    PaymentPromiseFactory,
    RecordedClaimFactory,
)
from payments.models import (
    AdvanceArrangement,
    BenefitThreshold,
    Claim,
)
from payments.selectors import fee_for, units_agreed

# The workstreams the annual report lists.
WORKSTREAMS = [
    "Embedding strategy",
    "Accessible communications and website",
    "Evaluation strategy",
    "Recruitment processes",
    "Induction materials",
    "Marketing communications",
    "Staff Away Day",
]

S = Opportunity.Status
# A tiny but real PDF, so the demo's receipts open.
RECEIPT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# (title, workstream, year, month, sessions, participants) for past work.
# Colm took part in the Away Day planning without the fee.
HISTORY = [
    (
        "Comment on the embedding plan",
        "Embedding strategy",
        2022,
        3,
        2,
        ["member", "member2"],
    ),
    (
        "Interview panel: Engagement Officer",
        "Recruitment processes",
        2022,
        6,
        1,
        ["member", "member3"],
    ),
    (
        "Shape the evaluation questions",
        "Evaluation strategy",
        2022,
        10,
        2,
        ["member2", "member3"],
    ),
    (
        "Review the accessible website plans",
        "Accessible communications and website",
        2023,
        2,
        2,
        ["member", "member2", "member3"],
    ),
    (
        "Write the co-production induction pack",
        "Induction materials",
        2023,
        5,
        3,
        ["member", "member2", "member3"],
    ),
    (
        "Co-design the Staff Away Day",
        "Staff Away Day",
        2023,
        8,
        2,
        ["member", "member2", "member3*"],
    ),
    (
        "Marketing messages that land",
        "Marketing communications",
        2023,
        11,
        1,
        ["member", "member2", "member3"],
    ),
]


def _user(key: str) -> User:
    return User.objects.get(email=f"{key}@example.org")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _opportunity(title, workstream, *, first_day, sessions, status, **fields):
    defaults = {
        "summary": fields.pop(
            "summary",
            "Bring your experience to this piece of work. Papers come two weeks "
            "before; ask the engagement lead for them in another format.",
        ),
        "kind": fields.pop("kind", "one_off" if sessions == 1 else "short_term"),
        "workstream": Workstream.objects.get(name=workstream),
        "fee_basis": fields.pop("fee_basis", "per_hour"),
        "fee_rate": Decimal(fields.pop("fee_rate", "25.00")),
        "hours_per_session": Decimal(fields.pop("hours", "2.5")),
        "places": fields.pop("places", 3),
        "closes_on": fields.pop("closes_on", first_day - timedelta(days=14)),
        "mode": fields.pop("mode", "online"),
        "travel_policy": "Travel, taxis and replacement care can be paid in "
        "advance: tell the engagement lead what you need.",
        "status": status,
        "created_by": _user("lead"),
        **fields,
    }
    opportunity = OpportunityFactory(title=title, sessions=0, **defaults)
    for number in range(sessions):
        day = first_day + timedelta(days=7 * number)
        SessionFactory(
            opportunity=opportunity,
            starts_at=_at(day, 10, 30),
            ends_at=_at(day, 10, 30)
            + timedelta(hours=float(defaults["hours_per_session"])),
            where="Video call: the link comes by email"
            if defaults["mode"] == "online"
            else defaults.get("location", ""),
        )
    return opportunity


def _sign_up(opportunity, key, status=SignUp.Status.SELECTED, **fields):
    member = _user(key)
    when = timezone.make_aware(
        datetime.combine(opportunity.closes_on - timedelta(days=5), time(9))
    )
    return SignUpFactory(
        opportunity=opportunity,
        member=member,
        status=status,
        support_needs=getattr(getattr(member, "profile", None), "support_needs", ""),
        created_at=when,
        changed_at=when,
        **fields,
    )


def _claim(
    entry,
    status,
    *,
    on: date,
    expenses=(),
    message="",
    paid_after: int = 14,
    asked: tuple[int, int] | None = None,
):
    """A claim with its history, as the services would have written it: sent
    `on`, paid `paid_after` days later (the date the lead records), and, with
    `asked`, a question on the first day after sending and the member's
    answer on the second (the payment promise's clock pauses between)."""
    units = units_agreed(sign_up=entry)
    paid_on = on + timedelta(days=paid_after) if status == Claim.Status.PAID else None
    answered_on = on + timedelta(days=asked[1]) if asked else on
    claim = RecordedClaimFactory(
        sign_up=entry,
        units=units,
        fee=fee_for(sign_up=entry, units=units),
        status=status,
        submitted_at=_at(answered_on, 12),
        created_at=_at(on, 12),
        paid_on=paid_on,
        payment_reference=f"BACS-{on:%y%m}-{entry.pk:03d}"
        if status == Claim.Status.PAID
        else "",
    )
    for kind, description, amount in expenses:
        ExpenseLineFactory(
            claim=claim,
            kind=kind,
            description=description,
            amount=Decimal(amount),
            receipt=ContentFile(RECEIPT, name="receipt.pdf"),
            receipt_name=f"{kind.replace('_', '-')}-receipt.pdf",
        )
    member, lead = entry.member, _user("lead")
    ClaimEventFactory(
        claim=claim, by=member, at=_at(on, 12), to_status=Claim.Status.SUBMITTED
    )
    if asked:
        ClaimEventFactory(
            claim=claim,
            by=lead,
            at=_at(on + timedelta(days=asked[0]), 10),
            from_status=Claim.Status.SUBMITTED,
            to_status=Claim.Status.QUERIED,
            message="Could you send the receipt for the return journey too?",
        )
        ClaimEventFactory(
            claim=claim,
            by=member,
            at=_at(answered_on, 12),
            from_status=Claim.Status.QUERIED,
            to_status=Claim.Status.SUBMITTED,
            message="Here it is: it was in my other bag.",
        )
    path = {
        Claim.Status.SUBMITTED: [],
        Claim.Status.QUERIED: [Claim.Status.QUERIED],
        Claim.Status.APPROVED: [Claim.Status.APPROVED],
        Claim.Status.REJECTED: [Claim.Status.REJECTED],
        Claim.Status.PAID: [Claim.Status.APPROVED, Claim.Status.PAID],
    }[status]
    before = Claim.Status.SUBMITTED
    for step, to in enumerate(path, start=1):
        day = answered_on + timedelta(days=3 * step)
        if to == Claim.Status.APPROVED and paid_on:
            day = min(day, paid_on - timedelta(days=1))
        elif to == Claim.Status.PAID:
            day = paid_on  # marked paid the day it was paid
        ClaimEventFactory(
            claim=claim,
            by=lead,
            at=_at(day, 15),
            from_status=before,
            to_status=to,
            message=message
            if to in (Claim.Status.QUERIED, Claim.Status.REJECTED)
            else "",
        )
        before = to
    return claim


# How long the history's claims took to be paid, in days, taken in turn: the
# 2022 and 2023 promise was 15 working days, so some were paid early, some
# on the day and some late (issue 22's demo).
HISTORY_WAITS = [6, 21, 14, 30, 9, 19, 25, 8]


def _history_load():
    waits = iter(HISTORY_WAITS * 4)
    for title, workstream, year, month, sessions, people in HISTORY:
        opportunity = _opportunity(
            title,
            workstream,
            first_day=date(year, month, 8),
            sessions=sessions,
            status=S.COMPLETED,
        )
        for key in people:
            declines = key.endswith("*")
            entry = _sign_up(opportunity, key.rstrip("*"), declines_fee=declines)
            last = opportunity.sessions.last().starts_at.date()
            expenses = (
                [("travel", "Train to the session and back", "23.40")]
                if (opportunity.mode == "in_person" or key == "member2")
                else []
            )
            # One claim had a question about its receipt before it was paid.
            asked = (2, 9) if (year, month, key) == (2023, 5, "member2") else None
            _claim(
                entry,
                Claim.Status.PAID,
                on=last + timedelta(days=2),
                expenses=expenses,
                paid_after=next(waits) + (7 if asked else 0),
                asked=asked,
            )


def _this_year_load(today: date):
    """One opportunity in each state, and claims in each state."""
    _opportunity(
        "Review the new induction pack",
        "Induction materials",
        first_day=today + timedelta(days=45),
        sessions=2,
        status=S.DRAFT,
    )
    website = _opportunity(
        "Test the new website with a screen reader or magnifier",
        "Accessible communications and website",
        first_day=today + timedelta(days=24),
        sessions=2,
        status=S.OPEN,
        closes_on=today + timedelta(days=10),
        summary="Try the new website the way you use the web every day, and "
        "tell us what gets in your way. You do not need to be an expert.",
    )
    _sign_up(website, "member2", SignUp.Status.SIGNED_UP, note="I use a magnifier.")
    easy_read = _opportunity(
        "Check an Easy Read guide to direct payments",
        "Accessible communications and website",
        first_day=today + timedelta(days=20),
        sessions=1,
        status=S.OPEN,
        places=1,
        fee_basis="per_session",
        fee_rate="60.00",
        closes_on=today + timedelta(days=6),
    )
    _sign_up(easy_read, "member", SignUp.Status.SIGNED_UP)
    _sign_up(easy_read, "member2", SignUp.Status.WAITING)
    panel = _opportunity(
        "Interview panel: Head of Evaluation",
        "Recruitment processes",
        first_day=today + timedelta(days=12),
        sessions=1,
        status=S.CLOSED,
        places=2,
        mode="in_person",
        location="IMPACT office, ground floor meeting room (step-free), Birmingham",
        closes_on=today - timedelta(days=1),
        hours="6",
    )
    for key in ("member", "member2", "member3"):
        _sign_up(panel, key, SignUp.Status.SIGNED_UP)
    away_day = _opportunity(
        "Plan this year's Staff Away Day sessions",
        "Staff Away Day",
        first_day=today + timedelta(days=9),
        sessions=2,
        status=S.SELECTED,
        selection="first_come",
        closes_on=today - timedelta(days=7),
    )
    _sign_up(away_day, "member", reason="First come, first served.")
    niamh = _sign_up(away_day, "member2", reason="First come, first served.")
    AdvanceArrangementFactory(
        sign_up=niamh,
        kind=AdvanceArrangement.Kind.REPLACEMENT_CARE,
        details="Four hours of replacement care at home on each session day, "
        "booked with her usual agency.",
        amount=Decimal("96.00"),
        arranged_by=_user("lead"),
    )
    marketing = _opportunity(
        "Marketing messages: a six-week project",
        "Marketing communications",
        first_day=today - timedelta(days=14),
        sessions=4,
        status=S.IN_PROGRESS,
        kind="project",
    )
    _sign_up(marketing, "member")
    _sign_up(marketing, "member2")
    _opportunity(
        "Record a podcast about unpaid caring",
        "Marketing communications",
        first_day=today + timedelta(days=30),
        sessions=1,
        status=S.CANCELLED,
    )

    done = today - timedelta(days=40)
    evaluation = _opportunity(
        "Evaluation strategy: test the survey",
        "Evaluation strategy",
        first_day=done,
        sessions=1,
        status=S.COMPLETED,
    )
    _claim(
        _sign_up(evaluation, "member"),
        Claim.Status.SUBMITTED,
        on=today - timedelta(days=2),
        expenses=[("taxi", "Taxi to the library to use the computer", "14.00")],
    )
    _claim(
        _sign_up(evaluation, "member2"),
        Claim.Status.QUERIED,
        on=today - timedelta(days=20),
        expenses=[("travel", "Bus fares", "6.80")],
        message="The receipt is for a different day: do you have the one for the "
        "session day?",
    )
    embedding = _opportunity(
        "Embedding co-production: team workshops",
        "Embedding strategy",
        first_day=done - timedelta(days=30),
        sessions=2,
        status=S.COMPLETED,
        mode="in_person",
        location="Cardiff, Temple of Peace (step-free entrance at the side)",
    )
    _claim(
        _sign_up(embedding, "member"),
        Claim.Status.APPROVED,
        on=done - timedelta(days=5),
        expenses=[("travel", "Train Aberystwyth to Cardiff and back", "48.20")],
    )
    _claim(
        _sign_up(embedding, "member2"),
        Claim.Status.REJECTED,
        on=done - timedelta(days=6),
        message="This was already paid in advance as a taxi booking, so there "
        "is nothing to claim back.",
        expenses=[("taxi", "Taxi to the venue", "32.00")],
    )
    colm = _sign_up(embedding, "member3")
    _claim(colm, Claim.Status.PAID, on=done - timedelta(days=7), paid_after=8)
    # Paid this year: on the promise's last day, and late (the approved
    # "Embedding co-production" claim above is the one overdue now).
    charter = _opportunity(
        "Charter refresh: what should change?",
        "Embedding strategy",
        first_day=today - timedelta(days=150),
        sessions=1,
        status=S.COMPLETED,
    )
    _claim(
        _sign_up(charter, "member"),
        Claim.Status.PAID,
        on=today - timedelta(days=148),
        paid_after=14,
    )
    _claim(
        _sign_up(charter, "member3"),
        Claim.Status.PAID,
        on=today - timedelta(days=148),
        paid_after=26,
        expenses=[("travel", "Bus fares", "5.60")],
    )
    AdvanceArrangementFactory(
        sign_up=colm,
        kind=AdvanceArrangement.Kind.TAXI,
        details="Taxi from home to the venue and back, booked by the office.",
        amount=Decimal("42.00"),
        status=AdvanceArrangement.Status.PAID,
        paid_on=done - timedelta(days=35),
        reference="INV-TAXI-0412",
        arranged_by=_user("lead"),
    )


def _requests_load(today: date):
    tom = _user("staff")
    evaluation = Workstream.objects.get(name="Evaluation strategy")
    common = {
        "requested_by": tom,
        "starts_on": today + timedelta(days=30),
        "ends_on": today + timedelta(days=60),
        "expected_hours": Decimal("4"),
        "budget": Decimal("400.00"),
        "accessibility_offered": "Papers two weeks ahead, in Easy Read if wanted; "
        "breaks every 45 minutes; taxis booked in advance.",
    }
    EngagementRequestFactory(
        title="Review our annual survey questions",
        description="We want to know if the questions make sense to people who "
        "draw on care, and what we are not asking.",
        workstream=evaluation,
        kind="one_off",
        **common,
    )
    EngagementRequestFactory(
        title="Help us rewrite the complaints leaflet",
        description="Our leaflet is long and formal. We would like two members "
        "to help rewrite it.",
        workstream=Workstream.objects.get(name="Accessible communications and website"),
        kind="short_term",
        status=EngagementRequest.Status.QUESTION,
        lead_message="Is there a budget for printing an Easy Read version too?",
        **common,
    )
    EngagementRequestFactory(
        title="Speak at the board meeting next week",
        description="Ten minutes on what co-production has changed.",
        workstream=Workstream.objects.get(name="Embedding strategy"),
        kind="one_off",
        status=EngagementRequest.Status.DECLINED,
        lead_message="A week is not enough notice for members to prepare and "
        "arrange care. Could we plan it for the next board in three months?",
        **common,
    )
    accepted = EngagementRequestFactory(
        title="Interview panel: Head of Evaluation",
        description="Two members on the interview panel, with questions they write.",
        workstream=Workstream.objects.get(name="Recruitment processes"),
        kind="one_off",
        status=EngagementRequest.Status.ACCEPTED,
        **common,
    )
    Opportunity.objects.filter(title=accepted.title).update(request=accepted)


def _thresholds_load():
    """Two thresholds to show beside members' totals. The lead keeps them up
    to date every April; these were right for 2025 to 2026."""
    BenefitThresholdFactory(
        name="Carer's Allowance earnings limit",
        amount=Decimal("196.00"),
        period=BenefitThreshold.Period.WEEK,
        applies_from=date(2025, 4, 7),
        notes="Counted after tax, National Insurance and half of any pension "
        "contributions. Some care costs can be taken off.",
        link="https://www.gov.uk/carers-allowance/eligibility",
    )
    BenefitThresholdFactory(
        name="Income Tax Personal Allowance",
        amount=Decimal("12570.00"),
        period=BenefitThreshold.Period.YEAR,
        applies_from=date(2025, 4, 6),
        notes="Most people pay no income tax on earnings up to this amount a year.",
        link="https://www.gov.uk/income-tax-rates",
    )


def _promises_load():
    """The payment promises the lead has set: 15 working days from 2022,
    10 from April 2024 (each claim keeps the one in force when it was sent)."""
    lead = _user("lead")
    PaymentPromiseFactory(
        working_days=15, set_at=_at(date(2022, 1, 10), 9), set_by=lead
    )
    PaymentPromiseFactory(working_days=10, set_at=_at(date(2024, 4, 2), 9), set_by=lead)


def opportunities_load(today: date | None = None) -> None:
    if Workstream.objects.exists():
        return
    today = today or timezone.localdate()
    for name in WORKSTREAMS:
        WorkstreamFactory(name=name)
    _promises_load()
    _history_load()
    _this_year_load(today)
    _requests_load(today)
    _thresholds_load()
