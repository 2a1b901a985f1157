"""Paid opportunities: what staff ask for, what members sign up to, and who
takes part. States change only through opportunities/services.py, which
holds every rule about which change is allowed."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import fees

MONEY = {"max_digits": 8, "decimal_places": 2}
# No single fee or rate in this group comes near £10,000.
MONEY_LIMITS = [
    MinValueValidator(Decimal("0.00")),
    MaxValueValidator(Decimal("9999.99")),
]


class Kind(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    SHORT_TERM = "short_term", _("Short-term (a few weeks)")
    PROJECT = "project", _("Project (a few months)")


class Workstream(models.Model):
    """An area of the organisation's work that asks for the group's input."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class EngagementRequest(models.Model):
    """Staff ask for the group's input; the lead accepts, asks or declines."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for the lead")
        QUESTION = "question", _("The lead has a question")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("what you would like help with"), max_length=200)
    description = models.TextField(_("tell us more"))
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    expected_hours = models.DecimalField(
        _("hours expected of each person"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(500)],
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    budget = models.DecimalField(
        _("budget for fees (£)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    accessibility_offered = models.TextField(
        _("accessibility arrangements you can offer"), blank=True
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    # The lead's question or reason for declining, and the requester's answer.
    lead_message = models.TextField(blank=True)
    reply = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def awaits_decision(self) -> bool:
        """Sent by staff (or answered): the lead is to accept, ask or decline."""
        return self.status == self.Status.SUBMITTED

    @property
    def awaits_answer(self) -> bool:
        """The lead asked a question: the requester is to answer it."""
        return self.status == self.Status.QUESTION

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED


class Opportunity(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for sign-up")
        CLOSED = "closed", _("Closed for sign-up")
        SELECTED = "selected", _("Selection made")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class FeeBasis(models.TextChoices):
        PER_HOUR = "per_hour", _("Per hour")
        PER_SESSION = "per_session", _("Per session")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")

    class Selection(models.TextChoices):
        LEAD_SELECTS = "lead_selects", _("The engagement lead selects")
        FIRST_COME = "first_come", _("First come, first served")

    title = models.CharField(max_length=200)
    summary = models.TextField(_("what it is, in plain words"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT)
    request = models.OneToOneField(
        EngagementRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunity",
    )
    fee_basis = models.CharField(max_length=20, choices=FeeBasis.choices)
    fee_rate = models.DecimalField(_("fee (£)"), validators=MONEY_LIMITS, **MONEY)
    hours_per_session = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(12)],
    )
    places = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    closes_on = models.DateField(_("closing date for sign-up"))
    mode = models.CharField(max_length=20, choices=Mode.choices)
    location = models.CharField(max_length=300, blank=True)
    travel_policy = models.TextField(_("travel and expenses"), blank=True)
    skills = models.ManyToManyField("members.Skill", blank=True)
    selection = models.CharField(
        max_length=20, choices=Selection.choices, default=Selection.LEAD_SELECTS
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["closes_on", "title"]
        verbose_name_plural = "opportunities"

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        """Still with the lead: members do not see it."""
        return self.status == self.Status.DRAFT

    @property
    def is_open(self) -> bool:
        """Open for sign-up."""
        return self.status == self.Status.OPEN

    @property
    def awaits_selection(self) -> bool:
        """Sign-up is closed and the lead is to choose who takes part."""
        return self.status == self.Status.CLOSED

    @property
    def is_first_come(self) -> bool:
        """The first to sign up have the places, rather than the lead choosing."""
        return self.selection == self.Selection.FIRST_COME

    def total_fee(self) -> Decimal:
        """What one person earns for the whole opportunity, known in advance:
        worked out by opportunities/fees.py, as the claim is. Lists annotate
        `session_count`, so they need no query per row."""
        return fees.total_fee(self)


class Session(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    where = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("A room and address, or the meeting link."),
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.opportunity}: {self.starts_at:%-d %B %Y %H:%M}"

    @property
    def place(self) -> str:
        """Where to go: the session's own place, else the opportunity's."""
        opportunity = self.opportunity
        return self.where or opportunity.location or opportunity.get_mode_display()


class SignUp(models.Model):
    """One member's sign-up. Never deleted: withdrawing is a state."""

    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("Offered a place")
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected this time")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Those who hold one of the places.
    HOLDING = [Status.SIGNED_UP, Status.OFFERED, Status.SELECTED]
    ACTIVE = [*HOLDING, Status.WAITING]

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.PROTECT, related_name="sign_ups"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sign_ups"
    )
    note = models.TextField(blank=True)
    support_needs = models.TextField(_("access and support needs"), blank=True)
    declines_fee = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField(blank=True)
    on_behalf_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "member"],
                condition=~models.Q(status="withdrawn"),
                name="one_active_sign_up_per_member",
            )
        ]

    def __str__(self):
        return f"{self.member} for {self.opportunity}"

    @property
    def is_selected(self) -> bool:
        """Chosen to take part: they do the work and claim for it."""
        return self.status == self.Status.SELECTED

    @property
    def is_waiting(self) -> bool:
        """On the waiting list."""
        return self.status == self.Status.WAITING

    @property
    def holds_place(self) -> bool:
        """Holds one of the places (signed up, offered one, or selected)."""
        return self.status in self.HOLDING

    @property
    def is_active(self) -> bool:
        """Holds a place or is waiting for one: not withdrawn or turned down."""
        return self.status in self.ACTIVE

    @property
    def gets_calendar_invitations(self) -> bool:
        """Selected, and the work is still going ahead."""
        return (
            self.is_selected and self.opportunity.status != Opportunity.Status.CANCELLED
        )

    def email_attachments(self) -> list[tuple[str, bytes, str]]:
        """What an email about this sign-up carries (notifications attach
        whatever a target offers): the sessions' calendar invitations."""
        if not self.gets_calendar_invitations:
            return []
        from .calendar import session_attachments  # it imports notifications

        return session_attachments(self.opportunity)
