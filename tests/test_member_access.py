"""members.access.member_required: a member's page lets in the member, or a
supporter acting for one, and hands the view the member it works for.
Everyone else gets 404; someone signed out is sent to sign in."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from members.access import member_required
from members.acting import SESSION_KEY
from tests.people import act_for, person, sign_in

pytestmark = pytest.mark.django_db


@member_required
def whose_page(request, pk, member):
    return HttpResponse(f"{pk}:{member.email}")


def call(user, acting_for=None):
    request = RequestFactory().get("/x/")
    request.user = user
    request.session = SessionStore()
    if acting_for is not None:
        request.session[SESSION_KEY] = acting_for.pk
    return whose_page(request, pk=7)


def test_a_member_gets_their_own_things(demo_site):
    response = call(person("member@example.org"))
    assert response.content.decode() == "7:member@example.org"


def test_a_supporter_acting_gets_the_member_they_act_for(demo_site):
    niamh = person("member2@example.org")
    response = call(person("supporter@example.org"), acting_for=niamh)
    assert response.content.decode() == "7:member2@example.org"


def test_a_supporter_cannot_act_for_someone_they_do_not_support(demo_site):
    with pytest.raises(Http404):
        call(person("supporter@example.org"), acting_for=person("member@example.org"))


@pytest.mark.parametrize(
    "email",
    [
        "supporter@example.org",  # not acting
        "lead@example.org",
        "staff@example.org",
        "admin@example.org",
    ],
)
def test_anyone_else_signed_in_gets_404(demo_site, email):
    with pytest.raises(Http404):
        call(person(email))


def test_someone_signed_out_is_sent_to_sign_in(demo_site):
    response = call(AnonymousUser())
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    "email, status",
    [
        ("member@example.org", 200),
        ("supporter@example.org", 404),
        ("lead@example.org", 404),
        ("staff@example.org", 404),
    ],
)
def test_the_opportunities_list_is_for_members(client, demo_site, email, status):
    sign_in(client, email)
    assert client.get(reverse("opportunities:list")).status_code == status


def test_a_supporter_acting_sees_the_opportunities_list(client, demo_site):
    act_for(client, "supporter@example.org", "member2@example.org")
    assert client.get(reverse("opportunities:list")).status_code == 200
