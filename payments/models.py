"""Paying members for their work: claims for fees and expenses, the lead's
decisions on them, things arranged and paid in advance, and the benefit
thresholds members may want to compare their earnings with. States change
only through payments/services.py. Imports opportunities and the layers
below it (notifications, members, core); only cms/ and intranet/ import it."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.storage import private_storage

MONEY = {"max_digits": 8, "decimal_places": 2}
EXPENSE_LIMITS = [
    MinValueValidator(Decimal("0.01")),
    MaxValueValidator(Decimal("2000.00")),
]
RECEIPTS_UPLOAD_TO = "receipts/%Y/%m/"


class ExpenseKind(models.TextChoices):
    TRAVEL = "travel", _("Travel")
    REPLACEMENT_CARE = "replacement_care", _("Replacement care")
    TAXI = "taxi", _("Taxi")
    FOOD_AND_DRINK = "food_and_drink", _("Food and drink")
    OTHER = "other", _("Other")


class Claim(models.Model):
    """One participant's claim for their fee and expenses: one per sign-up."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for the lead")
        QUERIED = "queried", _("The lead has a question")
        APPROVED = "approved", _("Approved, to be paid")
        REJECTED = "rejected", _("Not approved")
        PAID = "paid", _("Paid")

    sign_up = models.OneToOneField(
        "opportunities.SignUp", on_delete=models.PROTECT, related_name="claim"
    )
    # Hours worked for a per-hour fee, sessions attended for a per-session fee.
    units = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(1000)],
    )
    fee = models.DecimalField(_("fee (£)"), **MONEY)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    payment_reference = models.CharField(max_length=100, blank=True)
    on_behalf_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"Claim for {self.sign_up}"

    @property
    def member(self):
        return self.sign_up.member

    @property
    def opportunity(self):
        return self.sign_up.opportunity

    @property
    def is_submitted(self) -> bool:
        """Sent (or sent back with an answer): the lead is to check it."""
        return self.status == self.Status.SUBMITTED

    @property
    def is_queried(self) -> bool:
        """The lead has asked a question: the member is to answer it."""
        return self.status == self.Status.QUERIED

    @property
    def is_approved(self) -> bool:
        """Approved and still to be paid."""
        return self.status == self.Status.APPROVED

    @property
    def is_paid(self) -> bool:
        return self.status == self.Status.PAID

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED

    @property
    def lead_label(self) -> str:
        """The Claims screen's word for the claim, saying what the lead does
        next. `resubmitted` is the claims selectors' annotation."""
        if self.is_submitted:
            if getattr(self, "resubmitted", False):
                return _("To check (sent back with an answer)")
            return _("To check")
        if self.is_approved:
            return _("Approved, to pay")
        return self.get_status_display()

    def expenses_total(self) -> Decimal:
        return sum((line.amount for line in self.expenses.all()), Decimal("0.00"))

    def total(self) -> Decimal:
        return self.fee + self.expenses_total()


class ExpenseLine(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="expenses")
    kind = models.CharField(_("type"), max_length=20, choices=ExpenseKind.choices)
    description = models.CharField(max_length=200)
    amount = models.DecimalField(_("amount (£)"), validators=EXPENSE_LIMITS, **MONEY)
    receipt = models.FileField(
        upload_to=RECEIPTS_UPLOAD_TO, storage=private_storage, max_length=200
    )
    # The name the member's file had, to show back to them.
    receipt_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"


class ReceiptUpload(models.Model):
    """A receipt attached to a claim form that was sent back with an error,
    kept privately so the person need not attach it again."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(
        upload_to=RECEIPTS_UPLOAD_TO, storage=private_storage, max_length=200
    )
    original_name = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.original_name


class ClaimEvent(models.Model):
    """Every change of a claim's state, kept for ever."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(
        max_length=20, choices=Claim.Status.choices, blank=True
    )
    to_status = models.CharField(max_length=20, choices=Claim.Status.choices)
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim}: {self.from_status or 'new'} → {self.to_status}"

    @property
    def what_happened(self) -> str:
        if not self.from_status:
            return _("Sent")
        return {
            Claim.Status.SUBMITTED: _("Changed and sent back"),
            Claim.Status.QUERIED: _("Question asked"),
            Claim.Status.APPROVED: _("Approved"),
            Claim.Status.REJECTED: _("Not approved"),
            Claim.Status.PAID: _("Marked paid"),
        }[self.to_status]


class AdvanceArrangement(models.Model):
    """Travel, replacement care or a taxi the lead arranges and pays for in
    advance, so the member does not pay and claim it back."""

    class Kind(models.TextChoices):
        TRAVEL = "travel", _("Travel")
        REPLACEMENT_CARE = "replacement_care", _("Replacement care")
        TAXI = "taxi", _("Taxi")

    class Status(models.TextChoices):
        ARRANGED = "arranged", _("Arranged")
        PAID = "paid", _("Paid")

    sign_up = models.ForeignKey(
        "opportunities.SignUp",
        on_delete=models.PROTECT,
        related_name="advance_arrangements",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    details = models.TextField()
    amount = models.DecimalField(_("amount (£)"), validators=EXPENSE_LIMITS, **MONEY)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ARRANGED
    )
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.sign_up}"

    @property
    def is_paid(self) -> bool:
        return self.status == self.Status.PAID


class PaymentPromise(models.Model):
    """How soon the group promises to pay a complete claim, in working days.
    A promise is never changed: the lead sets a new one, and each claim keeps
    the promise in force when it was sent (payments/promise.py)."""

    # Not a PositiveSmallIntegerField: its form field would answer "0 or
    # more" for a negative number, before our message could.
    working_days = models.SmallIntegerField(
        _("working days"),
        validators=[
            MinValueValidator(
                1, message=_("Enter a number of working days of 1 or more.")
            ),
            MaxValueValidator(
                60, message=_("Enter 60 working days or fewer (about three months).")
            ),
        ],
        help_text=_(
            "Claims are to be paid within this many working days of a complete "
            "claim, counted with the bank holidays of the member's nation. Days "
            "while the lead waits for the member's answer to a question do not "
            "count."
        ),
    )
    set_at = models.DateTimeField(_("set on"), default=timezone.now, editable=False)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("set by"),
    )

    class Meta:
        ordering = ["-set_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(working_days__gte=1, working_days__lte=60),
                name="payment_promise_days_1_to_60",
            )
        ]
        verbose_name = _("payment promise")
        verbose_name_plural = _("payment promises")

    def __str__(self):
        return str(self.words)

    @property
    def words(self) -> str:
        return ngettext_lazy(
            "paid within %(days)s working day of a complete claim",
            "paid within %(days)s working days of a complete claim",
            "days",
        ) % {"days": self.working_days}


class BenefitThreshold(models.Model):
    """An earnings limit in a benefit's rules, kept up to date by the lead.
    Shown to members as information beside their own figures, never advice."""

    class Period(models.TextChoices):
        WEEK = "week", _("A week")
        YEAR = "year", _("A year")

    name = models.CharField(
        max_length=200,
        help_text=_("For example, Carer's Allowance earnings limit."),
    )
    amount = models.DecimalField(
        "amount (£)",
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    period = models.CharField(max_length=10, choices=Period.choices)
    applies_from = models.DateField()
    notes = models.TextField(blank=True)
    link = models.URLField(_("where to read more"), blank=True)

    class Meta:
        ordering = ["name", "-applies_from"]

    def __str__(self):
        return self.name
