"""Members choose their language (issue 21): on their profile, or with the
header's button in the members' area; a supporter acting changes the
member's; the lead sees it; the download lists it."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from members.models import OnBehalfRecord
from tests.people import act_for, person, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db

LANGUAGE = reverse("members:profile_section", args=["language"])
SWITCH = reverse("members:language_choose")


@pytest.mark.parametrize(
    "email",
    [
        "member@example.org",
        "supporter@example.org",
        "staff@example.org",
        "lead@example.org",
    ],
)
def test_everyone_chooses_their_language_on_their_profile(client, demo_site, email):
    sign_in(client, email)
    profile = client.get(reverse("members:profile")).content.decode()
    assert "Language / Iaith" in profile
    assert f'href="{LANGUAGE}"' in profile
    form = client.get(LANGUAGE).content.decode()
    assert '<span lang="cy">Cymraeg</span>' in form

    response = client.post(LANGUAGE, {"language": "cy"})

    assert response.status_code == 302
    assert person(email).language == "cy"
    # Their members' area now comes in Welsh.
    page = client.get(reverse("members:profile"))
    assert page["Content-Language"] == "cy"
    assert '<html lang="cy"' in page.content.decode()


def test_an_unknown_language_is_refused_next_to_the_field(client, demo_site):
    sign_in(client, "member@example.org")
    response = client.post(LANGUAGE, {"language": "fr"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert person().language == "en-gb"


def test_a_supporter_acting_changes_the_member_s_language_on_record(client, demo_site):
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    form = client.get(LANGUAGE).content.decode()
    assert "Niamh&#x27;s notifications and emails" in form

    client.post(LANGUAGE, {"language": "cy"})

    niamh.refresh_from_db()
    assert niamh.language == "cy"
    assert person("supporter@example.org").language == "en-gb"
    record = OnBehalfRecord.objects.get(member=niamh)
    assert "language" in record.action.lower()


def test_the_lead_sees_a_member_s_language_on_the_person_page(client, demo_site):
    member = reads_welsh(person())
    sign_in(client, "lead@example.org")
    page = client.get(reverse("members:person", args=[member.pk])).content.decode()
    assert '<dd lang="cy">Cymraeg</dd>' in page
    # Seen, not changed: the page offers no way to change it.
    assert "language/edit" not in page


def test_the_download_lists_the_language(client, demo_site):
    reads_welsh(person())
    sign_in(client, "member@example.org")
    response = client.get(reverse("members:profile_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("your-information.json"))
    assert data["account_and_profile"]["account"]["language"] == "Cymraeg"


# The header's switch ------------------------------------------------------------


def test_the_header_offers_the_other_language_as_a_button(client, demo_site):
    sign_in(client, "member@example.org")
    page = client.get(reverse("members:profile")).content.decode()
    assert f'action="{SWITCH}"' in page
    assert '<button type="submit" class="link-button" lang="cy">Cymraeg</button>' in (
        page
    )
    assert 'name="next" value="/members/profile/"' in page


def test_the_switch_changes_my_language_and_returns_to_the_same_page(client, demo_site):
    sign_in(client, "member@example.org")
    here = reverse("notifications:centre") + "?page=1"

    response = client.post(SWITCH, {"language": "cy", "next": here})

    assert response.status_code == 302
    assert response["Location"] == here
    assert person().language == "cy"
    page = client.get(here).content.decode()
    assert '<html lang="cy"' in page
    assert "Mae ardal yr aelodau yn Gymraeg nawr." in page
    # And back: the button now offers English, marked as English.
    assert 'lang="en-GB">English</button>' in page


def test_the_switch_changes_the_supporter_s_own_language_not_the_member_s(
    client, demo_site
):
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    client.post(SWITCH, {"language": "cy", "next": "/members/"})
    niamh.refresh_from_db()
    assert niamh.language == "en-gb"
    assert person("supporter@example.org").language == "cy"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_the_switch_never_returns_to_another_site(client, demo_site, next_url):
    sign_in(client, "member@example.org")
    response = client.post(SWITCH, {"language": "cy", "next": next_url})
    assert response["Location"] == reverse("intranet:home")


def test_the_switch_takes_a_post_from_someone_signed_in(client, demo_site):
    assert client.post(SWITCH, {"language": "cy"})["Location"].startswith(
        reverse("accounts:login")
    )
    sign_in(client, "member@example.org")
    assert client.get(SWITCH).status_code == 405
    client.post(SWITCH, {"language": "xx"})
    assert person().language == "en-gb"


def test_public_pages_keep_their_language_link_not_the_switch(client, demo_site):
    sign_in(client, "member@example.org")
    page = client.get("/").content.decode()
    assert f'action="{SWITCH}"' not in page
    assert 'hreflang="cy"' in page
