"""Payments' part of a person's download (claims with their receipts,
advance arrangements), and of anonymising someone who has left. Found by
core.exports; see there."""

from django.db import transaction
from django.utils.text import get_valid_filename

from core.exports import Anonymising, PartFile, PersonPart

from .models import AdvanceArrangement, Claim, ClaimEvent, ExpenseLine, ReceiptUpload


def _receipt_file(claim: Claim, number: int, line: ExpenseLine) -> PartFile | None:
    if not line.receipt or not line.receipt.storage.exists(line.receipt.name):
        return None
    original = line.receipt_name or line.receipt.name.rsplit("/", 1)[-1]
    safe = get_valid_filename(original.rsplit("/", 1)[-1]) or "receipt"
    return PartFile(name=f"receipts/{claim.pk}-{number}-{safe}", file=line.receipt)


def person_data(person) -> PersonPart:
    claims = (
        Claim.objects.filter(sign_up__member=person)
        .select_related("sign_up__opportunity", "on_behalf_by")
        .prefetch_related("expenses", "events__by")
    )
    files, found = [], []
    for claim in claims:
        expenses = []
        for number, line in enumerate(claim.expenses.all(), start=1):
            receipt = _receipt_file(claim, number, line)
            if receipt:
                files.append(receipt)
            expenses.append(
                {
                    "type": line.get_kind_display(),
                    "what it was for": line.description,
                    "amount": line.amount,
                    "receipt file": receipt.name if receipt else "",
                }
            )
        found.append(
            {
                "claim number": claim.pk,
                "opportunity": claim.sign_up.opportunity.title,
                "hours or sessions": claim.units,
                "fee": claim.fee,
                "status": claim.get_status_display(),
                "sent": claim.submitted_at,
                "paid on": claim.paid_on,
                "payment reference": claim.payment_reference,
                "sent for you by": str(claim.on_behalf_by or ""),
                "expenses": expenses,
                "history": [
                    {
                        "when": event.at,
                        "what happened": event.what_happened,
                        "by": str(event.by or ""),
                        "message": event.message,
                    }
                    for event in claim.events.all()
                ],
            }
        )
    arrangements = AdvanceArrangement.objects.filter(
        sign_up__member=person
    ).select_related("sign_up__opportunity")
    return PersonPart(
        key="payments",
        title="Your payment claims",
        about=(
            "Each claim you made for a fee and expenses, with every step it "
            "went through and any messages about it. Your receipts are in the "
            "'receipts' folder: each file is named with the claim number, the "
            "line number and the name the file had when you sent it. Also the "
            "travel, taxis or replacement care the lead arranged and paid for "
            "you in advance."
        ),
        data={
            "claims": found,
            "paid in advance for you": [
                {
                    "opportunity": item.sign_up.opportunity.title,
                    "type": item.get_kind_display(),
                    "details": item.details,
                    "amount": item.amount,
                    "status": item.get_status_display(),
                    "paid on": item.paid_on,
                }
                for item in arrangements
            ],
        },
        files=tuple(files),
    )


def _files_delete_after_commit(files) -> None:
    """Only once the database agrees, so a failure leaves nothing half done."""

    def delete():
        for file in files:
            file.storage.delete(file.name)

    transaction.on_commit(delete)


def person_anonymise(anonymising: Anonymising) -> None:
    """Claims, amounts, states and the count of steps stay, so payments and
    the figures add up as before; receipts, descriptions and messages go."""
    person = anonymising.person
    files = []
    for line in ExpenseLine.objects.filter(claim__sign_up__member=person):
        if line.receipt:
            files.append(line.receipt)
        line.description = line.get_kind_display()
        line.receipt = ""
        line.receipt_name = ""
        line.save(update_fields=["description", "receipt", "receipt_name"])
    for upload in ReceiptUpload.objects.filter(uploaded_by=person):
        files.append(upload.file)
        upload.delete()
    _files_delete_after_commit(files)
    ClaimEvent.objects.filter(claim__sign_up__member=person).update(message="")
    for item in AdvanceArrangement.objects.filter(sign_up__member=person):
        item.details = item.get_kind_display()
        item.save(update_fields=["details"])
