"""A person's own profile: contact, private support needs, reader settings
on the account, consents, pausing, and supporters who act for a member."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from charter.models import CharterAcceptance
from charter.selectors import charter_current
from members.models import OnBehalfRecord, Profile, Support, User, WhoWeArePage
from notifications.models import Notification, OutboxEmail
from tests.people import link_from, sign_in

pytestmark = pytest.mark.django_db

NIAMH_NEEDS = "Papers in large print (18 point)"


def section(name):
    return reverse("members:profile_section", args=[name])


# Privacy of support needs --------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "sees"),
    [
        ("member2@example.org", True),  # the owner, on their profile
        ("lead@example.org", True),  # the lead, on the person page
        ("member@example.org", False),
        ("staff@example.org", False),
        ("admin@example.org", False),
        ("supporter@example.org", False),  # not while not acting for her
        (None, False),
    ],
)
def test_support_needs_are_seen_by_the_owner_and_the_lead_only(
    client, demo_site, email, sees
):
    niamh = User.objects.get(email="member2@example.org")
    if email:
        sign_in(client, email)
    pages = [
        reverse("members:profile"),
        section("support"),
        reverse("members:person", args=[niamh.pk]),
        reverse("members:team_cv"),
        reverse("members:team_cv_print"),
        WhoWeArePage.objects.get(locale__language_code="en-gb").url + "niamh-rafferty/",
    ]
    shown = [url for url in pages if NIAMH_NEEDS in client.get(url).content.decode()]
    assert bool(shown) == sees
    # Never on the team CV or the public page, whoever looks.
    assert not [url for url in shown if "team-cv" in url or "who-we-are" in url]


def test_a_supporter_acting_for_the_member_sees_and_changes_her_needs(
    client, demo_site
):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    page = client.get(reverse("members:profile")).content.decode()
    assert NIAMH_NEEDS in page
    assert "You are acting for" in page

    client.post(section("support"), {"support_needs": "A hearing loop."})
    niamh.profile.refresh_from_db()
    assert niamh.profile.support_needs == "A hearing loop."
    record = OnBehalfRecord.objects.get(member=niamh)
    assert record.action == "Changed access and support needs"


# Profile sections ----------------------------------------------------------------


def test_a_member_changes_name_and_pronouns(client, demo_site):
    user = sign_in(client, "member@example.org")
    response = client.post(
        section("about"),
        {
            "first_name": "Dai",
            "last_name": "Pryce",
            "display_name": "Dai Pryce",
            "pronouns": "he/him",
        },
        follow=True,
    )
    assert "Saved: About you." in response.content.decode()
    user.refresh_from_db()
    assert (user.first_name, user.profile.display_name, user.profile.pronouns) == (
        "Dai",
        "Dai Pryce",
        "he/him",
    )
    assert not OnBehalfRecord.objects.exists()


def test_asking_for_calls_without_a_number_keeps_what_was_typed(client, demo_site):
    sign_in(client, "member@example.org")
    response = client.post(
        section("contact"),
        {"contact_method": "phone", "phone": "", "contact_notes": "After 2pm"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Add a phone number, so we can call or text you." in page
    assert "After 2pm" in page
    assert User.objects.get(email="member@example.org").profile.contact_method == (
        "email"
    )


def test_a_phone_number_is_saved_on_the_account(client, demo_site):
    user = sign_in(client, "member@example.org")
    client.post(
        section("contact"),
        {"contact_method": "text", "phone": "01632 960123", "contact_notes": ""},
    )
    user.refresh_from_db()
    assert user.phone == "01632 960123"
    assert user.profile.contact_method == "text"


@pytest.mark.parametrize("name", ["sharing", "skills"])
def test_a_supporter_has_no_team_cv_sections_of_their_own(client, demo_site, name):
    sign_in(client, "supporter@example.org")
    assert client.get(section(name)).status_code == 404


def test_an_unknown_section_is_not_found(client, demo_site):
    sign_in(client, "member@example.org")
    assert client.get(section("everything")).status_code == 404


def test_reader_settings_follow_the_account_to_another_computer(client, demo_site):
    sign_in(client, "member@example.org")
    client.post(
        reverse("core:reader_preferences"),
        {"text_size": "largest", "contrast": "high", "next": "/"},
    )
    profile = Profile.objects.get(user__email="member@example.org")
    assert profile.reader_preferences["text_size"] == "largest"

    client.cookies.clear()  # a different computer, no cookie
    sign_in(client, "member@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    assert "pref-text-size-largest" in page.split(">", 2)[1]


# Consents ------------------------------------------------------------------------


def test_withdrawing_consent_takes_a_member_off_the_public_page(client, demo_site):
    sign_in(client, "member@example.org")
    who = WhoWeArePage.objects.get(locale__language_code="en-gb")
    assert "Dafydd Pryce" in client.get(who.url).content.decode()
    client.post(section("sharing"), {"share_skills_with_staff": "on"})
    client.logout()
    assert "Dafydd Pryce" not in client.get(who.url).content.decode()
    assert client.get(who.url + "dafydd-pryce/").status_code == 404


# Pausing -------------------------------------------------------------------------


def test_a_member_pauses_and_the_lead_sees_it(client, demo_site):
    sign_in(client, "member@example.org")
    back = timezone.localdate() + timedelta(days=21)
    response = client.post(
        reverse("members:pause"),
        {"paused": "yes", "returning_on": back.isoformat()},
        follow=True,
    )
    assert "You are paused." in response.content.decode()
    profile = Profile.objects.get(user__email="member@example.org")
    assert profile.is_paused
    assert profile.returning_on == back

    sign_in(client, "lead@example.org")
    dashboard = client.get(reverse("intranet:home")).content.decode()
    paused = dashboard[dashboard.index('id="paused-heading"') :]
    assert "Dafydd Pryce" in paused[:800]
    people = client.get(reverse("members:people")).content.decode()
    assert "Paused" in people


def test_a_return_date_in_the_past_is_explained(client, demo_site):
    sign_in(client, "member@example.org")
    response = client.post(
        reverse("members:pause"),
        {"paused": "yes", "returning_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert "must be after today" in response.content.decode()
    assert not Profile.objects.get(user__email="member@example.org").is_paused


def test_coming_back_starts_reminders_and_keeps_everything(client, demo_site):
    sign_in(client, "member3@example.org")  # Colm is paused
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "You are paused until" in dashboard
    client.post(reverse("members:pause"), {"paused": "no"})
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "You are paused" not in dashboard
    profile = Profile.objects.get(user__email="member3@example.org")
    assert not profile.is_paused
    assert profile.paused_since is None
    assert profile.skills.exists()


def test_reminders_stop_while_paused_but_other_news_arrives(demo_site):
    from notifications.services import notify

    colm = User.objects.get(email="member3@example.org")
    notify(recipients=[colm], kind="reminder", subject="R", dedupe_key="r")
    notify(recipients=[colm], kind="general", subject="G", dedupe_key="g")
    assert list(
        Notification.objects.filter(
            recipient=colm, dedupe_key__in=["r", "g"]
        ).values_list("kind", flat=True)
    ) == ["general"]


# Supporters ----------------------------------------------------------------------


def test_a_member_names_a_supporter_who_accepts_and_acts_for_them(client, demo_site):
    dafydd = sign_in(client, "member@example.org")
    response = client.post(
        reverse("members:supporter_add"),
        {"first_name": "Gwen", "last_name": "Pryce", "email": "gwen@example.net"},
        follow=True,
    )
    page = response.content.decode()
    assert "We have asked Gwen to be your supporter" in page
    assert "Waiting for Gwen Pryce to agree" in page
    email = OutboxEmail.objects.filter(to_address="gwen@example.net").get()
    client.logout()

    client.post(
        link_from(email, "accept_url"),
        {
            "first_name": "Gwen",
            "last_name": "Pryce",
            "new_password1": "kettle on at four",
            "new_password2": "kettle on at four",
        },
    )
    gwen = User.objects.get(email="gwen@example.net")
    # Accepting the invitation that names Dafydd is Gwen's yes.
    assert Support.objects.get(member=dafydd, supporter=gwen).accepted_at
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "Act for Dafydd Pryce" in dashboard
    assert Notification.objects.filter(
        recipient=dafydd, subject="Gwen Pryce has agreed to be your supporter"
    ).exists()


def test_naming_someone_with_an_account_asks_them_first(client, demo_site):
    dafydd = sign_in(client, "member@example.org")
    client.post(
        reverse("members:supporter_add"),
        {"first_name": "Aoife", "email": "SUPPORTER@example.org"},
    )
    aoife = User.objects.get(email="supporter@example.org")
    support = Support.objects.get(member=dafydd, supporter=aoife, ended_at=None)
    assert support.accepted_at is None
    assert Notification.objects.filter(
        recipient=aoife, subject="Dafydd Pryce has asked you to be their supporter"
    ).exists()

    sign_in(client, "supporter@example.org")
    dashboard = client.get(reverse("intranet:home")).content.decode()
    assert "Act for Dafydd Pryce" not in dashboard
    assert "Yes, I will support Dafydd Pryce" in dashboard
    response = client.post(reverse("members:acting_start", args=[dafydd.pk]))
    assert response.status_code == 404


def test_a_member_cannot_name_themselves(client, demo_site):
    sign_in(client, "member@example.org")
    response = client.post(
        reverse("members:supporter_add"),
        {"first_name": "Me", "email": "member@example.org"},
    )
    assert response.status_code == 400
    assert "That is your own email address" in response.content.decode()
    assert 'value="Me"' in response.content.decode()


def test_a_supporter_cannot_name_further_supporters(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    sign_in(client, "supporter@example.org")
    assert client.get(reverse("members:supporter_add")).status_code == 404
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    assert client.get(reverse("members:supporter_add")).status_code == 404


def test_a_member_ends_a_supporter_s_access(client, demo_site):
    niamh = sign_in(client, "member2@example.org")
    support = Support.objects.get(member=niamh, ended_at__isnull=True)
    client.post(reverse("members:supporter_remove", args=[support.pk]))
    support.refresh_from_db()
    assert support.ended_at is not None

    sign_in(client, "supporter@example.org")
    response = client.post(reverse("members:acting_start", args=[niamh.pk]))
    assert response.status_code == 404


def test_only_the_member_ends_a_support(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    support = Support.objects.get(member=niamh, ended_at__isnull=True)
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    response = client.post(reverse("members:supporter_remove", args=[support.pk]))
    assert response.status_code == 404
    support.refresh_from_db()
    assert support.ended_at is None


def test_a_supporter_accepts_the_charter_on_the_member_s_behalf(client, demo_site):
    niamh = User.objects.get(email="member2@example.org")
    version = charter_current()
    sign_in(client, "supporter@example.org")
    client.post(reverse("members:acting_start", args=[niamh.pk]))
    page = client.get(reverse("charter:current")).content.decode()
    assert "Accept the Charter" in page
    client.post(reverse("charter:accept", args=[version.number]), {"agree": "on"})
    acceptance = CharterAcceptance.objects.get(user=niamh, version=version)
    assert acceptance.on_behalf_by.email == "supporter@example.org"
    assert OnBehalfRecord.objects.filter(
        member=niamh, action=f"Accepted version {version.number} of the Charter"
    ).exists()

    client.post(reverse("members:acting_stop"))
    page = client.get(reverse("intranet:home")).content.decode()
    assert "You are acting for" not in page
