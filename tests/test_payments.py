"""Payments (issue: paid opportunities from request to payment, lines 6, 7
and 9): claims for the fee and expenses with receipts, the lead's decisions,
things arranged in advance, this tax year's figures beside the benefit
thresholds, and who may see any of it."""

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from members.models import OnBehalfRecord, User
from notifications.models import Kind, Notification
from opportunities.factories import OpportunityFactory
from opportunities.models import Opportunity, SignUp
from payments.models import (
    AdvanceArrangement,
    BenefitThreshold,
    Claim,
    ReceiptUpload,
)
from payments.selectors import claims_waiting_count, tax_year_of, year_figures
from payments.services import (
    TRANSITIONS,
    ExpenseInput,
    NotAllowed,
    arrangement_add,
    arrangement_mark_paid,
    claim_approve,
    claim_mark_paid,
    claim_query,
    claim_reject,
    claim_resubmit,
    claim_submit,
)
from tests.people import PRIVACY_VIEWERS, sign_in

pytestmark = pytest.mark.django_db

C = Claim.Status
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
HEIC = b"\x00\x00\x00\x18ftypheic" + b"\x00" * 32


def person(email="member@example.org") -> User:
    return User.objects.get(email=email)


def lead() -> User:
    return person("lead@example.org")


def selected(email="member@example.org", declines_fee=False, **fields) -> SignUp:
    """A member selected for an opportunity whose work is done: by default
    2 sessions of 2.5 hours at £25 an hour, £125 in all."""
    opportunity = OpportunityFactory(status=Opportunity.Status.COMPLETED, **fields)
    return SignUp.objects.create(
        opportunity=opportunity,
        member=person(email),
        status=SignUp.Status.SELECTED,
        declines_fee=declines_fee,
    )


def pdf(name="receipt.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def claim_at(status, sign_up=None) -> Claim:
    """A claim already in `status`, with one expense line."""
    sign_up = sign_up or selected()
    claim = claim_submit(
        sign_up=sign_up,
        units=Decimal("5"),
        expenses=[ExpenseInput("travel", "Train", Decimal("12.40"), pdf())],
        actor=sign_up.member,
    )
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    return claim


def form_data(units="5", lines=(), message="", initial=0):
    data = {
        "units": units,
        "message": message,
        "expenses-TOTAL_FORMS": str(len(lines)),
        "expenses-INITIAL_FORMS": str(initial),
        "expenses-MIN_NUM_FORMS": "0",
        "expenses-MAX_NUM_FORMS": "20",
    }
    for number, line in enumerate(lines):
        for key, value in line.items():
            data[f"expenses-{number}-{key}"] = value
    return data


def line(description="Train to the meeting", amount="12.40", receipt=None, **more):
    fields = {"kind": "travel", "description": description, "amount": amount}
    if receipt is not None:
        fields["receipt"] = receipt
    return fields | more


def kept_values(html: str) -> dict[str, str]:
    """The hidden 'kept' fields of a re-rendered claim form."""
    return dict(re.findall(r'name="(expenses-\d+-kept)" value="([^"]*)"', html))


def field_error(html: str, field_id: str) -> str:
    match = re.search(rf'id="{field_id}_error">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


def told(recipient, claim):
    """What `recipient` has been told about the claim's changes."""
    keys = [f"claim-event:{pk}" for pk in claim.events.values_list("pk", flat=True)]
    return Notification.objects.filter(
        recipient=recipient,
        kind=Kind.PAYMENT,
        dedupe_key__in=keys + [f"{key}:lead" for key in keys],
    )


def new_claim_url(sign_up):
    return reverse("payments:claim_new", args=[sign_up.pk])


# The fee, worked out from what was agreed ----------------------------------------


def test_the_claim_form_is_pre_filled_with_the_agreed_hours_and_fee(client, demo_site):
    sign_up = selected()  # 2 sessions x 2.5 hours x £25
    sign_in(client, "member@example.org")
    page = client.get(new_claim_url(sign_up))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="units" value="5.00"' in html
    assert "For the agreed 5 hours, your fee is <strong>£125.00</strong>" in html
    assert 'enctype="multipart/form-data"' in html


def test_the_fee_is_the_rate_times_the_units_in_exact_pence(demo_site):
    per_hour = selected()
    claim = claim_submit(
        sign_up=per_hour, units=Decimal("3.5"), expenses=[], actor=per_hour.member
    )
    assert claim.fee == Decimal("87.50")
    per_session = selected(
        "member2@example.org", fee_basis="per_session", fee_rate="40.10", sessions=3
    )
    claim = claim_submit(
        sign_up=per_session, units=Decimal("3"), expenses=[], actor=per_session.member
    )
    assert claim.fee == Decimal("120.30")
    assert isinstance(claim.fee, Decimal)


def test_sessions_attended_are_asked_for_a_per_session_fee(client, demo_site):
    sign_up = selected(fee_basis="per_session", fee_rate="40.00", sessions=3)
    sign_in(client, "member@example.org")
    html = client.get(new_claim_url(sign_up)).content.decode()
    assert "Sessions attended" in html
    assert "The agreed amount is 3 sessions." in html
    assert "your fee is <strong>£120.00</strong>" in html


def test_a_member_who_declined_the_fee_claims_expenses_only(client, demo_site):
    sign_up = selected(declines_fee=True)
    sign_in(client, "member@example.org")
    html = client.get(new_claim_url(sign_up)).content.decode()
    assert "so your fee is £0.00" in html
    response = client.post(
        new_claim_url(sign_up), form_data(lines=[line(receipt=pdf())])
    )
    assert response.status_code == 302
    claim = Claim.objects.get(sign_up=sign_up)
    assert claim.fee == Decimal("0.00")
    assert claim.expenses_total() == Decimal("12.40")


# Sending a claim through the form -----------------------------------------------


def test_a_member_claims_the_fee_and_an_expense_with_a_private_receipt(
    client, demo_site
):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(
        new_claim_url(sign_up),
        form_data(lines=[line(receipt=pdf("train-ticket.pdf"))], message="Thanks"),
    )
    claim = Claim.objects.get(sign_up=sign_up)
    assert response["Location"] == reverse("payments:claim", args=[claim.pk])
    assert (claim.status, claim.units, claim.fee) == (C.SUBMITTED, 5, Decimal("125"))
    expense = claim.expenses.get()
    assert expense.receipt_name == "train-ticket.pdf"
    assert expense.receipt.name.startswith(f"receipts/{timezone.now():%Y/%m}/")
    # Kept outside the public media folder, with no public address at all.
    stored = Path(expense.receipt.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert stored.read_bytes() == PDF
    page = client.get(response["Location"]).content.decode()
    assert "Your claim is sent." in page
    assert "£137.40" in page  # £125 fee and £12.40 travel
    assert f'href="{reverse("payments:receipt", args=[expense.pk])}"' in page
    assert "/media/" not in page
    # Its storage address under /media/ leads nowhere.
    assert client.get(expense.receipt.url).status_code == 404


def test_the_lead_is_told_of_a_new_claim_and_the_member_gets_a_receipt(demo_site):
    claim = claim_at(C.SUBMITTED)
    event = claim.events.get()
    assert (event.from_status, event.to_status, event.by) == (
        "",
        C.SUBMITTED,
        claim.member,
    )
    to_lead = told(lead(), claim).get()
    assert to_lead.subject.startswith("New claim to check: ")
    assert to_lead.dedupe_key == f"claim-event:{event.pk}:lead"
    to_member = told(claim.member, claim).get()
    assert to_member.dedupe_key == f"claim-event:{event.pk}"
    assert to_member.kind == to_lead.kind == Kind.PAYMENT


def test_the_opportunity_page_links_a_selected_member_to_the_claim(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    html = client.get(
        reverse("opportunities:detail", args=[sign_up.opportunity.pk])
    ).content.decode()
    assert f'href="{new_claim_url(sign_up)}">Claim your fee and expenses' in html


def test_a_member_not_selected_cannot_open_the_claim_form(client, demo_site):
    sign_up = selected()
    SignUp.objects.filter(pk=sign_up.pk).update(status=SignUp.Status.NOT_SELECTED)
    sign_in(client, "member@example.org")
    response = client.get(new_claim_url(sign_up), follow=True)
    assert "Only people selected to take part can claim" in response.content.decode()
    assert not Claim.objects.filter(sign_up=sign_up).exists()


def test_a_second_visit_to_the_claim_form_goes_to_the_claim(client, demo_site):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, "member@example.org")
    response = client.get(new_claim_url(claim.sign_up))
    assert response["Location"] == reverse("payments:claim", args=[claim.pk])


# Bad input, refused next to the field -------------------------------------------


def test_more_units_than_agreed_are_refused_naming_the_agreed_amount(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(new_claim_url(sign_up), form_data(units="6"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in html
    error = field_error(html, "id_units")
    assert "The agreed amount is 5 hours" in error
    assert "talk to the engagement lead" in error
    assert 'href="#id_units"' in html  # the error summary points at the field
    assert not Claim.objects.filter(sign_up=sign_up).exists()
    with pytest.raises(NotAllowed, match="The agreed amount is 5 hours"):
        claim_submit(
            sign_up=sign_up, units=Decimal("5.25"), expenses=[], actor=sign_up.member
        )


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ("-1", "Enter 0 or more."),
        ("99999999", "Enter a smaller number."),
        ("lots", "Enter a number, for example 2 or 2.5."),
        ("", "Enter how many hours you worked."),
    ],
)
def test_negative_or_absurd_units_are_refused(client, demo_site, units, message):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(new_claim_url(sign_up), form_data(units=units))
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "id_units")
    assert not Claim.objects.filter(sign_up=sign_up).exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "Enter an amount of at least £0.01."),
        ("0", "Enter an amount of at least £0.01."),
        ("2000.01", "Enter an amount of no more than £2,000."),
        ("1e9", "Enter an amount of no more than £2,000."),
        ("twelve", "Enter an amount in pounds and pence, for example 12.50."),
        ("12.345", "no more than 2 figures after the point"),
    ],
)
def test_negative_or_absurd_amounts_are_refused(client, demo_site, amount, message):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(
        new_claim_url(sign_up), form_data(lines=[line(amount=amount, receipt=pdf())])
    )
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "id_expenses-0-amount")
    assert not Claim.objects.filter(sign_up=sign_up).exists()


def test_an_amount_typed_with_a_pound_sign_and_comma_is_understood(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    client.post(
        new_claim_url(sign_up),
        form_data(lines=[line(amount="£1,200.50", receipt=pdf())]),
    )
    assert Claim.objects.get(sign_up=sign_up).expenses.get().amount == Decimal(
        "1200.50"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "virus.exe",
            b"MZ\x90\x00",
            "The receipt must be a PDF, JPEG, PNG or HEIC file",
        ),
        (
            "notes.txt",
            b"plain text",
            "The receipt must be a PDF, JPEG, PNG or HEIC file",
        ),
        (
            "fake.pdf",
            b"<html>not a pdf</html>",
            "must be a PDF, JPEG, PNG or HEIC file",
        ),
        ("photo.png", PDF, "The receipt must be a PDF, JPEG, PNG or HEIC file"),
        ("empty.pdf", b"", "The receipt file is empty."),
        (
            "huge.pdf",
            PDF + b"0" * int(12.3 * 1024 * 1024 - len(PDF)),
            "The receipt is 12.3 MB; the limit is 10 MB",
        ),
    ],
)
def test_a_wrong_or_too_large_receipt_is_refused_naming_the_limit(
    client, demo_site, name, content, message
):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(
        new_claim_url(sign_up),
        form_data(lines=[line(receipt=SimpleUploadedFile(name, content))]),
    )
    assert response.status_code == 400
    assert message in field_error(response.content.decode(), "id_expenses-0-receipt")
    assert not Claim.objects.filter(sign_up=sign_up).exists()
    assert not ReceiptUpload.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", PDF),
        ("b.JPG", JPEG),
        ("c.jpeg", JPEG),
        ("d.png", PNG),
        ("e.heic", HEIC),
    ],
)
def test_pdf_jpeg_png_and_heic_receipts_are_accepted(client, demo_site, name, content):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(
        new_claim_url(sign_up),
        form_data(lines=[line(receipt=SimpleUploadedFile(name, content))]),
    )
    assert response.status_code == 302
    assert Claim.objects.get(sign_up=sign_up).expenses.get().receipt_name == name


def test_an_expense_without_a_receipt_is_refused(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(new_claim_url(sign_up), form_data(lines=[line()]))
    assert "Attach a photo or scan of the receipt." in field_error(
        response.content.decode(), "id_expenses-0-receipt"
    )


def test_a_form_with_an_error_keeps_every_line_typed_and_every_file_attached(
    client, demo_site
):
    sign_up = selected()
    sign_in(client, "member@example.org")
    url = new_claim_url(sign_up)
    lines = [
        line("Train to Cardiff", "23.10", pdf("train.pdf", PDF + b"train")),
        line("Lunch on the day", "-4", SimpleUploadedFile("lunch.png", PNG)),
    ]
    lines[1]["kind"] = "food_and_drink"
    response = client.post(url, form_data(lines=lines))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Train to Cardiff" in html and "Lunch on the day" in html
    assert "Attached: train.pdf (keep it, or choose another)" in html
    assert "Attached: lunch.png (keep it, or choose another)" in html
    assert "Expense 2, amount (£): Enter an amount of at least £0.01." in html
    kept = kept_values(html)
    assert set(kept) == {"expenses-0-kept", "expenses-1-kept"}

    # Put the amount right and send it again, attaching nothing new.
    fixed = [
        line("Train to Cardiff", "23.10", kept=kept["expenses-0-kept"]),
        line("Lunch on the day", "4.00", kept=kept["expenses-1-kept"]),
    ]
    fixed[1]["kind"] = "food_and_drink"
    response = client.post(url, form_data(lines=fixed))
    assert response.status_code == 302
    expenses = list(Claim.objects.get(sign_up=sign_up).expenses.all())
    assert [(e.description, e.amount, e.receipt_name) for e in expenses] == [
        ("Train to Cardiff", Decimal("23.10"), "train.pdf"),
        ("Lunch on the day", Decimal("4.00"), "lunch.png"),
    ]
    assert expenses[0].receipt.read() == PDF + b"train"
    assert expenses[1].receipt.read() == PNG
    assert not ReceiptUpload.objects.exists()  # nothing left in the holding place


def test_a_held_receipt_cannot_be_taken_by_someone_else(client, demo_site):
    mine = selected()
    sign_in(client, "member@example.org")
    html = client.post(
        new_claim_url(mine), form_data(lines=[line(amount="-1", receipt=pdf())])
    ).content.decode()
    kept = kept_values(html)["expenses-0-kept"]
    theirs = selected("member2@example.org")
    sign_in(client, "member2@example.org")
    response = client.post(new_claim_url(theirs), form_data(lines=[line(kept=kept)]))
    assert response.status_code == 400
    assert "Attach a photo or scan of the receipt." in response.content.decode()
    assert "Attached: receipt.pdf" not in response.content.decode()


def test_receipts_of_forms_never_finished_are_cleared_with_their_files(
    client, demo_site
):
    sign_up = selected()
    sign_in(client, "member@example.org")
    client.post(
        new_claim_url(sign_up), form_data(lines=[line(amount="-1", receipt=pdf())])
    )
    held = ReceiptUpload.objects.get(uploaded_by=sign_up.member)
    stored = Path(held.file.path)
    assert stored.exists()
    ReceiptUpload.objects.filter(pk=held.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    client.get(new_claim_url(sign_up))
    assert not ReceiptUpload.objects.filter(pk=held.pk).exists()
    assert not stored.exists()


def test_add_another_expense_works_without_javascript(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    url = new_claim_url(sign_up)
    data = form_data(lines=[line("Taxi home", "18.00", pdf("taxi.pdf"))])
    data["add_line"] = "1"
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error" not in html
    assert "<legend>Expense 2</legend>" in html
    assert 'name="expenses-TOTAL_FORMS" value="2"' in html
    assert "Taxi home" in html
    assert "Attached: taxi.pdf (keep it, or choose another)" in html
    assert not Claim.objects.filter(sign_up=sign_up).exists()  # nothing sent


def test_remove_this_line_leaves_the_line_out(client, demo_site):
    sign_up = selected()
    sign_in(client, "member@example.org")
    lines = [
        line("Train", "10.00", pdf("a.pdf")),
        line("Parking", "abc", pdf("b.pdf"), DELETE="on"),
    ]
    response = client.post(new_claim_url(sign_up), form_data(lines=lines))
    assert response.status_code == 302
    assert [
        e.description for e in Claim.objects.get(sign_up=sign_up).expenses.all()
    ] == ["Train"]
    assert "Remove this line" in client.get(new_claim_url(selected())).content.decode()


# The rules for a claim's state ----------------------------------------------------


ALL_PAIRS = [(a, b) for a in C for b in C if a != b]


def move(claim, to):
    by = lead()
    if to == C.SUBMITTED:
        return claim_resubmit(
            claim=claim,
            units=Decimal("5"),
            expenses=[ExpenseInput("travel", "Train", Decimal("1.00"), pdf())],
            actor=claim.member,
            message="Here is the right ticket.",
        )
    if to == C.APPROVED:
        return claim_approve(claim=claim, by=by)
    if to == C.QUERIED:
        return claim_query(claim=claim, by=by, message="Which train was it?")
    if to == C.REJECTED:
        return claim_reject(claim=claim, by=by, reason="This was already paid.")
    return claim_mark_paid(
        claim=claim, by=by, paid_on=timezone.localdate(), reference="BACS-1"
    )


@pytest.mark.parametrize(("start", "end"), ALL_PAIRS)
def test_every_claim_change_is_allowed_or_refused_by_the_rules(demo_site, start, end):
    claim = claim_at(start)
    events_before = claim.events.count()
    if end in TRANSITIONS[start]:
        move(claim, end)
        claim.refresh_from_db()
        assert claim.status == end
        event = claim.events.last()
        assert (event.from_status, event.to_status) == (start, end)
        assert Notification.objects.filter(
            recipient=claim.member, dedupe_key=f"claim-event:{event.pk}"
        ).exists()
    else:
        with pytest.raises(NotAllowed, match="it cannot be"):
            move(claim, end)
        claim.refresh_from_db()
        assert claim.status == start
        assert claim.events.count() == events_before


def test_rejected_and_paid_are_final():
    assert TRANSITIONS[C.REJECTED] == set() and TRANSITIONS[C.PAID] == set()


def test_paying_a_rejected_claim_says_why_not(demo_site):
    claim = claim_at(C.REJECTED)
    with pytest.raises(NotAllowed) as refusal:
        claim_mark_paid(
            claim=claim, by=lead(), paid_on=timezone.localdate(), reference="X"
        )
    assert (
        str(refusal.value) == "This claim is “not approved”: it cannot be marked paid."
    )


def test_claiming_twice_or_without_being_selected_is_refused(demo_site):
    claim = claim_at(C.SUBMITTED)
    with pytest.raises(NotAllowed, match="already claimed"):
        claim_submit(
            sign_up=claim.sign_up, units=Decimal("1"), expenses=[], actor=claim.member
        )
    assert claim.sign_up.claim == claim  # still the one claim
    for status in [s for s in SignUp.Status if s != SignUp.Status.SELECTED]:
        sign_up = selected("member2@example.org")
        SignUp.objects.filter(pk=sign_up.pk).update(status=status)
        with pytest.raises(NotAllowed, match="Only people selected"):
            claim_submit(
                sign_up=sign_up, units=Decimal("1"), expenses=[], actor=sign_up.member
            )
        assert not Claim.objects.filter(sign_up=sign_up).exists()


def test_only_the_lead_decides_and_only_the_member_claims(demo_site):
    claim = claim_at(C.SUBMITTED)
    for someone in ["member@example.org", "staff@example.org", "admin@example.org"]:
        with pytest.raises(NotAllowed, match="Only the engagement lead"):
            claim_approve(claim=claim, by=person(someone))
    with pytest.raises(NotAllowed, match="Only the member"):
        claim_submit(
            sign_up=selected("member2@example.org"),
            units=Decimal("1"),
            expenses=[],
            actor=person("member@example.org"),
        )


def test_a_query_and_a_rejection_need_words_and_payment_needs_date_and_reference(
    demo_site,
):
    claim = claim_at(C.SUBMITTED)
    with pytest.raises(NotAllowed, match="Write the question"):
        claim_query(claim=claim, by=lead(), message="  ")
    with pytest.raises(NotAllowed, match="Write the reason"):
        claim_reject(claim=claim, by=lead(), reason="")
    claim = claim_at(C.APPROVED, selected("member2@example.org"))
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(NotAllowed, match="cannot be in the future"):
        claim_mark_paid(claim=claim, by=lead(), paid_on=tomorrow, reference="X")
    with pytest.raises(NotAllowed, match="Enter the payment reference"):
        claim_mark_paid(
            claim=claim, by=lead(), paid_on=timezone.localdate(), reference=" "
        )
    claim.refresh_from_db()
    assert claim.status == C.APPROVED


def test_a_claim_from_sending_to_payment_is_recorded_and_told_each_time(demo_site):
    claim = claim_at(C.SUBMITTED)
    Claim.objects.filter(pk=claim.pk).update(status=C.SUBMITTED)
    claim_query(claim=claim, by=lead(), message="Which train was it?")
    move(claim, C.SUBMITTED)
    claim_approve(claim=claim, by=lead())
    paid_on = timezone.localdate()
    claim_mark_paid(claim=claim, by=lead(), paid_on=paid_on, reference="BACS 7781")
    claim.refresh_from_db()
    assert (claim.paid_on, claim.payment_reference) == (paid_on, "BACS 7781")
    assert list(claim.events.values_list("from_status", "to_status")) == [
        ("", C.SUBMITTED),
        (C.SUBMITTED, C.QUERIED),
        (C.QUERIED, C.SUBMITTED),
        (C.SUBMITTED, C.APPROVED),
        (C.APPROVED, C.PAID),
    ]
    to_member = told(claim.member, claim)
    assert to_member.count() == 5
    assert to_member.get(subject__startswith="A question").body == (
        "Which train was it?"
    )
    paid = to_member.get(subject__startswith="Your claim has been paid")
    assert "reference BACS 7781" in paid.body
    to_lead = told(lead(), claim)
    assert sorted(n.subject.split(":")[0] for n in to_lead) == [
        "Claim sent back with an answer",
        "New claim to check",
    ]


# The lead's pages ----------------------------------------------------------------


def test_the_lead_sees_claims_to_check_first_then_those_to_pay(client, demo_site):
    approved = claim_at(C.APPROVED, selected(title="Approved work"))
    paid = claim_at(C.PAID, selected("member2@example.org", title="Paid work"))
    submitted = claim_at(C.SUBMITTED, selected("member3@example.org", title="New work"))
    sign_in(client, "lead@example.org")
    html = client.get(reverse("payments:claims")).content.decode()
    waiting, others = html.split("<h2>Other claims</h2>")

    def row(claim):
        return f'href="{reverse("payments:claim", args=[claim.pk])}"'

    assert waiting.index(row(submitted)) < waiting.index(row(approved))
    assert "New work" in waiting and "Approved, to pay" in waiting
    assert row(paid) not in waiting and row(paid) in others


def test_the_lead_queries_approves_and_marks_paid_from_the_review_page(
    client, demo_site
):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, "lead@example.org")
    page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    expense = claim.expenses.get()
    assert f'href="{reverse("payments:receipt", args=[expense.pk])}"' in page
    assert "Approve the claim" in page and "Send the question" in page

    response = client.post(
        reverse("payments:query", args=[claim.pk]), {"query-message": ""}
    )
    assert response.status_code == 400
    assert "<title>Error: " in response.content.decode()
    assert "Write the question for the member." in response.content.decode()

    client.post(
        reverse("payments:query", args=[claim.pk]),
        {"query-message": "Was the train return or single?"},
    )
    claim.refresh_from_db()
    assert claim.status == C.QUERIED

    Claim.objects.filter(pk=claim.pk).update(status=C.APPROVED)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": tomorrow.isoformat(), "paid-reference": "BACS"},
    )
    assert "The date paid cannot be in the future." in field_error(
        response.content.decode(), "id_paid-paid_on"
    )
    response = client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": timezone.localdate().isoformat(), "paid-reference": ""},
    )
    assert "Enter the payment reference." in response.content.decode()
    client.post(
        reverse("payments:mark_paid", args=[claim.pk]),
        {"paid-paid_on": timezone.localdate().isoformat(), "paid-reference": "BACS 1"},
    )
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (C.PAID, "BACS 1")


def test_approving_a_paid_claim_is_refused_on_the_page(client, demo_site):
    claim = claim_at(C.PAID)
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("payments:approve", args=[claim.pk]), {}, follow=True
    )
    assert "This claim is “paid”: it cannot be approved." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == C.PAID


def test_the_member_answers_a_query_and_keeps_the_receipt_already_sent(
    client, demo_site
):
    claim = claim_at(C.SUBMITTED)
    claim_query(claim=claim, by=lead(), message="Was it a return ticket?")
    old_line = claim.expenses.get()
    sign_in(client, "member@example.org")
    page = client.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "Was it a return ticket?" in page
    edit = reverse("payments:claim_edit", args=[claim.pk])
    assert f'href="{edit}"' in page
    form = client.get(edit).content.decode()
    assert "Attached: receipt.pdf (keep it, or choose another)" in form
    assert "Your answer to the lead" in form

    data = form_data(
        units="5",
        lines=[line("Return train", "24.80", kept=f"line:{old_line.pk}")],
        initial=1,
    )
    response = client.post(edit, data)
    assert "Answer the lead&#x27;s question." in field_error(
        response.content.decode(), "id_message"
    )
    data["message"] = "Yes, a return: I have corrected the amount."
    response = client.post(edit, data)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == C.SUBMITTED
    new_line = claim.expenses.get()
    assert (new_line.description, new_line.amount) == ("Return train", Decimal("24.80"))
    assert new_line.receipt.name == old_line.receipt.name
    assert new_line.receipt.read() == PDF
    assert claim.events.last().message == "Yes, a return: I have corrected the amount."
    # Changing is only for a claim the lead has asked about.
    assert client.get(edit)["Location"] == reverse("payments:claim", args=[claim.pk])


# Who may see claims and receipts -------------------------------------------------

VIEWERS = PRIVACY_VIEWERS


@pytest.mark.parametrize("view", ["claim", "receipt"])
@pytest.mark.parametrize(("email", "who"), VIEWERS)
def test_a_claim_and_its_receipts_are_seen_only_by_the_member_and_the_lead(
    client, demo_site, view, email, who
):
    claim = claim_at(C.SUBMITTED)
    target = claim.pk if view == "claim" else claim.expenses.get().pk
    if email:
        sign_in(client, email)
    response = client.get(reverse(f"payments:{view}", args=[target]))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif who == "other":
        assert response.status_code == 404
        assert b"Train" not in response.content
    else:
        assert response.status_code == 200
        if view == "receipt":
            assert b"".join(response.streaming_content) == PDF
            assert response["Content-Type"] == "application/pdf"
            assert "private" in response["Cache-Control"]
            # Downloaded, never opened as a page of the site: a receipt that
            # holds script cannot run as the site.
            assert response["Content-Disposition"] == (
                'attachment; filename="receipt.pdf"'
            )
            assert "sandbox" in response["Content-Security-Policy"].split("; ")
            assert response["X-Content-Type-Options"] == "nosniff"
        else:
            assert "Train" in response.content.decode()


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),
        ("member2@example.org", 200),
        ("lead@example.org", 302),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
        ("supporter@example.org", 404),
    ],
)
def test_your_payments_is_for_members_only(client, demo_site, email, status):
    claim_at(C.PAID)
    sign_in(client, email)
    response = client.get(reverse("payments:mine"))
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == reverse("payments:claims")
    if email == "member2@example.org":
        assert "Review a leaflet" not in response.content.decode()


@pytest.mark.parametrize(
    "email", ["member@example.org", "staff@example.org", "admin@example.org"]
)
def test_lead_pages_are_closed_to_everyone_else(client, demo_site, email):
    claim = claim_at(C.SUBMITTED)
    sign_in(client, email)
    for url in [
        reverse("payments:claims"),
        reverse("payments:opportunity", args=[claim.sign_up.opportunity.pk]),
    ]:
        assert client.get(url).status_code == 404
    for name in ["approve", "query", "reject", "mark_paid"]:
        assert (
            client.post(reverse(f"payments:{name}", args=[claim.pk])).status_code == 404
        )
    claim.refresh_from_db()
    assert claim.status == C.SUBMITTED


def test_another_member_cannot_claim_on_someone_elses_sign_up(client, demo_site):
    sign_up = selected()
    sign_in(client, "member2@example.org")
    assert client.get(new_claim_url(sign_up)).status_code == 404
    claim = claim_at(C.QUERIED, selected("member3@example.org"))
    assert (
        client.get(reverse("payments:claim_edit", args=[claim.pk])).status_code == 404
    )


def act_for(client, supporter_email, member_email):
    sign_in(client, supporter_email)
    member = person(member_email)
    client.post(reverse("members:acting_start", args=[member.pk]))
    return member


def test_a_supporter_acting_for_the_member_claims_on_their_behalf(client, demo_site):
    sign_up = selected("member2@example.org")
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    response = client.post(
        new_claim_url(sign_up), form_data(lines=[line(receipt=pdf("bus.pdf"))])
    )
    assert response.status_code == 302
    claim = Claim.objects.get(sign_up=sign_up)
    supporter = person("supporter@example.org")
    assert claim.on_behalf_by == supporter
    assert OnBehalfRecord.objects.filter(
        member=niamh, supporter=supporter, action__startswith="Claimed"
    ).exists()
    page = client.get(response["Location"]).content.decode()
    assert "on Niamh's behalf" in page
    expense = claim.expenses.get()
    receipt = reverse("payments:receipt", args=[expense.pk])
    assert client.get(receipt).status_code == 200
    # Not acting any more: Niamh's claim is closed to the supporter.
    client.post(reverse("members:acting_stop"))
    assert client.get(reverse("payments:claim", args=[claim.pk])).status_code == 404
    assert client.get(receipt).status_code == 404


# Things arranged and paid in advance ---------------------------------------------


def test_the_lead_arranges_a_taxi_in_advance_and_the_member_need_not_claim_it(
    client, demo_site
):
    sign_up = selected()
    sign_in(client, "lead@example.org")
    page_url = reverse("payments:opportunity", args=[sign_up.opportunity.pk])
    assert "Arrange in advance for Dafydd" in client.get(page_url).content.decode()
    arrange = reverse("payments:arrange", args=[sign_up.pk])
    prefix = f"arrange-{sign_up.pk}"
    response = client.post(
        arrange,
        {f"{prefix}-kind": "taxi", f"{prefix}-details": "", f"{prefix}-amount": "-3"},
    )
    assert response.status_code == 400
    assert "Enter an amount of at least £0.01." in response.content.decode()
    client.post(
        arrange,
        {
            f"{prefix}-kind": "taxi",
            f"{prefix}-details": "City Cabs, home to the venue and back",
            f"{prefix}-amount": "30",
        },
    )
    arrangement = AdvanceArrangement.objects.get(sign_up=sign_up)
    assert (arrangement.status, arrangement.amount) == ("arranged", Decimal("30.00"))
    assert arrangement.arranged_by == lead()
    paid = reverse("payments:arrangement_paid", args=[arrangement.pk])
    client.post(
        paid,
        {
            f"paid-{arrangement.pk}-paid_on": timezone.localdate().isoformat(),
            f"paid-{arrangement.pk}-reference": "CARD 42",
        },
    )
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.reference) == ("paid", "CARD 42")
    notes = Notification.objects.filter(
        recipient=sign_up.member, kind=Kind.PAYMENT, dedupe_key__startswith="advance-"
    )
    assert {n.dedupe_key for n in notes} == {
        f"advance-arranged:{arrangement.pk}",
        f"advance-paid:{arrangement.pk}",
    }

    sign_in(client, "member@example.org")
    expected = (
        "Already arranged and paid for you: taxi £30.00 — you do not need to "
        "claim this."
    )
    assert expected in client.get(new_claim_url(sign_up)).content.decode()
    assert "City Cabs" in client.get(reverse("payments:mine")).content.decode()


def test_an_advance_payment_is_paid_once_and_never_in_the_future(demo_site):
    sign_up = selected()
    arrangement = arrangement_add(
        sign_up=sign_up, by=lead(), kind="travel", details="Rail", amount=Decimal("40")
    )
    with pytest.raises(NotAllowed, match="future"):
        arrangement_mark_paid(
            arrangement=arrangement,
            by=lead(),
            paid_on=timezone.localdate() + timedelta(days=1),
            reference="X",
        )
    arrangement_mark_paid(
        arrangement=arrangement, by=lead(), paid_on=timezone.localdate(), reference="X"
    )
    with pytest.raises(NotAllowed, match="already been marked paid"):
        arrangement_mark_paid(
            arrangement=arrangement,
            by=lead(),
            paid_on=timezone.localdate(),
            reference="Y",
        )
    with pytest.raises(NotAllowed, match="Only the engagement lead"):
        arrangement_add(
            sign_up=sign_up,
            by=sign_up.member,
            kind="taxi",
            details="Taxi",
            amount=Decimal("10"),
        )


# This tax year's figures beside the benefit thresholds -----------------------------


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (date(2026, 4, 5), date(2025, 4, 6)),
        (date(2026, 4, 6), date(2026, 4, 6)),
        (date(2027, 1, 15), date(2026, 4, 6)),
    ],
)
def test_the_tax_year_runs_from_6_april_to_5_april(day, start):
    assert tax_year_of(day) == (
        start,
        start.replace(year=start.year + 1) - timedelta(days=1),
    )


def paid_claim(email, paid_on, fee_rate="25.00", **fields):
    claim = claim_at(C.PAID, selected(email, fee_rate=fee_rate, **fields))
    Claim.objects.filter(pk=claim.pk).update(paid_on=paid_on)
    return claim


def test_the_year_total_counts_fees_paid_in_this_tax_year_only(demo_site):
    # Far ahead, clear of the demo's own payments.
    today = date(2040, 6, 1)  # in the 9th week of the tax year from 6 April 2040
    paid_claim("member@example.org", date(2040, 4, 6))  # £125
    paid_claim("member@example.org", date(2040, 5, 20), fee_rate="10.00")  # £50
    paid_claim("member@example.org", date(2040, 4, 5))  # last tax year
    approved = claim_at(C.APPROVED, selected())  # not paid yet
    paid_claim("member2@example.org", date(2040, 5, 1))  # someone else's
    figures = year_figures(person(), today)
    assert figures.total == Decimal("175.00")  # fees only: expenses pay people back
    assert figures.weeks == 9
    assert figures.weekly_average == Decimal("19.44")
    assert approved.fee == Decimal("125.00")


def test_your_payments_shows_the_figures_beside_the_thresholds_as_information(
    client, demo_site
):
    today = timezone.localdate()
    paid_claim("member@example.org", today)
    BenefitThreshold.objects.create(
        name="Carer's Allowance earnings limit",
        amount=Decimal("196.00"),
        period="week",
        applies_from=today - timedelta(days=400),
        link="https://www.gov.uk/carers-allowance",
    )
    BenefitThreshold.objects.create(
        name="Carer's Allowance earnings limit",
        amount=Decimal("151.00"),
        period="week",
        applies_from=today - timedelta(days=800),
    )
    BenefitThreshold.objects.create(
        name="Personal Allowance", amount="12570", period="year", applies_from=today
    )
    sign_in(client, "member@example.org")
    html = client.get(reverse("payments:mine")).content.decode()
    figures = year_figures(person(), today)
    assert f"<strong>£{figures.total}</strong>" in html
    assert "£196.00 a week" in html
    assert "£151.00" not in html  # the older limit no longer applies
    assert f"£{figures.weekly_average} a week on average" in html
    assert "£12,570.00 a year" in html
    assert "This is information, not advice." in html
    assert "Carers UK / Citizens Advice can help" in html
    assert "over the limit" not in html.lower() and "you are over" not in html.lower()


def test_the_lead_keeps_the_thresholds_in_the_admin(client, demo_site):
    leads = Group.objects.get(name="Engagement leads")
    codenames = set(
        leads.permissions.filter(content_type__app_label="payments").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {
        "add_benefitthreshold",
        "change_benefitthreshold",
        "delete_benefitthreshold",
    }
    sign_in(client, "lead@example.org")
    add = reverse("wagtailsnippets_payments_benefitthreshold:add")
    assert client.get(add).status_code == 200


# The dashboard and the menu ------------------------------------------------------


def test_the_dashboard_shows_claims_waiting_and_questions_to_answer(client, demo_site):
    claim_at(C.SUBMITTED)
    queried = claim_at(C.QUERIED, selected("member2@example.org", title="Easy Read"))
    sign_in(client, "lead@example.org")
    html = client.get(reverse("dashboard:home")).content.decode()
    waiting = claims_waiting_count()
    assert "Claims waiting" in html
    assert f"{waiting} claim{'s' if waiting > 1 else ''} to check or to pay." in html
    sign_in(client, "member2@example.org")
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "A question about your claim" in html
    assert reverse("payments:claim", args=[queried.pk]) in html


@pytest.mark.parametrize(
    ("email", "sees", "does_not_see"),
    [
        ("member@example.org", ">Payments<", ">Claims<"),
        ("lead@example.org", ">Claims<", ">Payments<"),
        ("staff@example.org", None, ">Payments<"),
    ],
)
def test_the_menu_offers_payments_to_members_and_claims_to_the_lead(
    client, demo_site, email, sees, does_not_see
):
    sign_in(client, email)
    html = client.get(reverse("dashboard:home")).content.decode()
    nav = html[html.index('class="intranet-nav"') :]
    if sees:
        assert sees in nav
    assert does_not_see not in nav


def test_claims_open_once_the_work_is_done(client, demo_site):
    entry = selected()  # its sessions are two weeks ahead
    entry.opportunity.status = Opportunity.Status.SELECTED
    entry.opportunity.save()
    with pytest.raises(NotAllowed, match="once the work is done"):
        claim_submit(sign_up=entry, units=Decimal("5"), expenses=[], actor=entry.member)
    sign_in(client, "member@example.org")
    detail = reverse("opportunities:detail", args=[entry.opportunity_id])
    page = client.get(detail).content.decode()
    assert "Once the work is done you can claim" in page
    assert new_claim_url(entry) not in page
    refused = client.get(new_claim_url(entry), follow=True).content.decode()
    assert "You can claim once the work is done, from the last session on" in refused

    # The last session begins: now it can be claimed.
    entry.opportunity.sessions.update(
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    assert new_claim_url(entry) in client.get(detail).content.decode()
    assert client.get(new_claim_url(entry)).status_code == 200
