"""Reads for meetings, reflections and impact, each fetched whole (a page
costs the same queries however many records there are). Who may see what is
decided here too: a member reads only the meetings they were part of. Each
part keeps its functions under its own heading."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Avg,
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.content_generation import public_pages
from core.languages import first_in_language, in_language
from figures.selectors import (
    WENT_AHEAD,
    Engagement,
    Totals,
    engagement_totals,
    engagements_list,
)
from members import roles
from members.models import Assembly, Profile, User
from notifications.models import CallBack
from opportunities.models import EngagementRequest, Opportunity, SignUp, Workstream
from opportunities.selectors import opportunity_work_done
from payments.promise import WaitFigures
from payments.selectors import payment_waits
from stories.models import StoryPage

from .models import (
    Change,
    HeardAnswer,
    HeardAsk,
    Meeting,
    Outcome,
    ReflectionFlow,
    ReflectionStatusChange,
    ReportYear,
    WhatWeDidPage,
)
from .questions import QUESTIONS, SCALE, Question

# Meetings ---------------------------------------------------------------------


def _meeting_whole(queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """With its outcomes and linked work, each list in one query."""
    return queryset.prefetch_related(
        "outcomes",
        "workstreams",
        Prefetch("opportunities", queryset=Opportunity.objects.order_by("title")),
    )


def _with_people(queryset: QuerySet[Meeting]) -> QuerySet[Meeting]:
    people = User.objects.order_by("first_name", "last_name", "email")
    return queryset.prefetch_related(
        Prefetch("led_by", queryset=people), Prefetch("attendees", queryset=people)
    )


def meetings_log() -> QuerySet[Meeting]:
    """The whole log, newest first, with how many outcomes and members each
    had (counted in the same query)."""
    return Meeting.objects.annotate(
        outcome_count=Count("outcomes", distinct=True),
        attendee_count=Count("attendees", distinct=True),
    ).order_by("-date", "title")


def meetings_of(*, member: User) -> QuerySet[Meeting]:
    """The meetings a member was part of: they led it or were there."""
    return meetings_log().filter(
        pk__in=Meeting.objects.filter(Q(led_by=member) | Q(attendees=member)).values(
            "pk"
        )
    )


def meetings_by_year(*, meetings: QuerySet[Meeting]) -> list[tuple[int, list]]:
    """(year, its meetings) pairs, newest year first, as the list shows them."""
    return [
        (year, list(items))
        for year, items in groupby(meetings, key=lambda meeting: meeting.date.year)
    ]


def meeting_for_lead(*, pk: int) -> Meeting | None:
    """Everything about one meeting, who was there included."""
    return _with_people(_meeting_whole(Meeting.objects.filter(pk=pk))).first()


def meeting_for_member(*, member: User, pk: int) -> Meeting | None:
    """One meeting the member was part of (with who was there, which they
    may see), or None for any other."""
    return (
        _with_people(_meeting_whole(Meeting.objects.filter(pk=pk)))
        .filter(pk__in=meetings_of(member=member).values("pk"))
        .first()
    )


def meeting_for_staff(*, pk: int) -> Meeting | None:
    """One meeting for staff: what it asked and what came of it. Who was
    there (members and guests) is not read at all."""
    return (
        _meeting_whole(Meeting.objects.filter(pk=pk))
        .defer("guests")
        .prefetch_related(
            Prefetch(
                "led_by",
                queryset=User.objects.order_by("first_name", "last_name", "email"),
            )
        )
        .first()
    )


def meeting_viewer_kind(*, person: User, user: User) -> str | None:
    """How someone reads the log outside the lead's screens: "member" (the
    meetings they were part of, `person` being the member a supporter acts
    for), "staff" (every meeting, without who was there), or None."""
    if roles.is_member(person):
        return "member"
    if roles.is_staff_member(user):
        return "staff"
    return None


def meeting_member_choices(*, meeting: Meeting | None = None) -> QuerySet[User]:
    """Who the form offers as leading or attending: current members, and
    anyone already recorded on this meeting (someone who has since left)."""
    current = Q(groups__name=roles.MEMBERS, is_active=True)
    if meeting is not None and meeting.pk:
        current |= Q(meetings_led=meeting) | Q(meetings_attended=meeting)
    return (
        User.objects.filter(
            pk__in=User.objects.filter(current).values("pk"),
        )
        .select_related("profile", "profile__assembly")
        .order_by("first_name", "last_name", "email")
    )


def meetings_public() -> QuerySet[Meeting]:
    """Meetings marked public, newest first, for "What we did"."""
    return (
        Meeting.objects.filter(is_public=True)
        .only("kind", "date", "title", "slug", "question")
        .order_by("-date", "title")
    )


def meeting_public_get(*, slug: str) -> Meeting | None:
    """A public meeting with its outcomes; never who was there."""
    return (
        Meeting.objects.filter(is_public=True, slug=slug)
        .defer("guests", "led_with")
        .prefetch_related(
            Prefetch("outcomes", queryset=Outcome.objects.only("meeting", "text")),
            "workstreams",
        )
        .first()
    )


def meeting_public_url(*, meeting: Meeting) -> str | None:
    """Where the public reads a public meeting, when "What we did" is live."""
    page = first_in_language(WhatWeDidPage.objects.live())
    if page is None or not meeting.is_public:
        return None
    return page.meeting_url(meeting)


# Reflections: "you said, we heard, we propose, outcome" ------------------------

Status = ReflectionFlow.Status
OPEN_STATUSES = (Status.PROPOSED, Status.ENDORSED, Status.IN_PROGRESS)
ACTED_ON_STATUSES = (Status.IN_PROGRESS, Status.DONE)


def workstream_ids_of(*, user: User) -> frozenset[int]:
    """The teams a member of staff answers for. Nothing links staff to a
    workstream but the requests they send for the group's input, so their
    teams are the workstreams of those requests (whatever became of them)."""
    if not roles.is_staff_member(user):
        return frozenset()
    return frozenset(
        EngagementRequest.objects.filter(requested_by=user)
        .values_list("workstream_id", flat=True)
        .distinct()
    )


def reflection_may_respond(*, flow: ReflectionFlow, user: User) -> bool:
    """Who adds "we heard" and the outcome: the lead, and staff of the team
    the flow concerns (see workstream_ids_of)."""
    if roles.is_lead(user):
        return True
    return flow.workstream_id is not None and flow.workstream_id in workstream_ids_of(
        user=user
    )


def reflection_of_year(*, year: int) -> Q:
    """A year's flows: those raised that year, and those raised before that
    were carried into it: still open now (so open all through it), or with a
    stage dated or a status changed in it."""
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    changed = ReflectionStatusChange.objects.filter(
        flow=OuterRef("pk"), at__gte=start, at__lt=end
    )
    return Q(year_raised=year) | (
        Q(year_raised__lt=year)
        & (
            Q(status__in=OPEN_STATUSES)
            | Q(we_heard_on__year=year)
            | Q(we_propose_on__year=year)
            | Q(outcome_on__year=year)
            | Exists(changed)
        )
    )


def reflections_list(*, year: int | None = None) -> QuerySet[ReflectionFlow]:
    """Every flow (or a year's: see reflection_of_year) with whoever gave
    each stage, in one statement; newest first."""
    flows = ReflectionFlow.objects.select_related(
        "workstream",
        "meeting",
        "raised_by",
        "we_heard_by",
        "we_propose_by",
        "outcome_by",
    ).order_by("-year_raised", "-you_said_on", "title")
    if year is not None:
        flows = flows.filter(reflection_of_year(year=year))
    return flows


def reflection_years() -> list[int]:
    """Every year from the first flow raised to this one, newest first."""
    first = (
        ReflectionFlow.objects.order_by("year_raised")
        .values_list("year_raised", flat=True)
        .first()
    )
    this_year = timezone.localdate().year
    if first is None:
        return []
    return list(range(max(this_year, first), first - 1, -1))


def reflection_history(*, flow: ReflectionFlow) -> list[ReflectionStatusChange]:
    """Each change of status, oldest first, with who made it."""
    return list(flow.status_changes.select_related("by").order_by("at", "pk"))


def _status_at_end_of(flow: ReflectionFlow, year: int) -> str:
    """Where the flow stood on 31 December of `year`, from its history."""
    changes = flow.history_for_years
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    before = [change for change in changes if change.at < end]
    if before:
        return before[-1].to_status
    if changes:
        return changes[0].from_status
    return flow.status


@dataclass(frozen=True)
class ReflectionYear:
    """One year of the reflections log, as the lead counts it."""

    year: int
    flows: int  # raised that year or carried into it
    new: int  # raised that year
    acted_on: int  # in progress or done by the end of the year
    not_possible: int  # found not possible by the end of the year

    @property
    def carried_over(self) -> int:
        return self.flows - self.new

    @property
    def in_words(self) -> str:
        """ "11 (4 new)", as the annual report writes it."""
        return f"{self.flows} ({self.new} new)"


def reflection_years_summary(*, years: list[int]) -> list[ReflectionYear]:
    """For each year: the flows (raised that year or carried into it), how
    many were new, and how many had been acted on (in progress or done) or
    found not possible by the year's end, from the status history. Two
    statements whatever the number of years or flows."""
    if not years:
        return []
    flows = list(
        ReflectionFlow.objects.filter(Q(year_raised__lte=max(years))).prefetch_related(
            Prefetch(
                "status_changes",
                queryset=ReflectionStatusChange.objects.order_by("at", "pk"),
                to_attr="history_for_years",
            )
        )
    )
    summary = []
    for year in years:
        start = date(year, 1, 1)
        end = date(year, 12, 31)

        def touched(flow, start=start, end=end):
            days = [flow.we_heard_on, flow.we_propose_on, flow.outcome_on]
            days += [timezone.localdate(c.at) for c in flow.history_for_years]
            return any(day and start <= day <= end for day in days)

        of_year = [
            flow
            for flow in flows
            if flow.year_raised == year
            or (
                flow.year_raised < year
                and (flow.status in OPEN_STATUSES or touched(flow))
            )
        ]
        at_end = [_status_at_end_of(flow, year) for flow in of_year]
        summary.append(
            ReflectionYear(
                year=year,
                flows=len(of_year),
                new=sum(flow.is_new_in(year) for flow in of_year),
                acted_on=sum(status in ACTED_ON_STATUSES for status in at_end),
                not_possible=sum(status == Status.NOT_POSSIBLE for status in at_end),
            )
        )
    return summary


# What changed because of the group ---------------------------------------------


def changes_visible_to(*, user: User) -> QuerySet[Change]:
    """The changes someone may read: the lead every one; staff their own and
    those that may be published; a member (or their supporter, acting for
    them: pass the member) those that may be published. Anyone else, none."""
    changes = Change.objects.select_related(
        "recorded_by", "meeting", "opportunity", "reflection"
    ).order_by("-recorded_on", "-pk")
    if roles.is_lead(user):
        return changes
    if roles.is_staff_member(user):
        return changes.filter(Q(recorded_by=user) | Q(may_publish=True))
    if roles.is_member(user):
        return changes.filter(may_publish=True)
    return changes.none()


def change_may_edit(*, change: Change, user: User) -> bool:
    """Whoever recorded a change (staff) and the lead may correct it."""
    return roles.is_lead(user) or (
        roles.is_staff_member(user) and change.recorded_by_id == user.pk
    )


def change_ask_url(*, request: EngagementRequest) -> str:
    """Where the requester records what changed: the form, filled in for
    this request."""
    return f"{reverse('changes:add')}?request={request.pk}"


def change_request_of(*, user: User, pk: int) -> EngagementRequest | None:
    """The engagement request a change is being recorded for (from the link
    in the email asking what changed): the requester's own, or any for the
    lead. None when there is no such request for them."""
    requests = EngagementRequest.objects.select_related("workstream", "opportunity")
    if not roles.is_lead(user):
        requests = requests.filter(requested_by=user)
    return requests.filter(pk=pk).first()


def opportunities_for_changes() -> QuerySet[Opportunity]:
    """The opportunities a change can be linked to: any past its draft."""
    return Opportunity.objects.exclude(status=Opportunity.Status.DRAFT).order_by(
        "-created_at", "title"
    )


# Were we heard? ------------------------------------------------------------------

# Fewer answers than this are never summarised to anyone: with a group of ten,
# a smaller summary could tell who answered what.
HEARD_FEWEST_SUMMARISED = 5


@dataclass(frozen=True)
class HeardScore:
    """One question's answers, summarised: how many answered it, the mean
    (1 to 5, one decimal place) and how many chose each point of the scale,
    lowest first. Only made from enough answers (HEARD_FEWEST_SUMMARISED)."""

    question: Question
    answered: int
    average: Decimal
    counts: tuple[int, ...]

    @property
    def by_words(self) -> list[tuple[str, int]]:
        return list(zip(self.question.scale, self.counts, strict=True))


@dataclass(frozen=True)
class HeardSummary:
    """What may be shown of a set of "were we heard?" answers: how many there
    were, and a score for each question answered often enough. Never the
    comments, never who answered."""

    answers: int
    scores: list[HeardScore]

    @property
    def is_shown(self) -> bool:
        return self.answers >= HEARD_FEWEST_SUMMARISED


def heard_summary(*, answers: QuerySet[HeardAnswer]) -> HeardSummary:
    """Summarise the answers in one query. A question fewer than five people
    answered (each may be left blank) has no score."""
    figures = {"answers": Count("pk")}
    for question in QUESTIONS:
        name = question.field
        figures[f"{name}__answered"] = Count(name)
        figures[f"{name}__average"] = Avg(name)
        for point in SCALE:
            figures[f"{name}__{point}"] = Count("pk", filter=Q(**{name: point}))
    found = answers.order_by().aggregate(**figures)
    scores = []
    if found["answers"] >= HEARD_FEWEST_SUMMARISED:
        for question in QUESTIONS:
            name = question.field
            answered = found[f"{name}__answered"]
            if answered < HEARD_FEWEST_SUMMARISED:
                continue
            average = Decimal(str(found[f"{name}__average"])).quantize(Decimal("0.1"))
            counts = tuple(found[f"{name}__{point}"] for point in SCALE)
            scores.append(HeardScore(question, answered, average, counts))
    return HeardSummary(answers=found["answers"], scores=scores)


# What one member answered, who took part, and the lead's calls. A member's
# answers are read only for that member (or their supporter, acting for them)
# and the lead; every other screen uses heard_summary above.

HEARD_KINDS = ("meeting", "opportunity")
HeardSubject = Meeting | Opportunity


def heard_kind_of(*, subject: HeardSubject) -> str:
    return "meeting" if isinstance(subject, Meeting) else "opportunity"


def heard_subject_get(*, kind: str, pk: int) -> HeardSubject | None:
    """The meeting or opportunity a "were we heard?" address names."""
    if kind == "meeting":
        return Meeting.objects.filter(pk=pk).first()
    if kind == "opportunity":
        return Opportunity.objects.filter(pk=pk).first()
    return None


def _about(subject: HeardSubject) -> Q:
    return Q(**{heard_kind_of(subject=subject): subject})


def heard_participants(*, subject: HeardSubject) -> QuerySet[User]:
    """The members who took part, and so are asked: those who led or were at
    a meeting; those selected for an opportunity (its work being done)."""
    if isinstance(subject, Meeting):
        took_part = Q(meetings_led=subject) | Q(meetings_attended=subject)
    else:
        took_part = Q(
            sign_ups__opportunity=subject, sign_ups__status=SignUp.Status.SELECTED
        )
    return User.objects.filter(
        pk__in=User.objects.filter(took_part, groups__name=roles.MEMBERS).values("pk")
    ).order_by("first_name", "last_name", "email")


def heard_took_part(*, subject: HeardSubject, member: User) -> bool:
    """Whether this member may answer about it: they took part, and (for an
    opportunity) the work is done."""
    if isinstance(subject, Opportunity) and not opportunity_work_done(
        opportunity=subject
    ):
        return False
    return heard_participants(subject=subject).filter(pk=member.pk).exists()


def heard_answers_about(*, subject: HeardSubject) -> QuerySet[HeardAnswer]:
    """Every answer about a meeting or opportunity: pass it to heard_summary
    for anyone but the lead."""
    return HeardAnswer.objects.filter(_about(subject))


def heard_answer_of(*, subject: HeardSubject, member: User) -> HeardAnswer | None:
    """The member's own answer (for them, a supporter acting for them, or the
    lead), with who wrote it down."""
    return (
        heard_answers_about(subject=subject)
        .filter(member=member)
        .select_related("recorded_by")
        .first()
    )


@dataclass(frozen=True)
class HeardRow:
    """One member who took part, and their answer if they gave one: for the
    lead's eyes only."""

    member: User
    answer: HeardAnswer | None


def heard_for_lead(*, subject: HeardSubject) -> list[HeardRow]:
    """Everyone who took part with what they answered, in two statements."""
    answers = {
        answer.member_id: answer
        for answer in heard_answers_about(subject=subject).select_related("recorded_by")
    }
    rows = [
        HeardRow(member, answers.pop(member.pk, None))
        for member in heard_participants(subject=subject)
    ]
    # Someone who answered and has since been taken off the meeting.
    rows += [HeardRow(answer.member, answer) for answer in answers.values()]
    return rows


def heard_url(*, subject: HeardSubject) -> str:
    """The answer screen, as the member opens it."""
    return reverse(f"heard:{heard_kind_of(subject=subject)}", args=[subject.pk])


def heard_record_url(*, subject: HeardSubject, member: User) -> str:
    """Where the lead writes a member's answers down on a call."""
    return reverse(
        f"heard:record_{heard_kind_of(subject=subject)}", args=[subject.pk, member.pk]
    )


@dataclass(frozen=True)
class HeardAsked:
    """Something a member was asked about, and what they answered."""

    subject: HeardSubject
    asked_at: datetime
    answer: HeardAnswer | None

    @property
    def url(self) -> str:
        return heard_url(subject=self.subject)


def heard_asks_of(*, member: User) -> list[HeardAsked]:
    """What the member was asked about, newest first, each with their answer
    (two statements however many)."""
    asks = (
        HeardAsk.objects.filter(member=member)
        .select_related("meeting", "opportunity")
        .order_by("-asked_at", "-pk")
    )
    answers = {
        (answer.meeting_id, answer.opportunity_id): answer
        for answer in HeardAnswer.objects.filter(member=member)
    }
    return [
        HeardAsked(
            ask.meeting or ask.opportunity,
            ask.asked_at,
            answers.get((ask.meeting_id, ask.opportunity_id)),
        )
        for ask in asks
    ]


def heard_calls_waiting() -> list[HeardAsk]:
    """Members who asked to be phoned and have not answered yet: the lead's
    calls to make, oldest first, each with whom to call and about what."""
    waiting = CallBack.objects.filter(
        done_at__isnull=True,
        notification__target_type=ContentType.objects.get_for_model(HeardAsk),
    ).values_list("notification__target_id", flat=True)
    answered = HeardAnswer.objects.filter(
        Q(meeting=OuterRef("meeting")) | Q(opportunity=OuterRef("opportunity")),
        member=OuterRef("member"),
    )
    return list(
        HeardAsk.objects.filter(pk__in=[int(pk) for pk in waiting])
        .exclude(Exists(answered))
        .select_related("member", "meeting", "opportunity")
        .order_by("asked_at", "pk")
    )


def heard_opportunities_asked() -> QuerySet[Opportunity]:
    """Opportunities whose participants were asked, newest first, with how
    many answered (for the lead's list)."""
    answers = (
        HeardAnswer.objects.filter(opportunity=OuterRef("pk"))
        .order_by()
        .values("opportunity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Opportunity.objects.filter(
            pk__in=HeardAsk.objects.filter(opportunity__isnull=False).values(
                "opportunity"
            )
        )
        .annotate(heard_answers=Subquery(answers))
        .order_by("-created_at", "title")
    )


# Impact dashboard -----------------------------------------------------------------


@dataclass(frozen=True)
class ImpactYear:
    """One year of the group's work, every figure the dashboard and the
    annual report show, worked out from the records (impact_year_figures)."""

    year: int
    meetings: int  # planning meetings, group meetings and events
    development_sessions: int
    questions: int  # meetings that put a question to the group
    outcomes: int
    reflections: ReflectionYear
    changes: int
    paid: Totals  # figures.selectors: paid engagements, hours, fees
    heard: HeardSummary
    # The claims paid that year: how long they waited from sent to paid.
    # None unless asked for (the annual report): the dashboard is at the
    # site's limit of statements a page runs.
    waits: WaitFigures | None = None

    @property
    def meetings_and_sessions(self) -> int:
        return self.meetings + self.development_sessions

    @property
    def has_records(self) -> bool:
        """Anything at all recorded for the year."""
        return bool(
            self.meetings_and_sessions
            or self.reflections.flows
            or self.changes
            or self.paid.engagements
            or self.paid.people
            or self.heard.answers
        )


@dataclass(frozen=True)
class ImpactFigures:
    """A year beside the year before, and whose figures they are: the whole
    group's, or one member's own part (`member`)."""

    now: ImpactYear
    before: ImpactYear
    member: User | None = None
    # The paid work behind `paid`, for the report's other tables.
    found: tuple[Engagement, ...] = ()
    # Every year from the first meeting (theirs, for a member) to this one,
    # newest first: the years the dashboard offers.
    years: tuple[int, ...] = ()

    @property
    def year(self) -> int:
        return self.now.year


def _meeting_counts(meetings: QuerySet[Meeting]) -> dict[int, dict]:
    """Meetings, development sessions, questions and outcomes for every year
    with a meeting, in one statement (one row a year, however many
    meetings)."""
    development = Q(kind=Meeting.Kind.DEVELOPMENT)
    rows = (
        meetings.order_by()
        .values(year=ExtractYear("date"))
        .annotate(
            meetings=Count("pk", filter=~development, distinct=True),
            development=Count("pk", filter=development, distinct=True),
            questions=Count("pk", filter=~Q(question=""), distinct=True),
            outcomes=Count("outcomes", distinct=True),
        )
    )
    return {row["year"]: row for row in rows}


def _change_counts(years: list[int]) -> dict:
    return Change.objects.order_by().aggregate(
        **{
            f"changes_{year}": Count("pk", filter=Q(recorded_on__year=year))
            for year in years
        }
    )


def opportunities_begun_in(*, year: int) -> QuerySet[Opportunity]:
    """Opportunities whose work began in `year` (their first session), the
    year the figures count their work in."""
    return Opportunity.objects.annotate(began=Min("sessions__starts_at")).filter(
        began__year=year
    )


def heard_answers_of(*, year: int, member: User | None = None) -> QuerySet[HeardAnswer]:
    """The "were we heard?" answers about a year's meetings and the
    opportunities whose work began that year (one member's, if given)."""
    answers = HeardAnswer.objects.filter(
        Q(meeting__date__year=year)
        | Q(opportunity__in=opportunities_begun_in(year=year).values("pk"))
    )
    if member is not None:
        answers = answers.filter(member=member)
    return answers


def impact_year_figures(
    *, year: int | None = None, member: User | None = None, waits: bool = False
) -> ImpactFigures:
    """Every figure of the impact dashboard and the annual report for `year`
    (None: the year of the newest meeting) beside the year before, in a fixed
    number of statements however many records there are. The paid work comes
    from the figures app's own selectors, so it always agrees with the
    figures page. Also the years there are meetings in (`years`).

    With `member`, their own part: the meetings they led or went to, their
    own paid work and their own answers; reflections and changes stay the
    whole group's (every member reads those logs).

    With `waits`, also how long the claims paid each year waited from sent
    to paid (payments.selectors.payment_waits): one more statement."""
    meetings = Meeting.objects.all()
    if member is not None:
        meetings = meetings.filter(
            pk__in=Meeting.objects.filter(
                Q(led_by=member) | Q(attendees=member)
            ).values("pk")
        )
    by_year = _meeting_counts(meetings)
    this_year = timezone.localdate().year
    if year is None:
        year = max(by_year, default=this_year)
    years = [year - 1, year]
    changes = _change_counts(years)
    reflections = {r.year: r for r in reflection_years_summary(years=years)}
    found = engagements_list()
    if member is not None:
        found = [e for e in found if e.member.pk == member.pk]
    paid_waits = (
        dict(zip(years, payment_waits(year=year, member=member), strict=True))
        if waits
        else {}
    )

    def one(year):
        counts = by_year.get(year, {})
        return ImpactYear(
            year=year,
            meetings=counts.get("meetings", 0),
            development_sessions=counts.get("development", 0),
            questions=counts.get("questions", 0),
            outcomes=counts.get("outcomes", 0),
            reflections=reflections[year],
            changes=changes[f"changes_{year}"],
            paid=engagement_totals(found=found, year=year),
            heard=heard_summary(answers=heard_answers_of(year=year, member=member)),
            waits=paid_waits.get(year),
        )

    return ImpactFigures(
        now=one(year),
        before=one(year - 1),
        member=member,
        found=tuple(e for e in found if e.year == year),
        years=tuple(range(this_year, min([*by_year, this_year]) - 1, -1)),
    )


@dataclass(frozen=True)
class ImpactYears:
    """The years the dashboard offers (newest first) and the one it opens
    on: the year of the newest meeting."""

    years: list[int]
    latest: int


def impact_years() -> ImpactYears:
    """From the year of the first meeting to this year, in one statement."""
    this_year = timezone.localdate().year
    span = Meeting.objects.order_by().aggregate(first=Min("date"), newest=Max("date"))
    if span["first"] is None:
        return ImpactYears(years=[this_year], latest=this_year)
    first = min(span["first"].year, this_year)
    return ImpactYears(
        years=list(range(this_year, first - 1, -1)), latest=span["newest"].year
    )


# Annual report ------------------------------------------------------------------

# How the report names a member who did not agree to be on the public site.
UNNAMED_MEMBER = gettext_lazy("A member of the group")


@dataclass(frozen=True)
class AssemblyYear:
    """One Assembly's members during a year, and who joined and left. Only
    members who agreed to appear on the public site are named."""

    assembly: Assembly
    members: list[Profile]
    joined: list[Profile]
    left: list[Profile]

    @property
    def named(self) -> list[Profile]:
        return [profile for profile in self.members if profile.publish_on_site]

    @property
    def unnamed(self) -> int:
        return len(self.members) - len(self.named)


# Each kind of story as the report heads it.
STORY_HEADINGS = {
    StoryPage.Kind.BLOG: gettext_lazy("Blogs"),
    StoryPage.Kind.VIDEO: gettext_lazy("Video stories"),
    StoryPage.Kind.PODCAST: gettext_lazy("Podcasts"),
}


@dataclass(frozen=True)
class StoryKind:
    heading: str
    stories: list[StoryPage]


@dataclass(frozen=True)
class AnnualReport:
    """Everything the annual report for a year shows: the lead's own words
    (ReportYear) and the rest worked out from the records when it is read."""

    year: int
    words: ReportYear
    figures: ImpactFigures
    membership: list[AssemblyYear]
    meetings: list[Meeting]
    stories: list[StoryKind]
    workstreams: list[Workstream]
    reflections: list[ReflectionFlow]
    changes: list[Change]

    @property
    def members(self) -> int:
        return sum(len(each.members) for each in self.membership)

    @property
    def has_records(self) -> bool:
        """Anything recorded for the year: otherwise the report says so, and
        no empty document is made."""
        return bool(
            self.figures.now.has_records
            or self.meetings
            or self.stories
            or self.reflections
            or self.changes
        )

    @property
    def quotes(self) -> list[Change]:
        return [change for change in self.changes if change.has_publishable_quote]


def report_year_get(*, year: int) -> ReportYear:
    """The lead's words for the year's report (unsaved and empty if none)."""
    return ReportYear.objects.filter(year=year).first() or ReportYear(year=year)


def membership_of_year(*, year: int) -> list[AssemblyYear]:
    """Each Assembly's members at any time in `year` (by their profile's
    Assembly), with those who joined and left that year; two statements."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    profiles = list(
        Profile.objects.filter(
            role=Profile.Role.MEMBER,
            assembly__isnull=False,
            joined_on__lte=end,
        )
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=start))
        .order_by("display_name")
    )
    found = []
    for assembly in Assembly.objects.order_by("sort_order", "name"):
        members = [p for p in profiles if p.assembly_id == assembly.pk]
        found.append(
            AssemblyYear(
                assembly=assembly,
                members=members,
                joined=[p for p in members if p.joined_on.year == year],
                left=[p for p in members if p.left_on and p.left_on.year == year],
            )
        )
    return found


def _report_name(person: User) -> str:
    """A member as the report names them: by the name on the public site if
    they agreed to be on it, else as "A member of the group"."""
    profile = getattr(person, "profile", None)
    if profile is not None and profile.publish_on_site:
        return profile.display_name
    return UNNAMED_MEMBER


def meetings_of_year(*, year: int) -> list[Meeting]:
    """The year's meetings, oldest first, with their outcomes and the members
    who led them (`led_by_names`, named as the report names them); never who
    was there."""
    meetings = list(
        Meeting.objects.filter(date__year=year)
        .defer("guests")
        .prefetch_related(
            "outcomes",
            Prefetch(
                "led_by",
                queryset=User.objects.select_related("profile").order_by(
                    "first_name", "last_name"
                ),
            ),
        )
        .order_by("date", "title")
    )
    for meeting in meetings:
        meeting.led_by_names = [_report_name(p) for p in meeting.led_by.all()]
    return meetings


def stories_of_year(*, year: int) -> list[StoryKind]:
    """The live, public stories dated in `year`, by kind, oldest first."""
    stories = list(
        public_pages(in_language(StoryPage.objects.live()))
        .filter(date__year=year)
        .defer_streamfields()
        .select_related("author")
        .order_by("date", "pk")
    )
    return [
        StoryKind(
            heading=STORY_HEADINGS.get(kind, label),
            stories=[s for s in stories if s.kind == kind],
        )
        for kind, label in StoryPage.Kind.choices
        if any(s.kind == kind for s in stories)
    ]


def workstreams_of_year(*, year: int) -> list[Workstream]:
    """The workstreams the group worked across in `year`: those of its
    meetings, of the paid work that began that year and went ahead, and of
    the requests accepted for work starting that year; each annotated with
    how many of each (`meeting_count`, `opportunity_count`, `request_count`),
    in one statement."""
    begun = opportunities_begun_in(year=year).filter(status__in=WENT_AHEAD)
    meetings = Meeting.objects.filter(workstreams=OuterRef("pk"), date__year=year)
    requests = EngagementRequest.objects.filter(
        workstream=OuterRef("pk"),
        starts_on__year=year,
        status=EngagementRequest.Status.ACCEPTED,
    )
    return list(
        Workstream.objects.annotate(
            meeting_count=Count(
                "meetings", filter=Q(meetings__date__year=year), distinct=True
            ),
            opportunity_count=Count(
                "opportunity",
                filter=Q(opportunity__in=begun.values("pk")),
                distinct=True,
            ),
            request_count=Count(
                "engagementrequest",
                filter=Q(engagementrequest__in=requests.values("pk")),
                distinct=True,
            ),
        )
        .filter(
            Exists(meetings)
            | Exists(
                Opportunity.objects.filter(
                    workstream=OuterRef("pk"), pk__in=begun.values("pk")
                )
            )
            | Exists(requests)
        )
        .order_by("name")
    )


def changes_published_of(*, year: int) -> list[Change]:
    """The changes recorded in `year` that may be published, oldest first."""
    return list(
        Change.objects.filter(recorded_on__year=year, may_publish=True)
        .select_related("meeting", "opportunity", "reflection")
        .order_by("recorded_on", "pk")
    )


def annual_report_of(*, year: int) -> AnnualReport:
    """The annual report for `year`, worked out from the records now, with
    the lead's words; its figures are the dashboard's (impact_year_figures)."""
    reflections = list(reflections_list(year=year).order_by("year_raised", "title"))
    for flow in reflections:
        flow.is_new_this_year = flow.is_new_in(year)
    return AnnualReport(
        year=year,
        words=report_year_get(year=year),
        figures=impact_year_figures(year=year, waits=True),
        membership=membership_of_year(year=year),
        meetings=meetings_of_year(year=year),
        stories=stories_of_year(year=year),
        workstreams=workstreams_of_year(year=year),
        reflections=reflections,
        changes=changes_published_of(year=year),
    )
