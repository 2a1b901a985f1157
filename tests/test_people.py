"""The engagement lead's people screens: invite, current and past members,
membership history, moving Assembly and leaving."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from members.models import Assembly, Membership, User
from notifications.models import OutboxEmail
from tests.people import sign_in

pytestmark = pytest.mark.django_db


def member2():
    return User.objects.get(email="member2@example.org")


@pytest.mark.parametrize(
    "path",
    [
        reverse("members:people"),
        reverse("members:people") + "?show=past",
        reverse("members:person_add"),
        "person",
    ],
)
@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("lead@example.org", True),
        ("member@example.org", False),
        ("member2@example.org", False),
        ("staff@example.org", False),
        ("admin@example.org", False),
    ],
)
def test_only_the_lead_opens_the_people_screens(
    client, demo_site, path, email, allowed
):
    if path == "person":
        path = reverse("members:person", args=[member2().pk])
    sign_in(client, email)
    response = client.get(path)
    assert response.status_code == (200 if allowed else 404)
    if not allowed:
        assert "Niamh" not in response.content.decode()


def test_a_visitor_is_asked_to_sign_in(client, demo_site):
    response = client.get(reverse("members:people"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_lead_sees_who_is_current_with_their_assembly(client, demo_site):
    sign_in(client, "lead@example.org")
    content = client.get(reverse("members:people")).content.decode()
    assert "Niamh Rafferty" in content
    assert "Dafydd Pryce" in content


def test_the_lead_invites_a_member_to_an_assembly(client, demo_site):
    sign_in(client, "lead@example.org")
    wales = Assembly.objects.get(slug="wales")
    response = client.post(
        reverse("members:person_add"),
        {
            "email": "newcomer@example.org",
            "first_name": "Rhian",
            "role": "member",
            "assembly": wales.pk,
        },
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="newcomer@example.org")
    assert invitation.assembly == wales
    assert invitation.invited_by.email == "lead@example.org"
    email = OutboxEmail.objects.get(template="emails/invitation")
    assert email.to_address == "newcomer@example.org"
    assert "Morwenna" in email.context["inviter"]
    listing = client.get(reverse("members:person_add")).content.decode()
    assert "newcomer@example.org" in listing and "Waiting" in listing


def test_a_member_needs_an_assembly_and_the_form_keeps_what_was_typed(
    client, demo_site
):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("members:person_add"),
        {"email": "newcomer@example.org", "first_name": "Rhian", "role": "member"},
    )
    content = response.content.decode()
    assert 'id="id_assembly_error"' in content
    assert "Choose the Assembly this member belongs to" in content
    assert 'value="newcomer@example.org"' in content and 'value="Rhian"' in content
    assert not Invitation.objects.exists()


def test_an_address_that_already_has_an_account_is_refused(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("members:person_add"),
        {"email": "Member@example.org", "role": "staff"},
    )
    assert "already has an account" in response.content.decode()
    assert not Invitation.objects.exists()


def test_recording_that_someone_left_keeps_them_under_past_members(client, demo_site):
    sign_in(client, "lead@example.org")
    person = member2()
    response = client.post(
        reverse("members:person_leaves", args=[person.pk]),
        {"ended_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    client.get(reverse("members:person", args=[person.pk]))  # shows the message
    current = client.get(reverse("members:people")).content.decode()
    past = client.get(reverse("members:people") + "?show=past").content.decode()
    assert "Niamh Rafferty" not in current
    assert "Niamh Rafferty" in past


def test_a_leaving_date_in_the_future_is_refused_next_to_the_field(client, demo_site):
    sign_in(client, "lead@example.org")
    person = member2()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("members:person_leaves", args=[person.pk]),
        {"ended_on": tomorrow.isoformat()},
    )
    assert response.status_code == 400
    assert 'id="id_ended_on_error"' in response.content.decode()
    person.refresh_from_db()
    assert person.is_active


def test_moving_assembly_keeps_both_spells_in_the_history(client, demo_site):
    sign_in(client, "lead@example.org")
    person = member2()
    before = Membership.objects.get(user=person)
    wales = Assembly.objects.get(slug="wales")
    client.post(
        reverse("members:person_moves", args=[person.pk]),
        {"assembly": wales.pk, "started_on": timezone.localdate().isoformat()},
    )
    spells = list(Membership.objects.filter(user=person).order_by("started_on"))
    assert [s.assembly for s in spells] == [before.assembly, wales]
    assert spells[0].ended_on is not None and spells[1].ended_on is None
    page = client.get(reverse("members:person", args=[person.pk])).content.decode()
    assert before.assembly.name in page and wales.name in page
