"""Payments: the claim form (issue: paid opportunities from request to
payment, line 6). The fee worked out from what was agreed, sending a claim
with receipts, and bad input refused next to the field."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.exceptions import NotAllowed
from notifications.models import Kind
from opportunities.models import SignUp
from payments.models import Claim, ReceiptUpload
from payments.services import claim_submit
from tests.payments_fixtures import (
    HEIC,
    JPEG,
    PDF,
    PNG,
    C,
    claim_at,
    field_error,
    form_data,
    kept_values,
    lead,
    line,
    new_claim_url,
    pdf,
    selected,
    told,
)
from tests.people import sign_in

pytestmark = pytest.mark.django_db


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
    # Its storage gives it no address at all, so nothing can link to it.
    with pytest.raises(ValueError, match="no address"):
        expense.receipt.url  # noqa: B018


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
