"""The team CV: staff and the lead browse the group's skills, filtered by
skill and Assembly, seeing only what each member agreed to share."""

import pytest
from django.urls import reverse

from members.models import Assembly, Profile, Skill
from tests.people import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["members:team_cv", "members:team_cv_print"])
@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("staff@example.org", 200),
        ("lead@example.org", 200),
        ("member@example.org", 404),
        ("supporter@example.org", 404),
        ("admin@example.org", 404),
    ],
)
def test_staff_and_the_lead_browse_the_team_cv(client, demo_site, name, email, status):
    sign_in(client, email)
    response = client.get(reverse(name))
    assert response.status_code == status
    assert ("Grace Okafor" in response.content.decode()) == (status == 200)


def test_a_visitor_is_asked_to_sign_in(client, demo_site):
    response = client.get(reverse("members:team_cv"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_only_what_each_member_shares_is_shown(client, demo_site):
    sign_in(client, "staff@example.org")
    page = client.get(reverse("members:team_cv")).content.decode()
    # Joan shares skills and languages, not experience.
    joan = page[page.index("Joan Ashby") :][:1200]
    assert "Easy Read writing" in joan
    assert "Makaton" in joan
    assert "short breaks" not in joan
    # Seren shares nothing: she is not in the team CV at all.
    assert "Seren Hughes" not in page
    assert "Bilingual meetings" not in page


def test_filtering_by_skill_and_assembly(client, demo_site):
    sign_in(client, "staff@example.org")
    welsh = Skill.objects.get(name="Welsh language")
    page = client.get(reverse("members:team_cv"), {"skill": welsh.pk}).content.decode()
    assert "Dafydd Pryce" in page
    assert "Grace Okafor" not in page
    # Seren has the skill but does not share it.
    assert "Seren Hughes" not in page

    scotland = Assembly.objects.get(slug="scotland")
    page = client.get(
        reverse("members:team_cv"), {"assembly": scotland.pk}
    ).content.decode()
    assert "Eilidh Munro" in page and "Fraser Doig" in page
    assert "Dafydd Pryce" not in page


def test_a_nonsense_filter_shows_everyone_rather_than_an_error(client, demo_site):
    sign_in(client, "staff@example.org")
    response = client.get(reverse("members:team_cv"), {"skill": "banana"})
    assert response.status_code == 200
    assert "Grace Okafor" in response.content.decode()


def test_the_printable_team_cv_keeps_the_filter(client, demo_site):
    sign_in(client, "lead@example.org")
    scotland = Assembly.objects.get(slug="scotland")
    page = client.get(
        reverse("members:team_cv_print"), {"assembly": scotland.pk}
    ).content.decode()
    assert "Eilidh Munro" in page
    assert "Dafydd Pryce" not in page
    assert "intranet-nav" not in page


def test_people_who_have_left_are_not_in_the_team_cv(client, demo_site):
    Profile.objects.filter(slug="grace-okafor").update(left_on="2024-01-01")
    sign_in(client, "staff@example.org")
    assert "Grace Okafor" not in client.get(reverse("members:team_cv")).content.decode()


def test_a_member_chooses_what_staff_see(client, demo_site):
    sign_in(client, "member@example.org")
    client.post(
        reverse("members:profile_section", args=["sharing"]),
        {"publish_on_site": "on", "share_languages_with_staff": "on"},
    )
    sign_in(client, "staff@example.org")
    page = client.get(reverse("members:team_cv")).content.decode()
    dafydd = page[page.index("Dafydd Pryce") :][:1200]
    assert "Welsh, English" in dafydd
    assert "Carers Week" not in dafydd
    assert "young carers" not in dafydd


def test_the_lead_adds_to_the_shared_skills_list_in_the_admin(client, demo_site):
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("wagtailsnippets_members_skill:add"), {"name": "Facilitating"}
    )
    assert response.status_code == 302
    assert Skill.objects.filter(name="Facilitating").exists()

    sign_in(client, "member@example.org")
    skills = client.get(reverse("members:profile_section", args=["skills"]))
    assert "Facilitating" in skills.content.decode()
    denied = client.get(reverse("wagtailsnippets_members_skill:add"))
    assert denied.status_code in (302, 403)
