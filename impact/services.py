"""Writes for meetings, reflections and impact: every rule about who may
change what, and each refusal (NotAllowed, with words for the person and the
form field they belong next to). Views, the demo and tests come here. Each
part keeps its functions under its own heading."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exceptions import NotAllowed
from core.page_cache import page_cache_purge
from members import roles
from members.acting import may_act_for
from members.models import User
from members.selectors import active_in_role
from members.services import on_behalf_record
from notifications.models import CallBack, Kind
from notifications.services import call_back_mark_done, notify
from opportunities.models import EngagementRequest, Opportunity, Workstream

from .models import (
    Change,
    ChangeAsk,
    HeardAnswer,
    HeardAsk,
    Meeting,
    Outcome,
    ReflectionFlow,
    ReflectionStatusChange,
    ReportYear,
)
from .questions import QUESTIONS, SCALE
from .selectors import (
    HeardSubject,
    change_ask_url,
    change_may_edit,
    heard_kind_of,
    heard_participants,
    heard_took_part,
    heard_url,
    reflection_may_respond,
)

# Meetings ---------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeInput:
    """One outcome as the form gives it: what came of the meeting, and whom
    it came from."""

    text: str
    from_whom: str = ""


@dataclass(frozen=True)
class MeetingInput:
    """Everything the lead writes about a meeting."""

    kind: str
    date: date | None
    title: str
    led_by: Iterable[User] = ()
    led_with: str = ""
    attendees: Iterable[User] = ()
    guests: str = ""
    question: str = ""
    covered: str = ""
    do_differently: str = ""
    outcomes: list[OutcomeInput] = field(default_factory=list)
    workstreams: Iterable[Workstream] = ()
    opportunities: Iterable[Opportunity] = ()
    is_public: bool = False


def _meeting_check(*, details: MeetingInput, by: User) -> None:
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead keeps the meetings log."))
    if details.date is None:
        raise NotAllowed(_("Enter the date of the meeting."), field="date")
    if not details.title.strip():
        raise NotAllowed(_("Give the meeting a title."), field="title")
    if details.kind not in Meeting.Kind.values:
        raise NotAllowed(_("Choose what kind of meeting it was."), field="kind")


def _slug_free(title: str, day: date, meeting: Meeting) -> str:
    """A public address from the title and year ("planning-meeting-2023"),
    made unique with a number when another meeting has it."""
    base = slugify(f"{title} {day.year}")[:200] or f"meeting-{day.year}"
    taken = set(
        Meeting.objects.exclude(pk=meeting.pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def meeting_save(
    *, meeting: Meeting | None = None, details: MeetingInput, by: User
) -> Meeting:
    """Add a meeting to the log (meeting=None) or change one, with its
    outcomes in the order given. Its public address is made once, from the
    title and year, and kept when the title changes, so a link to a public
    meeting goes on working."""
    _meeting_check(details=details, by=by)
    meeting = meeting or Meeting(created_by=by)
    # Read from the database: a form may have changed the object already.
    was_public = (
        meeting.pk is not None
        and Meeting.objects.filter(pk=meeting.pk, is_public=True).exists()
    )
    meeting.kind = details.kind
    meeting.date = details.date
    meeting.title = details.title.strip()
    meeting.led_with = details.led_with.strip()
    meeting.guests = details.guests.strip()
    meeting.question = details.question.strip()
    meeting.covered = details.covered.strip()
    meeting.do_differently = details.do_differently.strip()
    meeting.is_public = details.is_public
    meeting.changed_at = timezone.now()
    if not meeting.slug:
        meeting.slug = _slug_free(meeting.title, meeting.date, meeting)
    meeting.save()
    meeting.led_by.set(details.led_by)
    meeting.attendees.set(details.attendees)
    meeting.workstreams.set(details.workstreams)
    meeting.opportunities.set(details.opportunities)
    meeting.outcomes.all().delete()
    Outcome.objects.bulk_create(
        Outcome(
            meeting=meeting,
            text=outcome.text.strip(),
            from_whom=outcome.from_whom.strip(),
            sort_order=number,
        )
        for number, outcome in enumerate(details.outcomes)
        if outcome.text.strip()
    )
    if was_public or meeting.is_public:
        # "What we did" shows it (or showed it): the public pages are rebuilt.
        page_cache_purge()
    return meeting


# Reflections: "you said, we heard, we propose, outcome" ------------------------

Status = ReflectionFlow.Status
# How a member's proposal is signed when they would rather not give their name.
UNNAMED_MEMBER = "A member of the group"
# The flow's fields the lead edits (the stages staff answer are apart).
FLOW_FIELDS = (
    "title",
    "year_raised",
    "workstream",
    "meeting",
    "you_said",
    "you_said_on",
    "you_said_by",
)


def _flow_url(flow: ReflectionFlow) -> str:
    return reverse("reflections:detail", kwargs={"pk": flow.pk})


@transaction.atomic
def reflection_propose(
    *,
    member: User,
    by: User,
    title: str,
    you_said: str,
    workstream: Workstream | None = None,
    show_name: bool = False,
    today: date | None = None,
) -> ReflectionFlow:
    """A member says something the group or the organisation should hear:
    a flow starts, proposed, and the lead is told."""
    if not roles.is_member(member):
        raise NotAllowed(_("Only members of the group propose reflections."))
    today = today or timezone.localdate()
    flow = ReflectionFlow.objects.create(
        title=title,
        year_raised=today.year,
        workstream=workstream,
        raised_by=member,
        you_said=you_said,
        you_said_on=today,
        you_said_by=str(member) if show_name else UNNAMED_MEMBER,
        status=Status.PROPOSED,
    )
    on_behalf_record(member=member, actor=by, action=f"Proposed a reflection: {title}")
    notify(
        recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS),
        kind=Kind.GENERAL,
        subject=format_lazy(
            gettext_lazy("A member proposed a reflection: {title}"), title=title
        ),
        body=format_lazy(
            gettext_lazy("“{words}”\n\nRead it, then endorse it or say why not."),
            words=you_said[:300],
        ),
        url=reverse("reflections:edit", kwargs={"pk": flow.pk}),
        dedupe_key=f"reflection-proposed:{flow.pk}",
        target=flow,
    )
    return flow


def _stage_dates(flow, by, stages, today):
    """Date and attribute each stage whose words are new or changed; a stage
    emptied loses its date and author too."""
    for stage, (words, on) in stages.items():
        before = getattr(flow, stage)
        setattr(flow, stage, words)
        if not words:
            setattr(flow, f"{stage}_on", None)
            setattr(flow, f"{stage}_by", None)
        elif words != before or on != getattr(flow, f"{stage}_on"):
            setattr(flow, f"{stage}_on", on or today)
            if words != before or getattr(flow, f"{stage}_by") is None:
                setattr(flow, f"{stage}_by", by)


@transaction.atomic
def reflection_respond(
    *,
    flow: ReflectionFlow,
    by: User,
    we_heard: str,
    we_heard_on: date | None = None,
    outcome: str,
    outcome_on: date | None = None,
    today: date | None = None,
) -> ReflectionFlow:
    """Staff of the team (or the lead) say what they heard and what came of
    it. Each stage written or changed is dated (today unless given) and
    signed by whoever wrote it."""
    if not reflection_may_respond(flow=flow, user=by):
        raise NotAllowed(
            _("Only staff of the team it concerns, or the lead, answer it.")
        )
    if outcome and not (we_heard or flow.we_heard):
        raise NotAllowed(_("Say what you heard before the outcome."), field="we_heard")
    _stage_dates(
        flow,
        by,
        {"we_heard": (we_heard, we_heard_on), "outcome": (outcome, outcome_on)},
        today or timezone.localdate(),
    )
    flow.save()
    if flow.raised_by_id:
        notify(
            recipients=[flow.raised_by_id],
            kind=Kind.GENERAL,
            subject=format_lazy(
                gettext_lazy("Your reflection has an answer: {title}"), title=flow.title
            ),
            body=(
                gettext_lazy("Staff have said what they heard and what came of it.")
                if flow.outcome
                else gettext_lazy("Staff have said what they heard.")
            ),
            url=_flow_url(flow),
            dedupe_key=f"reflection-answered:{flow.pk}:{flow.we_heard_on}:"
            f"{flow.outcome_on}",
            target=flow,
        )
    return flow


def _refusal_for(flow: ReflectionFlow, to: str, reason: str) -> NotAllowed | None:
    if to not in Status.values:
        return NotAllowed(_("Choose a status from the list."), field="status")
    if reason:
        return None
    if to == Status.NOT_POSSIBLE and not flow.is_not_possible:
        return NotAllowed(
            _("Say why it is not possible: the group reads the reason."),
            field="status_reason",
        )
    if flow.is_backwards(to):
        return NotAllowed(
            _("Say why it goes back from “%(was)s” to “%(to)s”.")
            % {"was": flow.get_status_display(), "to": Status(to).label},
            field="status_reason",
        )
    return None


@transaction.atomic
def reflection_status_change(
    *,
    flow: ReflectionFlow,
    to: str,
    by: User,
    reason: str = "",
    at: datetime | None = None,
) -> ReflectionStatusChange | None:
    """Move a flow to another status (the lead only). Going back a stage, or
    finding it not possible, needs a reason. Every change is kept: who,
    when, from, to and why. The same status again changes nothing."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead changes a flow's status."))
    reason = reason.strip()
    refusal = _refusal_for(flow, to, reason)
    if refusal:
        raise refusal
    if to == flow.status:
        if reason != flow.status_reason:
            flow.status_reason = reason
            flow.save(update_fields=["status_reason"])
        return None
    change = ReflectionStatusChange.objects.create(
        flow=flow,
        from_status=flow.status,
        to_status=to,
        reason=reason,
        by=by,
        at=at or timezone.now(),
    )
    flow.status = to
    flow.status_reason = reason
    flow.save(update_fields=["status", "status_reason"])
    if flow.raised_by_id:
        notify(
            recipients=[flow.raised_by_id],
            kind=Kind.GENERAL,
            subject=format_lazy(
                gettext_lazy("Your reflection is now “{status}”: {title}"),
                status=_lower_lazy(Status(to).label),
                title=flow.title,
            ),
            body=reason,
            url=_flow_url(flow),
            dedupe_key=f"reflection-status:{change.pk}",
            target=flow,
        )
    return change


@transaction.atomic
def reflection_save(
    *,
    flow: ReflectionFlow,
    by: User,
    fields: dict,
    we_propose: str,
    we_propose_on: date | None = None,
    status: str,
    status_reason: str = "",
    today: date | None = None,
) -> ReflectionFlow:
    """The lead adds a flow (an unsaved `flow`) or edits one: what was said
    and by whom, "we propose", and its status. All or nothing: a refused
    status saves none of the rest."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead edits a flow."))
    unknown = set(fields) - set(FLOW_FIELDS)
    if unknown:
        raise ValueError(f"Not the lead's to edit here: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(flow, name, value)
    _stage_dates(
        flow,
        by,
        {"we_propose": (we_propose, we_propose_on)},
        today or timezone.localdate(),
    )
    if flow.pk is None:
        # A new flow starts where the lead says it stands; its history
        # records the step from "proposed".
        flow.status = Status.PROPOSED
    flow.save()
    reflection_status_change(flow=flow, to=status, by=by, reason=status_reason)
    return flow


# What changed because of the group ---------------------------------------------

CHANGE_FIELDS = (
    "what",
    "where",
    "meeting",
    "opportunity",
    "reflection",
    "quote",
    "quote_by",
    "may_publish",
)
# Requests whose work ended longer ago than this are not asked about (so
# turning the task on does not email about years of old requests at once).
CHANGE_ASK_WITHIN_DAYS = 90


@transaction.atomic
def change_save(*, change: Change, by: User, fields: dict) -> Change:
    """Staff (or the lead) record what changed because of the group, or
    correct what they recorded. A quote needs whose words it is."""
    if change.pk is None:
        if not (roles.is_lead(by) or roles.is_staff_member(by)):
            raise NotAllowed(_("Staff and the engagement lead record changes."))
        change.recorded_by = by
    elif not change_may_edit(change=change, user=by):
        raise NotAllowed(_("Only whoever recorded it, or the lead, edits a change."))
    unknown = set(fields) - set(CHANGE_FIELDS)
    if unknown:
        raise ValueError(f"Not a change's field: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(change, name, value)
    if change.quote and not change.quote_by:
        raise NotAllowed(
            _("Say whose words these are, for example: a member at the meeting."),
            field="quote_by",
        )
    change.save()
    return change


def _paragraphs(lines) -> str:
    """Paragraphs, each translated when the notification is read."""
    return format_lazy("\n\n".join(["{}"] * len(lines)), *lines)


def _lower_lazy(text):
    return lazy(lambda: str(text).lower(), str)()


def _date_lazy(day: date):
    """A date as "3 March 2025", its month named when the text is read."""
    return lazy(lambda: date_format(day, "j F Y"), str)()


def _ask_body(request: EngagementRequest) -> str:
    lines = [
        format_lazy(
            gettext_lazy(
                "You asked the group for help with “{title}” ({workstream}), "
                "from {starts} to {ends}."
            ),
            title=request.title,
            workstream=request.workstream,
            starts=_date_lazy(request.starts_on),
            ends=_date_lazy(request.ends_on),
        ),
    ]
    opportunity = getattr(request, "opportunity", None)
    if opportunity is not None:
        lines.append(
            format_lazy(
                gettext_lazy("It became the paid opportunity “{title}” ({status})."),
                title=opportunity.title,
                status=_lower_lazy(opportunity.get_status_display()),
            )
        )
    lines += [
        format_lazy(
            gettext_lazy("What you asked: {description}"),
            description=request.description[:400],
        ),
        gettext_lazy(
            "Now that the work has ended, please tell us what changed because of "
            "it: what changed, where, and, if you like, someone's words that we "
            "may quote. It helps the group see the difference it makes."
        ),
        gettext_lazy(
            "The link below opens the form, already filled in for this request."
        ),
    ]
    return _paragraphs(lines)


def change_asks_send(*, today: date) -> int:
    """Ask each requester whose accepted request's work has ended (in the
    last CHANGE_ASK_WITHIN_DAYS days) what changed because of the group:
    once, however often or however many at once this runs. The ask and its
    notification are made in one transaction; a second run (or one running
    at the same moment) finds the ask and sends nothing."""
    due = (
        EngagementRequest.objects.filter(
            status=EngagementRequest.Status.ACCEPTED,
            ends_on__lt=today,
            ends_on__gte=today - timedelta(days=CHANGE_ASK_WITHIN_DAYS),
            change_ask__isnull=True,
        )
        .select_related("workstream", "opportunity")
        .order_by("ends_on", "pk")
    )
    sent = 0
    for request in due:
        with transaction.atomic():
            _ask, created = ChangeAsk.objects.get_or_create(request=request)
            if not created:
                continue
            sent += len(
                notify(
                    recipients=[request.requested_by_id],
                    kind=Kind.OPPORTUNITY,
                    subject=format_lazy(
                        gettext_lazy("What changed because of the group? {title}"),
                        title=request.title,
                    ),
                    body=_ask_body(request),
                    url=change_ask_url(request=request),
                    dedupe_key=f"change-ask:{request.pk}",
                    target=request,
                )
            )
    return sent


# Were we heard? ------------------------------------------------------------------

# Only meetings and work that ended this recently are asked about, so turning
# the task on does not ask about years of old meetings at once.
HEARD_ASK_WITHIN_DAYS = 30
HEARD_FIELDS = tuple(question.field for question in QUESTIONS)


def _heard_ask_key(subject: HeardSubject) -> str:
    return f"heard-ask:{heard_kind_of(subject=subject)}:{subject.pk}"


def _heard_ask_body(subject: HeardSubject) -> str:
    """The questions in full, so someone who asked to be phoned gets them
    read out from the lead's call list."""
    thanks = (
        gettext_lazy(
            "Thank you for taking part in “{subject}”. We would like to know how "
            "the meeting was for you: four short questions, each answered from "
            "“not at all” to “completely”, and anything else you want to tell us. "
            "Every question can be left out."
        )
        if isinstance(subject, Meeting)
        else gettext_lazy(
            "Thank you for taking part in “{subject}”. We would like to know how "
            "the piece of work was for you: four short questions, each answered "
            "from “not at all” to “completely”, and anything else you want to "
            "tell us. Every question can be left out."
        )
    )
    lines = [format_lazy(thanks, subject=str(subject))]
    for number, question in enumerate(QUESTIONS, start=1):
        lines.append(
            format_lazy(
                gettext_lazy("{number}. {words} (In Easy Read: {easy_read}) {scale}."),
                number=number,
                words=gettext_lazy(question.words_en),
                easy_read=gettext_lazy(question.easy_read_en),
                scale=format_lazy(
                    ", ".join(["{}"] * len(question.scale_en)),
                    *(gettext_lazy(words) for words in question.scale_en),
                ),
            )
        )
    lines.append(
        gettext_lazy(
            "Only you and the engagement lead read your answers. Everyone else "
            "sees only a summary of five or more people's answers. If you asked "
            "us to phone you, the engagement lead will call and write your "
            "answers down for you."
        )
    )
    return _paragraphs(lines)


def _heard_ask(subject: HeardSubject, members: Iterable[User]) -> int:
    """Ask each member once: the HeardAsk is made in the same transaction as
    the notification, so a second run, or one at the same moment, finds it
    (or waits for it) and sends nothing."""
    sent = 0
    kind = heard_kind_of(subject=subject)
    for member in members:
        with transaction.atomic():
            ask, created = HeardAsk.objects.get_or_create(
                member=member, **{kind: subject}
            )
            if not created:
                continue
            sent += len(
                notify(
                    recipients=[member.pk],
                    kind=Kind.GENERAL,
                    subject=format_lazy(
                        gettext_lazy("Were you heard? {subject}"), subject=str(subject)
                    ),
                    body=_heard_ask_body(subject),
                    url=heard_url(subject=subject),
                    dedupe_key=_heard_ask_key(subject),
                    target=ask,
                )
            )
    return sent


def _not_asked(subject: HeardSubject) -> QuerySet[User]:
    asked = HeardAsk.objects.filter(
        member=OuterRef("pk"), **{heard_kind_of(subject=subject): subject}
    )
    return (
        heard_participants(subject=subject)
        .filter(is_active=True)
        .exclude(Exists(asked))
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def heard_asks_send(*, today: date) -> int:
    """After each meeting (from the day after its date) and each piece of
    paid work whose work is done (from the day after its last session
    began), ask every member who took part the four questions, once. Only
    what ended in the last HEARD_ASK_WITHIN_DAYS days is asked about.
    Returns how many were told."""
    since = today - timedelta(days=HEARD_ASK_WITHIN_DAYS)
    sent = 0
    for meeting in Meeting.objects.filter(date__lt=today, date__gte=since).order_by(
        "date", "pk"
    ):
        sent += _heard_ask(meeting, _not_asked(meeting))
    done = (
        Opportunity.objects.filter(
            status__in=(
                Opportunity.Status.SELECTED,
                Opportunity.Status.IN_PROGRESS,
                Opportunity.Status.COMPLETED,
            )
        )
        .annotate(last_session=Max("sessions__starts_at"))
        .filter(last_session__lt=_start_of(today), last_session__gte=_start_of(since))
        .order_by("last_session", "pk")
    )
    for opportunity in done:
        sent += _heard_ask(opportunity, _not_asked(opportunity))
    return sent


def _heard_scores(scores: dict) -> dict[str, int | None]:
    unknown = set(scores) - set(HEARD_FIELDS)
    if unknown:
        raise ValueError(f"Not a question: {sorted(unknown)}")
    checked = {}
    for field_name in HEARD_FIELDS:
        value = scores.get(field_name)
        if value is not None and value not in SCALE:
            raise NotAllowed(_("Choose one of the five answers."), field=field_name)
        checked[field_name] = value
    return checked


@transaction.atomic
def heard_answer_save(
    *,
    subject: HeardSubject,
    member: User,
    by: User,
    scores: dict,
    comment: str = "",
) -> HeardAnswer:
    """A member's answers about a meeting or opportunity they took part in,
    given by them, by their supporter acting for them, or written down by
    the lead on a call (then recorded_by is the lead, and the call is marked
    done). Answering again changes the answer. Every question may be left
    out, but not all of them and the comment too."""
    by_lead = by.pk != member.pk and roles.is_lead(by)
    if by.pk != member.pk and not by_lead and not may_act_for(by, member):
        raise NotAllowed(_("Only the member, their supporter or the lead answer."))
    if not heard_took_part(subject=subject, member=member):
        raise NotAllowed(_("Only members who took part are asked."))
    scores = _heard_scores(scores)
    comment = comment.strip()
    if all(value is None for value in scores.values()) and not comment:
        raise NotAllowed(
            _("Answer at least one question, or write something in the box."),
            field=HEARD_FIELDS[0],
        )
    answer, _created = HeardAnswer.objects.update_or_create(
        member=member,
        **{heard_kind_of(subject=subject): subject},
        defaults={
            **scores,
            "comment": comment,
            "recorded_by": by if by_lead else member,
            "answered_at": timezone.now(),
        },
    )
    if by_lead:
        for call_back in CallBack.objects.filter(
            done_at__isnull=True,
            notification__recipient=member,
            notification__dedupe_key=_heard_ask_key(subject),
        ):
            call_back_mark_done(
                call_back=call_back, by=by, note="Answers written down on the call."
            )
    else:
        on_behalf_record(
            member=member, actor=by, action=f"Answered “Were we heard?”: {subject}"
        )
    return answer


# Annual report ------------------------------------------------------------------

# The annual report's words the lead writes; the rest is worked out.
REPORT_YEAR_FIELDS = ("introduction", "priorities_next_year", "easy_read_summary")


@transaction.atomic
def report_year_save(*, year: int, by: User, fields: dict[str, str]) -> ReportYear:
    """The lead writes (or rewrites) the annual report's own words for
    `year`: the introduction, the priorities for next year and the Easy Read
    summary. Everything else in the report is worked out from the records."""
    if not roles.is_lead(by):
        raise NotAllowed(_("Only the engagement lead writes the annual report."))
    unknown = set(fields) - set(REPORT_YEAR_FIELDS)
    if unknown:
        raise ValueError(f"Not one of the report's words: {sorted(unknown)}")
    words = {name: (value or "").strip() for name, value in fields.items()}
    if not words.get("introduction"):
        raise NotAllowed(
            _("Write a few words to open the report: what the year was about."),
            field="introduction",
        )
    report_year, _created = ReportYear.objects.select_for_update().get_or_create(
        year=year
    )
    for name, value in words.items():
        setattr(report_year, name, value)
    report_year.changed_by = by
    report_year.changed_at = timezone.now()
    report_year.save()
    return report_year
