"""Who we are: members by Assembly, only with their consent, history kept."""

import pytest

from members.models import Assembly, Profile, WhoWeArePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def who(demo_site):
    return WhoWeArePage.objects.get(locale__language_code="en-gb")


def test_every_assembly_is_shown_with_its_members(client, who):
    content = client.get(who.url).content.decode()
    for assembly in Assembly.objects.all():
        assert assembly.name.replace("&", "&amp;") in content
    assert "Dafydd Pryce" in content
    assert "Engagement lead" in content
    assert "Morwenna Hale" in content


def test_people_who_have_left_stay_in_history(client, who):
    content = client.get(who.url).content.decode()
    assert "Past members" in content
    assert "Maeve Donnelly" in content
    assert "was a member 2022–2023" in content
    assert Profile.objects.filter(slug="maeve-donnelly").exists()


def test_a_person_who_did_not_agree_is_not_shown_anywhere(client, who):
    content = client.get(who.url).content.decode()
    assert "Fraser Doig" not in content
    assert client.get(who.url + "fraser-doig/").status_code == 404


def test_a_photo_is_shown_only_with_consent(client, who):
    sam = Profile.objects.get(slug="sam-teale")
    content = client.get(who.url + "sam-teale/").content.decode()
    assert sam.photo_alt not in content
    dafydd = Profile.objects.get(slug="dafydd-pryce")
    assert dafydd.photo_alt in client.get(who.url + "dafydd-pryce/").content.decode()


def test_a_member_page_lists_their_stories(client, who):
    content = client.get(who.url + "grace-okafor/").content.decode()
    assert "Stories by Grace Okafor" in content
    assert "Workplace culture" in content


def test_membership_years_read_naturally():
    from datetime import date

    assert Profile(joined_on=date(2022, 1, 1)).membership_years == "since 2022"
    past = Profile(joined_on=date(2022, 1, 1), left_on=date(2023, 11, 30))
    assert past.membership_years == "2022–2023"


def test_who_we_are_uses_a_bounded_number_of_queries(
    client, who, django_assert_max_num_queries
):
    client.get(who.url)
    with django_assert_max_num_queries(25):
        client.get(who.url)
