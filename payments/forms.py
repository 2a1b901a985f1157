"""The claim form (the fee, then one form per expense line), the lead's
decisions, and advance arrangements. Rules about what may be claimed are
asked of payments/services.py, so they are refused next to the field."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.exceptions import NotAllowed
from members.forms import date_field
from opportunities.models import Opportunity

from .models import AdvanceArrangement, ExpenseKind, ExpenseLine, ReceiptUpload
from .receipts import HINT, receipt_validate
from .selectors import units_agreed, units_text
from .services import paid_on_check, units_check

DECIMAL_INPUT = forms.TextInput(attrs={"inputmode": "decimal"})


def pounds(amount: Decimal) -> str:
    """£2,000 or £0.01: whole pounds without pence."""
    if amount == amount.to_integral():
        return f"£{int(amount):,}"
    return f"£{amount:,}"


class MoneyField(forms.DecimalField):
    """Pounds and pence; a typed £ sign or thousands comma is fine."""

    def __init__(self, *, label, missing, minimum="0.01", maximum="2000.00", **kwargs):
        low, high = Decimal(minimum), Decimal(maximum)
        super().__init__(
            label=label,
            max_digits=8,
            decimal_places=2,
            widget=DECIMAL_INPUT,
            validators=[MinValueValidator(low), MaxValueValidator(high)],
            error_messages={
                "required": missing,
                "invalid": _("Enter an amount in pounds and pence, for example 12.50."),
                "min_value": format_lazy(
                    _("Enter an amount of at least {amount}."), amount=pounds(low)
                ),
                "max_value": format_lazy(
                    _(
                        "Enter an amount of no more than {amount}. "
                        "For more than that, talk to the engagement lead."
                    ),
                    amount=pounds(high),
                ),
                "max_decimal_places": _(
                    "Enter pounds and pence, with no more than "
                    "2 figures after the point."
                ),
                "max_digits": format_lazy(
                    _("Enter an amount of no more than {amount}."), amount=pounds(high)
                ),
                "max_whole_digits": format_lazy(
                    _("Enter an amount of no more than {amount}."), amount=pounds(high)
                ),
            },
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("£").replace(",", "").strip()
        return super().to_python(value)


class ClaimForm(forms.Form):
    """The fee part of a claim: the hours or sessions, pre-filled with what
    was agreed."""

    units = forms.DecimalField(
        max_digits=6,
        decimal_places=2,
        widget=DECIMAL_INPUT,
        error_messages={
            "invalid": _("Enter a number, for example 2 or 2.5."),
            "max_decimal_places": _("Enter no more than 2 figures after the point."),
            "max_digits": _("Enter a smaller number."),
            "max_whole_digits": _("Enter a smaller number."),
        },
    )
    message = forms.CharField(
        label=_("Anything the engagement lead should know"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, sign_up, answering: bool = False, **kwargs):
        self.sign_up = sign_up
        super().__init__(*args, **kwargs)
        opportunity = sign_up.opportunity
        per_session = opportunity.fee_basis == Opportunity.FeeBasis.PER_SESSION
        agreed = units_agreed(sign_up=sign_up)
        units = self.fields["units"]
        units.label = _("Sessions attended") if per_session else _("Hours worked")
        units.error_messages["required"] = (
            _("Enter how many sessions you attended.")
            if per_session
            else _("Enter how many hours you worked.")
        )
        agreed_text = units_text(units=agreed, fee_basis=opportunity.fee_basis)
        units.help_text = gettext("The agreed amount is %(agreed)s.") % {
            "agreed": agreed_text
        }
        if sign_up.declines_fee:
            units.help_text += " " + gettext(
                "You chose not to take the fee, so your fee is £0.00. You can "
                "still claim your expenses."
            )
        self.initial.setdefault("units", agreed)
        if answering:
            message = self.fields["message"]
            message.label = _("Your answer to the lead's question")
            message.required = True
            message.error_messages["required"] = _("Answer the lead's question.")

    def clean_units(self):
        units = self.cleaned_data["units"]
        try:
            units_check(sign_up=self.sign_up, units=units)
        except NotAllowed as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return units


def kept_key(obj) -> str:
    """How a receipt kept from before is named in the form's hidden field."""
    if isinstance(obj, ReceiptUpload):
        return f"upload:{obj.pk}"
    return f"line:{obj.pk}"


class ExpenseLineForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type of expense"),
        choices=[("", _("Choose the type")), *ExpenseKind.choices],
        error_messages={"required": _("Choose the type of expense.")},
    )
    description = forms.CharField(
        label=_("What it was for"),
        max_length=200,
        help_text=_("For example: train from Cardiff to Bristol and back."),
        error_messages={"required": _("Say what the expense was for.")},
    )
    amount = MoneyField(label=_("Amount (£)"), missing=_("Enter the amount."))
    receipt = forms.FileField(
        label=_("Receipt"),
        required=False,
        help_text=HINT,
        validators=[receipt_validate],
        widget=forms.FileInput(
            attrs={"accept": ".pdf,.jpg,.jpeg,.png,.heic,application/pdf,image/*"}
        ),
        error_messages={
            "empty": _("The receipt file is empty. Choose the file again."),
            "invalid": _("Choose the receipt file again."),
        },
    )
    # A receipt attached before: "upload:<id>" (held from a form sent back
    # with an error) or "line:<id>" (already on the claim being changed).
    kept = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, uploader, claim=None, **kwargs):
        self.uploader = uploader
        self.claim = claim
        super().__init__(*args, **kwargs)
        key = (
            self.data.get(self.add_prefix("kept"))
            if self.is_bound
            else self.initial.get("kept")
        )
        self.attached = self._kept(key or "")
        if self.attached is not None:
            kept = gettext("Attached: %(name)s (keep it, or choose another).") % {
                "name": self.attached_name
            }
            self.fields["receipt"].help_text = f"{kept} {HINT}"

    def _kept(self, key: str):
        kind, _sep, pk = key.partition(":")
        if not pk.isdigit():
            return None
        if kind == "upload":
            return ReceiptUpload.objects.filter(
                pk=pk, uploaded_by=self.uploader
            ).first()
        if kind == "line" and self.claim is not None:
            return ExpenseLine.objects.filter(pk=pk, claim=self.claim).first()
        return None

    @property
    def attached_name(self) -> str:
        if isinstance(self.attached, ReceiptUpload):
            return self.attached.original_name
        return self.attached.receipt_name or self.attached.receipt.name

    def keep(self, upload: ReceiptUpload) -> None:
        """A new receipt has been held: show it as attached from now on."""
        self.attached = upload
        self.data[self.add_prefix("kept")] = kept_key(upload)

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("receipt")
            and "receipt" not in self.errors
            and self.attached is None
        ):
            self.add_error("receipt", gettext("Attach a photo or scan of the receipt."))
        return cleaned


class BaseExpenseFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this line")

    def held_receipts(self):
        """Lines not being removed whose new receipt is valid."""
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", {})
            if cleaned.get("receipt") and not cleaned.get("DELETE"):
                yield form, cleaned["receipt"]

    def expenses(self):
        """The lines to save, each with its receipt (once held)."""
        for form in self.forms:
            cleaned = form.cleaned_data
            if not cleaned or cleaned.get("DELETE"):
                continue
            yield cleaned, form.attached


MAX_LINES = 20


def expense_formset_class(*, extra: int):
    return forms.formset_factory(
        ExpenseLineForm,
        formset=BaseExpenseFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_LINES,
        validate_max=True,
    )


def expense_initial(claim) -> list[dict]:
    return [
        {
            "kind": line.kind,
            "description": line.description,
            "amount": line.amount,
            "kept": kept_key(line),
        }
        for line in claim.expenses.all()
    ]


# The lead's decisions ----------------------------------------------------------


class ApproveForm(forms.Form):
    message = forms.CharField(
        label=_("A note for the member"),
        required=False,
        help_text=_("Optional."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class QueryForm(forms.Form):
    message = forms.CharField(
        label=_("Your question"),
        help_text=_("The member sees this and can change the claim and send it back."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the question for the member.")},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is not approved"),
        help_text=_("The member reads this."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the reason, for the member to read.")},
    )


class MarkPaidForm(forms.Form):
    paid_on = date_field(_("Date paid"), initial=timezone.localdate)
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=100,
        error_messages={"required": _("Enter the payment reference.")},
    )

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        try:
            paid_on_check(paid_on=paid_on)
        except NotAllowed as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return paid_on


class ArrangementForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is arranged"),
        choices=AdvanceArrangement.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is arranged.")},
    )
    details = forms.CharField(
        label=_("Details"),
        help_text=_(
            "For example: taxi from home at 9:15 on 3 March, booked with City Cabs."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write the details.")},
    )
    amount = MoneyField(label=_("Amount (£)"), missing=_("Enter the amount."))
