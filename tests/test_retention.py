"""The daily retention purges: each deletes what is past its period, keeps
what is not, removes files from disk, and a second run changes nothing."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_q.models import Schedule

from accounts.models import Invitation, SignInLink
from accounts.services import (
    invitation_accept,
    invitation_create,
    sign_in_link_send,
)
from accounts.tasks import invitations_delete, sign_in_links_delete
from core.tasks import expired_sessions_delete
from members.models import User
from payments.models import ExpenseLine, ReceiptUpload
from payments.services import receipt_hold
from payments.tasks import held_receipts_delete
from tests.people import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
HOUR = timedelta(hours=1)


def person(email="member@example.org") -> User:
    return User.objects.get(email=email)


def hold(name="taxi.pdf", by=None) -> ReceiptUpload:
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return receipt_hold(uploaded_by=by or person(), file=upload)


def test_the_purges_are_registered_as_daily_schedules_at_night():
    call_command("schedules_register", stdout=StringIO())
    purges = {
        "Delete expired sessions": "core.tasks.expired_sessions_delete",
        "Delete old sign-in links": "accounts.tasks.sign_in_links_delete",
        "Delete invitations nobody accepted": "accounts.tasks.invitations_delete",
        "Delete held receipts nobody claimed": "payments.tasks.held_receipts_delete",
    }
    for name, func in purges.items():
        schedule = Schedule.objects.get(name=name)
        assert schedule.func == func
        assert schedule.schedule_type == Schedule.DAILY
        assert timezone.localtime(schedule.next_run).hour == 3


# Held receipts -----------------------------------------------------------------


def test_held_receipts_go_after_two_days_with_their_files(settings):
    assert settings.RETENTION_HELD_RECEIPTS_DAYS == 2
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=2) - HOUR):
        old = hold("old.pdf")
        someone_elses = hold("theirs.pdf", by=person("member2@example.org"))
    with time_machine.travel(now - timedelta(days=2) + HOUR):
        recent = hold("recent.pdf")
    old_file, recent_file = Path(old.file.path), Path(recent.file.path)
    assert old_file.exists()

    with time_machine.travel(now):
        assert held_receipts_delete() == 2
        # Everyone's, not only the person who next opens a claim form.
        assert not ReceiptUpload.objects.filter(
            pk__in=[old.pk, someone_elses.pk]
        ).exists()
        assert not old_file.exists()
        assert not Path(someone_elses.file.path).exists()
        assert ReceiptUpload.objects.filter(pk=recent.pk).exists()
        assert recent_file.read_bytes() == PDF

        assert held_receipts_delete() == 0  # a second run changes nothing
        assert recent_file.exists()


def test_the_held_receipt_period_is_a_setting(settings):
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=5)):
        upload = hold()
    settings.RETENTION_HELD_RECEIPTS_DAYS = 7
    assert held_receipts_delete() == 0
    settings.RETENTION_HELD_RECEIPTS_DAYS = 4
    assert held_receipts_delete() == 1
    assert not ReceiptUpload.objects.filter(pk=upload.pk).exists()


def test_a_file_a_claim_line_took_over_is_not_deleted():
    """A receipt can move from the holding place to a claim line at the very
    moment the purge runs; the line's file must survive."""
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        upload = hold()
    line = ExpenseLine.objects.filter(receipt__gt="").first()
    assert line is not None  # the demo has claims with receipts
    ExpenseLine.objects.filter(pk=line.pk).update(receipt=upload.file.name)
    assert held_receipts_delete() == 1
    assert not ReceiptUpload.objects.filter(pk=upload.pk).exists()
    assert Path(upload.file.path).read_bytes() == PDF


# Sign-in links -------------------------------------------------------------------


def test_sign_in_links_go_a_day_after_they_expire_or_were_used():
    member = person()
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=2)):
        expired = sign_in_link_send(email=member.email)
    with time_machine.travel(now - timedelta(days=1, minutes=30)):
        used = sign_in_link_send(email=member.email)
        SignInLink.objects.filter(pk=used.pk).update(used_at=timezone.now())
    with time_machine.travel(now - timedelta(hours=12)):
        yesterday = sign_in_link_send(email=member.email)
    fresh = sign_in_link_send(email=member.email)

    assert sign_in_links_delete() == 2
    left = set(SignInLink.objects.filter(user=member).values_list("pk", flat=True))
    assert {expired.pk, used.pk}.isdisjoint(left)
    assert {yesterday.pk, fresh.pk} <= left
    assert sign_in_links_delete() == 0


def test_a_link_kept_for_its_grace_day_still_says_it_has_run_out(settings):
    member = person()
    with time_machine.travel(timezone.now() - timedelta(hours=2)):
        link = sign_in_link_send(email=member.email)
    sign_in_links_delete()
    assert SignInLink.objects.filter(pk=link.pk).exists()
    settings.RETENTION_SIGN_IN_LINKS_DAYS = 0
    sign_in_links_delete()
    assert not SignInLink.objects.filter(pk=link.pk).exists()


# Invitations ---------------------------------------------------------------------


def invite(email) -> Invitation:
    return invitation_create(email=email, invited_by=person("lead@example.org"))


def test_invitations_nobody_accepted_go_thirty_days_after_they_expire(settings):
    assert settings.INVITATION_DAYS == 14
    assert settings.RETENTION_INVITATIONS_DAYS == 30
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=45)):
        ran_out = invite("ran.out@example.org")
        replaced = invite("twice@example.org")
        newer = invite("twice@example.org")  # withdraws the first
        accepted = invite("joined@example.org")
        invitation_accept(
            invitation=accepted, first_name="Jo", last_name="Ined", password="x" * 12
        )
    with time_machine.travel(now - timedelta(days=43)):
        recently_ran_out = invite("recent@example.org")
    waiting = invite("waiting@example.org")

    assert Invitation.objects.get(pk=replaced.pk).withdrawn_at is not None
    assert invitations_delete() == 3
    left = set(Invitation.objects.values_list("pk", flat=True))
    assert {ran_out.pk, replaced.pk, newer.pk}.isdisjoint(left)
    # Who invited whom stays; so does an invitation still in its grace period.
    assert {accepted.pk, recently_ran_out.pk, waiting.pk} <= left
    assert Invitation.objects.get(pk=accepted.pk).accepted_by.email == (
        "joined@example.org"
    )
    assert invitations_delete() == 0


# Sessions ------------------------------------------------------------------------


def test_expired_sessions_are_deleted_and_live_ones_kept():
    now = timezone.now()
    with time_machine.travel(now - timedelta(hours=9)):
        old = Client()
        sign_in(old, "member@example.org")
    current = Client()
    sign_in(current, "member2@example.org")
    old_key = old.session.session_key
    current_key = current.session.session_key
    assert Session.objects.filter(session_key=old_key).exists()

    expired_sessions_delete()
    assert not Session.objects.filter(session_key=old_key).exists()
    assert Session.objects.filter(session_key=current_key).exists()
    # The live sign-in still works: its session still names the person.
    assert SessionStore(session_key=current_key).get("_auth_user_id") == str(
        person("member2@example.org").pk
    )
    expired_sessions_delete()  # a second run is harmless
    assert Session.objects.filter(session_key=current_key).exists()
