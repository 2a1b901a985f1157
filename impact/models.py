"""The records the group's impact is read from: meetings and their outcomes,
reflection flows, changes staff say the group made, members' "were we
heard?" answers, and the annual report's editable words. Changes of state go
through impact/services.py."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.content_checks import content_report
from core.languages import page_language
from core.routing import ServedFromCache

from .questions import BY_FIELD, QUESTIONS, SCALE

PERSON = settings.AUTH_USER_MODEL


class Meeting(models.Model):
    """A planning meeting, group meeting, development session or event: what
    was asked of the group, what was covered and what came of it."""

    class Kind(models.TextChoices):
        PLANNING = "planning", _("Planning meeting")
        MEETING = "meeting", _("Group meeting")
        DEVELOPMENT = "development", _("Development session")
        EVENT = "event", _("Event")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    date = models.DateField()
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=220, unique=True, help_text=_("The end of its public address.")
    )
    led_by = models.ManyToManyField(
        PERSON,
        blank=True,
        related_name="meetings_led",
        verbose_name=_("members who co-designed or co-delivered it"),
    )
    led_with = models.CharField(
        "led with (guests, by name or role)", max_length=300, blank=True
    )
    attendees = models.ManyToManyField(
        PERSON,
        blank=True,
        related_name="meetings_attended",
        verbose_name=_("members there"),
    )
    guests = models.CharField(
        "guests there (by name or role)", max_length=500, blank=True
    )
    question = models.TextField(_("the question put to the group"), blank=True)
    covered = models.TextField(_("what was covered"), blank=True)
    do_differently = models.TextField(_("what we could do differently"), blank=True)
    workstreams = models.ManyToManyField(
        "opportunities.Workstream", blank=True, related_name="meetings"
    )
    opportunities = models.ManyToManyField(
        "opportunities.Opportunity", blank=True, related_name="meetings"
    )
    is_public = models.BooleanField(
        _("show on the public site"),
        default=False,
        help_text=_("Appears under “What we did”, without who was there."),
    )
    created_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self):
        return self.title

    @property
    def is_development_session(self) -> bool:
        return self.kind == self.Kind.DEVELOPMENT


class Outcome(models.Model):
    """One thing that came of a meeting, and whom it came from."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="outcomes"
    )
    text = models.TextField(_("outcome"))
    from_whom = models.CharField(_("it came from"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.text[:60]


class ReflectionFlow(models.Model):
    """ "You said → we heard → we propose → outcome": each stage dated and
    attributed, with where the flow has got to."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ENDORSED = "endorsed", _("Endorsed")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_POSSIBLE = "not_possible", _("Not possible")

    # The way forward; "not possible" ends a flow from any stage.
    FORWARD = (Status.PROPOSED, Status.ENDORSED, Status.IN_PROGRESS, Status.DONE)

    title = models.CharField(max_length=200)
    year_raised = models.PositiveSmallIntegerField(
        "year it was raised", validators=[MinValueValidator(2000)]
    )
    workstream = models.ForeignKey(
        "opportunities.Workstream",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reflections",
        verbose_name=_("the team it concerns"),
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reflections",
    )
    raised_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    you_said = models.TextField(_("you said"))
    you_said_on = models.DateField(_("said on"))
    you_said_by = models.CharField(_("said by"), max_length=300, blank=True)
    we_heard = models.TextField(_("we heard"), blank=True)
    we_heard_on = models.DateField(null=True, blank=True)
    we_heard_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    we_propose = models.TextField(_("we propose"), blank=True)
    we_propose_on = models.DateField(null=True, blank=True)
    we_propose_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.TextField(blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    status_reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why it is not possible, or why it moved back a stage."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year_raised", "title"]

    def __str__(self):
        return self.title

    def is_new_in(self, year: int) -> bool:
        """Raised that year, rather than carried over from one before."""
        return self.year_raised == year

    @property
    def is_acted_on(self) -> bool:
        return self.status in (self.Status.IN_PROGRESS, self.Status.DONE)

    @property
    def is_not_possible(self) -> bool:
        return self.status == self.Status.NOT_POSSIBLE

    def is_backwards(self, status: str) -> bool:
        """Would moving to `status` go back a stage (reopening a flow that
        was not possible counts as going back)?"""
        if self.status == self.Status.NOT_POSSIBLE:
            return status != self.Status.NOT_POSSIBLE
        if status == self.Status.NOT_POSSIBLE:
            return False
        return self.FORWARD.index(status) < self.FORWARD.index(self.status)


class ReflectionStatusChange(models.Model):
    """Who moved a flow from one status to another, when, and why."""

    flow = models.ForeignKey(
        ReflectionFlow, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=ReflectionFlow.Status)
    to_status = models.CharField(max_length=20, choices=ReflectionFlow.Status)
    reason = models.TextField(blank=True)
    by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} to {self.get_to_status_display()}"


class Change(models.Model):
    """Something that changed because of the group, as staff tell it."""

    what = models.TextField(_("what changed"))
    where = models.CharField(_("where (team or service)"), max_length=200)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    reflection = models.ForeignKey(
        ReflectionFlow,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="changes",
    )
    quote = models.TextField(_("in someone's words (optional)"), blank=True)
    quote_by = models.CharField(_("whose words"), max_length=200, blank=True)
    may_publish = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_("In the annual report and on the public site."),
    )
    recorded_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-recorded_on", "-pk"]

    def __str__(self):
        return self.what[:60]

    @property
    def has_publishable_quote(self) -> bool:
        return self.may_publish and bool(self.quote)


class ChangeAsk(models.Model):
    """The requester of an engagement request was asked, once, what changed."""

    request = models.OneToOneField(
        "opportunities.EngagementRequest",
        on_delete=models.CASCADE,
        related_name="change_ask",
    )
    asked_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Asked what changed: {self.request}"


ONE_OF_MEETING_OR_OPPORTUNITY = Q(meeting__isnull=False, opportunity__isnull=True) | Q(
    meeting__isnull=True, opportunity__isnull=False
)
SCALE_LIMITS = [MinValueValidator(SCALE.start), MaxValueValidator(SCALE.stop - 1)]


def _about_one(model: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=ONE_OF_MEETING_OR_OPPORTUNITY,
            name=f"{model}_about_one_meeting_or_opportunity",
        ),
        models.UniqueConstraint(
            fields=["member", "meeting"],
            condition=Q(meeting__isnull=False),
            name=f"{model}_once_per_meeting",
        ),
        models.UniqueConstraint(
            fields=["member", "opportunity"],
            condition=Q(opportunity__isnull=False),
            name=f"{model}_once_per_opportunity",
        ),
    ]


def _answer(field: str) -> models.PositiveSmallIntegerField:
    """A question's answer: its words as the label, its scale's words as the
    choices; left blank when the member skips it."""
    question = BY_FIELD[field]
    return models.PositiveSmallIntegerField(
        _(question.words_en),
        null=True,
        blank=True,
        choices=[
            (number, _(words))
            for number, words in zip(SCALE, question.scale_en, strict=True)
        ],
        validators=SCALE_LIMITS,
    )


class HeardAnswer(models.Model):
    """One member's answers to the four "were we heard?" questions about a
    meeting or an opportunity. Private to the member and the lead; others
    see only summaries of five or more answers."""

    member = models.ForeignKey(PERSON, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    heard = _answer("heard")
    difference = _answer("difference")
    ways_of_working = _answer("ways_of_working")
    took_part = _answer("took_part")
    comment = models.TextField(_("anything else you want to tell us"), blank=True)
    recorded_by = models.ForeignKey(
        PERSON,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when the lead wrote the answers down on a phone call."),
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            *_about_one("heardanswer"),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True})
                    | Q(**{f"{field}__range": (SCALE.start, SCALE.stop - 1)}),
                    name=f"heardanswer_{field}_on_the_scale",
                )
                for field in ("heard", "difference", "ways_of_working", "took_part")
            ),
        ]

    def __str__(self):
        return f"Were we heard? ({self.answered_at:%d %B %Y})"

    @property
    def was_by_phone(self) -> bool:
        return self.recorded_by_id is not None and self.recorded_by_id != self.member_id

    @property
    def in_words(self) -> list[tuple[str, str]]:
        """Each question's words with the answer's words, "Left out" when
        the member skipped it."""
        return [
            (
                question.words,
                dict(question.choices).get(
                    getattr(self, question.field), _("Left out")
                ),
            )
            for question in QUESTIONS
        ]


class HeardAsk(models.Model):
    """A member was asked, once, the four questions about a meeting or an
    opportunity."""

    member = models.ForeignKey(PERSON, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    asked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = _about_one("heardask")

    def __str__(self):
        return f"Asked: were we heard? ({self.asked_at:%d %B %Y})"


class ReportYear(models.Model):
    """The annual report's words the lead writes; everything else in the
    report is worked out from the records when it is generated."""

    year = models.PositiveSmallIntegerField(unique=True)
    introduction = models.TextField(blank=True)
    priorities_next_year = models.TextField(_("priorities for next year"), blank=True)
    easy_read_summary = models.TextField(_("Easy Read summary"), blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        PERSON, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Annual report {self.year}"


class WhatWeDidPage(ServedFromCache, RoutablePageMixin, Page):
    """The meetings marked public, newest first, each with a page of its own:
    /what-we-did/ and /what-we-did/<slug>/. Never who was there."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "introduction"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("what we did page")

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    @path("")
    def index(self, request):
        from .selectors import meetings_by_year, meetings_public

        return self.render(
            request,
            context_overrides={"years": meetings_by_year(meetings=meetings_public())},
        )

    @path("<slug:slug>/")
    def meeting(self, request, slug):
        from .selectors import meeting_public_get

        meeting = meeting_public_get(slug=slug)
        if meeting is None:
            raise Http404("No such meeting")
        return self.render(
            request,
            template="impact/what_we_did_meeting.html",
            context_overrides={"meeting": meeting},
        )

    def get_sitemap_urls(self, request=None):
        from .selectors import meetings_public

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [{"location": f"{base}{m.slug}/"} for m in meetings_public()]
        return urls

    def meeting_url(self, meeting) -> str:
        return self.url + self.reverse_subpage("meeting", kwargs={"slug": meeting.slug})
