"""A member's own information as one download, and the lead anonymising
someone who has left (issue 15, line 10): the download holds everything
about its owner and nothing about anyone else; anonymising takes out who
they were and keeps the figures and the history counts exactly as before."""

import io
import json
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.files.base import ContentFile
from django.db.models import CharField, JSONField, Q, TextField
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from charter.models import CharterAcceptance, CharterVersion
from figures.selectors import (
    engagement_totals,
    engagement_totals_by,
    engagement_years,
    engagements_list,
)
from members.models import Membership, OnBehalfRecord, Profile, Support, User
from members.services import person_deactivate
from notifications.models import Notification, NotificationPreference, OutboxEmail
from notifications.services import notify
from opportunities.models import Opportunity, Session, SignUp, Workstream
from payments.models import Claim, ClaimEvent, ExpenseLine
from plans.models import DevelopmentPlan, Goal
from tests.people import sign_in

pytestmark = pytest.mark.django_db

DOWNLOAD = "/members/profile/download/"
RECEIPT = b"%PDF-1.4 a bus ticket"
NEEDS = "I need step-free access and a quiet room."


def _work(title="Reading panel", *, status="completed"):
    opportunity = Opportunity.objects.create(
        title=title,
        summary="Read and discuss.",
        kind="one_off",
        workstream=Workstream.objects.first(),
        fee_basis="per_hour",
        fee_rate=Decimal("25.00"),
        hours_per_session=Decimal("2"),
        places=5,
        closes_on=date.today() - timedelta(days=30),
        mode="online",
        status=status,
    )
    start = timezone.now() - timedelta(days=20)
    Session.objects.create(
        opportunity=opportunity, starts_at=start, ends_at=start + timedelta(hours=2)
    )
    return opportunity


def _claim_with_receipt(email, *, description, receipt_name, opportunity=None):
    entry = SignUp.objects.create(
        opportunity=opportunity or _work(),
        member=User.objects.get(email=email),
        status=SignUp.Status.SELECTED,
        note=f"A note from {email}",
    )
    claim = Claim.objects.create(
        sign_up=entry, units=Decimal("2"), fee=Decimal("50.00"), status="submitted"
    )
    ExpenseLine.objects.create(
        claim=claim,
        kind="travel",
        description=description,
        amount=Decimal("4.50"),
        receipt=ContentFile(RECEIPT, name="upload.pdf"),
        receipt_name=receipt_name,
    )
    ClaimEvent.objects.create(claim=claim, to_status="submitted", message="Sent")
    return claim


def _unzip(response) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return json.loads(archive.read("your-information.json")), archive


# The download ------------------------------------------------------------------


def test_a_member_downloads_everything_the_site_holds_about_them(client):
    member = User.objects.get(email="member@example.org")
    Profile.objects.filter(user=member).update(support_needs=NEEDS)
    plan, _ = DevelopmentPlan.objects.get_or_create(owner=member)
    Goal.objects.create(plan=plan, title="Chair a meeting", steps="Watch Seren")
    mine = _claim_with_receipt(
        "member@example.org", description="Bus to the hub", receipt_name="bus.pdf"
    )
    # Another member's claim on the same work: none of it may come along.
    _claim_with_receipt(
        "member2@example.org",
        description="Niamh's secret taxi",
        receipt_name="niamh-taxi.pdf",
        opportunity=mine.sign_up.opportunity,
    )
    notify(
        recipients=[member],
        kind="general",
        subject="Summer social on the 5th",
        dedupe_key="test-summer-social",
    )
    version = CharterVersion.objects.order_by("-number").first()
    CharterAcceptance.objects.get_or_create(user=member, version=version)

    sign_in(client, "member@example.org")
    response = client.get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "your-information-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data, archive = _unzip(response)
    assert data["account_and_profile"]["account"]["email address"] == member.email
    profile = data["account_and_profile"]["profile"]
    assert profile["access and support needs"] == NEEDS
    assert profile["name shown on the site"] == "Dafydd Pryce"
    assert data["account_and_profile"]["membership history"][0]["assembly"]
    goals = data["development_plan"]["goals"]
    assert "Chair a meeting" in [goal["goal"] for goal in goals]
    sign_ups = data["opportunities"]["sign-ups"]
    assert "A note from member@example.org" in [s["your note"] for s in sign_ups]
    claim = next(c for c in data["payments"]["claims"] if c["claim number"] == mine.pk)
    assert claim["expenses"][0]["what it was for"] == "Bus to the hub"
    assert claim["fee"] == "50.00"
    receipt_path = f"receipts/{mine.pk}-1-bus.pdf"
    assert claim["expenses"][0]["receipt file"] == receipt_path
    assert archive.read(receipt_path) == RECEIPT
    subjects = [n["subject"] for n in data["notifications"]["notifications"]]
    assert "Summer social on the 5th" in subjects
    versions = [a["version"] for a in data["charter_acceptances"]]
    assert version.number in versions
    posts = data["channel"]["posts"]
    assert posts and {post["shown as"] for post in posts} == {"Dafydd Pryce"}
    # Dates are ISO, so any program (and a person) reads them the same way.
    assert date.fromisoformat(data["account_and_profile"]["profile"]["joined on"])

    readme = archive.read("README.txt").decode()
    assert "Your payment claims" in readme
    assert "receipts" in readme
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Niamh's secret taxi" not in everything
    assert b"niamh-taxi" not in everything
    assert b"member2@example.org" not in everything
    assert member.password.encode() not in everything
    assert "password" not in json.dumps(data).lower()
    assert b"token_hash" not in everything


@pytest.mark.parametrize(
    "email", ["lead@example.org", "staff@example.org", "admin@example.org"]
)
def test_nobody_can_download_someone_else_s_information(client, email):
    """There is no id in the address to change: whatever is added to it, a
    person gets their own information, never the member's."""
    member = User.objects.get(email="member@example.org")
    Profile.objects.filter(user=member).update(support_needs=NEEDS)
    sign_in(client, email)

    response = client.get(
        DOWNLOAD, {"pk": member.pk, "user": member.pk, "person": member.pk}
    )

    assert response.status_code == 200
    data, archive = _unzip(response)
    assert data["account_and_profile"]["account"]["email address"] == email
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert NEEDS.encode() not in everything
    assert b"member@example.org" not in everything


def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(DOWNLOAD)

    assert response.status_code == 302
    assert "sign-in" in response["Location"] or "login" in response["Location"]


def test_a_supporter_acting_for_a_member_cannot_download_hers(client):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    assert "You are acting for" in client.get(reverse("members:profile")).text

    assert client.get(DOWNLOAD).status_code == 404


def test_the_profile_offers_the_download_to_its_owner_only(client):
    sign_in(client, "member@example.org")
    assert "Download your information" in client.get("/members/profile/").text

    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    assert "Download your information" not in client.get("/members/profile/").text


# Anonymising --------------------------------------------------------------------


def _url(person):
    return reverse("members:person_anonymise", args=[person.pk])


@pytest.fixture
def dafydd_left():
    """Dafydd (member@), who took part in paid work in 2022 and 2023, has
    left; he made a claim with a receipt, has a plan and notifications."""
    dafydd = User.objects.get(email="member@example.org")
    Profile.objects.filter(user=dafydd).update(
        support_needs=NEEDS, pronouns="he/him", contact_notes="Mornings are best"
    )
    User.objects.filter(pk=dafydd.pk).update(phone="01632 960123")
    plan, _ = DevelopmentPlan.objects.get_or_create(owner=dafydd)
    Goal.objects.create(plan=plan, title="Dafydd's goal: chair a meeting")
    _claim_with_receipt(
        "member@example.org", description="Bus to the hub", receipt_name="bus.pdf"
    )
    lead = User.objects.get(email="lead@example.org")
    notify(
        recipients=[lead],
        kind="payment",
        subject="New claim to check: Dafydd Pryce, Reading panel",
        dedupe_key="test-claim-to-check",
    )
    notify(
        recipients=[dafydd],
        kind="general",
        subject="Thank you, Dafydd",
        dedupe_key="test-thanks",
    )
    person_deactivate(user=dafydd, ended_on=timezone.localdate())
    dafydd.refresh_from_db()
    # Anonymising deletes his demo portrait's files once it commits (which
    # these tests let happen). The database rolls back after the test; the
    # files must come back too, or later tests would find them gone.
    photo = dafydd.profile.photo
    files = [photo.file, *(r.file for r in photo.renditions.all())] if photo else []
    kept = {
        file.name: (file.storage, file.storage.open(file.name).read()) for file in files
    }
    yield dafydd
    for name, (storage, content) in kept.items():
        if not storage.exists(name):
            storage.save(name, ContentFile(content))


def _figures() -> dict:
    found = engagements_list()
    return {
        year: (
            engagement_totals(found=found, year=year).measures(),
            [
                (name, t.measures())
                for name, t in engagement_totals_by(
                    found=found, year=year, key="assembly"
                )
            ],
            [
                (name, t.measures())
                for name, t in engagement_totals_by(
                    found=found, year=year, key="workstream"
                )
            ],
        )
        for year in engagement_years(found=found)
    }


def _counts(person) -> dict:
    return {
        "memberships": Membership.objects.filter(user=person).count(),
        "sign-ups": list(
            SignUp.objects.filter(member=person)
            .order_by("pk")
            .values_list("pk", "status", "declines_fee")
        ),
        "claims": list(
            Claim.objects.filter(sign_up__member=person)
            .order_by("pk")
            .values_list("pk", "units", "fee", "status", "paid_on")
        ),
        "claim events": ClaimEvent.objects.filter(claim__sign_up__member=person)
        .order_by("pk")
        .count(),
        "expenses": list(
            ExpenseLine.objects.filter(claim__sign_up__member=person)
            .order_by("pk")
            .values_list("amount", "kind")
        ),
        "acceptances": CharterAcceptance.objects.filter(user=person).count(),
    }


def test_the_figures_and_history_counts_are_the_same_after_anonymising(
    client, dafydd_left, django_capture_on_commit_callbacks
):
    assert Claim.objects.filter(sign_up__member=dafydd_left, status="paid").exists()
    figures_before, counts_before = _figures(), _counts(dafydd_left)
    sign_in(client, "lead@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(dafydd_left), {"confirm": "on"})

    assert response.status_code == 302
    assert _figures() == figures_before
    assert _counts(dafydd_left) == counts_before


def _text_columns():
    """Every text column of every table, as (model, field names)."""
    for model in apps.get_models():
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, CharField | TextField | JSONField)
        ]
        if names and model._meta.managed:
            yield model, names


def _rows_mentioning(text: str) -> list[str]:
    found = []
    for model, names in _text_columns():
        query = Q()
        for name in names:
            query |= Q(**{f"{name}__icontains": text})
        for row in model.objects.filter(query):
            found.append(f"{model._meta.label} {row.pk}")
    return found


def test_anonymising_takes_out_who_they_were_everywhere(
    client, dafydd_left, django_capture_on_commit_callbacks
):
    receipt = ExpenseLine.objects.get(description="Bus to the hub").receipt
    storage, receipt_name = receipt.storage, receipt.name
    assert storage.exists(receipt_name)
    assert _rows_mentioning("Dafydd Pryce")
    sign_in(client, "lead@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(dafydd_left), {"confirm": "on"})

    assert response.status_code == 302
    page = client.get(response["Location"]).text
    assert f"They are now called Former member {dafydd_left.pk}" in page
    person = User.objects.get(pk=dafydd_left.pk)
    assert person.get_full_name() == f"Former member {person.pk}"
    assert person.email == f"former-{person.pk}@invalid"
    assert person.phone == ""
    profile = person.profile
    assert profile.display_name == f"Former member {person.pk}"
    assert (profile.support_needs, profile.pronouns, profile.bio) == ("", "", "")
    assert profile.contact_notes == ""
    assert profile.photo is None
    assert not profile.publish_on_site and not profile.publish_photo
    assert not DevelopmentPlan.objects.filter(owner=person).exists()
    assert not Notification.objects.filter(recipient=person).exists()
    assert not NotificationPreference.objects.filter(user=person).exists()
    assert not OutboxEmail.objects.filter(recipient=person).exists()
    assert not OnBehalfRecord.objects.filter(member=person).exists()
    assert not Support.objects.filter(
        Q(member=person) | Q(supporter=person), ended_at__isnull=True
    ).exists()
    sign_ups = SignUp.objects.filter(member=person)
    assert sign_ups.exists()
    assert not sign_ups.exclude(note="", support_needs="", reason="").exists()
    lines = ExpenseLine.objects.filter(claim__sign_up__member=person)
    assert set(lines.values_list("receipt", flat=True)) == {""}
    assert "Bus to the hub" not in set(lines.values_list("description", flat=True))
    assert not storage.exists(receipt_name)
    # The lead's own notification now names the new name, not the old one.
    assert Notification.objects.filter(
        subject=f"New claim to check: Former member {person.pk}, Reading panel"
    ).exists()
    # Nowhere in the database: not the name, the address or the needs.
    assert _rows_mentioning("Dafydd Pryce") == []
    assert _rows_mentioning("member@example.org") == []
    assert _rows_mentioning(NEEDS) == []
    assert _rows_mentioning("01632 960123") == []
    # Who did it, and when, is recorded under the new name only.
    record = ModelLogEntry.objects.get(action="members.anonymise")
    assert record.user.email == "lead@example.org"
    assert record.label == f"Former member {person.pk}"
    assert "Anonymised on" in page


def test_they_cannot_sign_in_afterwards(client, dafydd_left):
    old_session = client.__class__()
    old_session.force_login(dafydd_left)
    sign_in(client, "lead@example.org")

    client.post(_url(dafydd_left), {"confirm": "on"})

    person = User.objects.get(pk=dafydd_left.pk)
    assert not person.has_usable_password()
    for email in ("member@example.org", person.email):
        request = RequestFactory().post("/accounts/sign-in/")
        assert authenticate(request, email=email, password="coproduction") is None
    # A browser still signed in from before is signed out.
    assert old_session.get("/members/").status_code == 302


def test_anonymising_twice_changes_nothing_the_second_time(client, dafydd_left):
    sign_in(client, "lead@example.org")
    client.post(_url(dafydd_left), {"confirm": "on"})
    person = User.objects.get(pk=dafydd_left.pk)

    response = client.post(_url(person), {"confirm": "on"}, follow=True)

    assert "was already anonymised" in response.text
    assert ModelLogEntry.objects.filter(action="members.anonymise").count() == 1
    assert User.objects.get(pk=person.pk).email == person.email
    page = client.get(_url(person)).text
    assert "There is nothing more to do" in page
    assert "<form" not in page.split("<main", 1)[-1].split("</main>", 1)[0]


def test_someone_who_has_not_left_cannot_be_anonymised(client):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "lead@example.org")

    page = client.get(_url(niamh))
    response = client.post(_url(niamh), {"confirm": "on"})

    assert page.status_code == 200
    assert "has not left the group" in page.text
    assert '<button type="submit" class="button">Anonymise' not in page.text
    assert response.status_code == 400
    assert "has not left the group" in response.text
    niamh.refresh_from_db()
    assert niamh.email == "member2@example.org"
    assert niamh.is_active
    assert not ModelLogEntry.objects.filter(action="members.anonymise").exists()


def test_the_lead_must_tick_the_box_and_sees_what_goes_and_what_stays(
    client, dafydd_left
):
    sign_in(client, "lead@example.org")

    page = client.get(_url(dafydd_left)).text
    response = client.post(_url(dafydd_left), {})

    assert "What goes" in page and "What stays" in page
    assert "the year's figures add up exactly as before" in page
    assert response.status_code == 400
    assert "Tick the box to confirm you want to anonymise them." in response.text
    assert User.objects.get(pk=dafydd_left.pk).email == "member@example.org"


def test_the_person_page_offers_anonymising_once_they_have_left(client, dafydd_left):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "lead@example.org")

    assert (
        "Anonymise Dafydd Pryce"
        in client.get(reverse("members:person", args=[dafydd_left.pk])).text
    )
    assert (
        "Anonymise" not in client.get(reverse("members:person", args=[niamh.pk])).text
    )


@pytest.mark.parametrize(
    "email",
    [
        "member2@example.org",
        "member3@example.org",
        "staff@example.org",
        "admin@example.org",
        "supporter@example.org",
        None,
    ],
)
def test_only_the_lead_can_anonymise(client, dafydd_left, email):
    if email:
        sign_in(client, email)

    page = client.get(_url(dafydd_left))
    response = client.post(_url(dafydd_left), {"confirm": "on"})

    expected = 404 if email else 302
    assert page.status_code == expected
    assert response.status_code == expected
    assert User.objects.get(pk=dafydd_left.pk).email == "member@example.org"
