"""The Charter in Welsh (issue 21): the lead adds a Welsh text and a Welsh
Easy Read file; a member reading in Welsh is shown them (or the English with
a Welsh notice); accepting records the language read, which only the member
(or their supporter acting) and the lead see."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from charter.models import CharterAcceptance, CharterVersion
from charter.services import charter_accept, charter_publish
from members.models import OnBehalfRecord
from tests.people import act_for, person, sign_in
from tests.welsh_readers import reads_welsh

pytestmark = pytest.mark.django_db

CURRENT = reverse("charter:current")
ENGLISH = "We listen to each other."
WELSH = "Rydyn ni'n gwrando ar ein gilydd."
NOT_READY = (
    "Nid yw fersiwn Gymraeg y Siarter hon yn barod eto, felly dyma hi yn Saesneg."
)


def publish(**welsh) -> CharterVersion:
    return charter_publish(
        body=ENGLISH,
        summary_of_changes="Shorter.",
        published_by=person("lead@example.org"),
        **welsh,
    )


def accept(client, version):
    return client.post(
        reverse("charter:accept", args=[version.number]), {"agree": "on"}
    )


def test_a_member_reading_in_welsh_reads_and_accepts_the_welsh(client, demo_site):
    version = publish(
        body_cy=WELSH,
        summary_of_changes_cy="Byrrach.",
        easy_read_cy=SimpleUploadedFile("hawdd.pdf", b"%PDF Hawdd ei Ddeall"),
    )
    member = reads_welsh(person())
    sign_in(client, member.email)

    page = client.get(CURRENT).content.decode()

    assert '<div class="charter-text" lang="cy">' in page
    assert "Rydyn ni&#x27;n gwrando ar ein gilydd." in page
    assert ENGLISH not in page
    assert "Byrrach." in page
    assert NOT_READY not in page
    welsh_easy_read = reverse("charter:easy_read_cy", args=[version.number])
    assert f'href="{welsh_easy_read}" hreflang="cy"' in page
    download = client.get(welsh_easy_read)
    assert b"Hawdd ei Ddeall" in b"".join(download.streaming_content)
    assert "cymraeg" in download["Content-Disposition"]

    accept(client, version)
    assert CharterAcceptance.objects.get(user=member, version=version).language == (
        "cy"
    )


def test_without_welsh_a_welsh_reader_gets_the_english_with_a_welsh_notice(
    client, demo_site
):
    version = publish()
    member = reads_welsh(person())
    sign_in(client, member.email)

    page = client.get(CURRENT).content.decode()

    assert '<div class="message message--notice" lang="cy" role="note">' in page
    assert NOT_READY in page
    assert '<div class="charter-text" lang="en-GB">' in page
    assert ENGLISH in page
    accept(client, version)
    assert CharterAcceptance.objects.get(user=member, version=version).language == (
        "en-gb"
    )


def test_an_english_reader_reads_the_english_even_with_a_welsh_text(client, demo_site):
    version = publish(body_cy=WELSH)
    sign_in(client, "member@example.org")
    page = client.get(CURRENT).content.decode()
    assert ENGLISH in page and "gwrando" not in page and NOT_READY not in page
    accept(client, version)
    assert CharterAcceptance.objects.get(version=version).language == "en-gb"


def test_a_welsh_reading_supporter_accepts_the_welsh_for_the_member(client, demo_site):
    version = publish(body_cy=WELSH)
    reads_welsh(person("supporter@example.org"))
    niamh = act_for(client, "supporter@example.org", "member2@example.org")
    accept(client, version)
    acceptance = CharterAcceptance.objects.get(user=niamh, version=version)
    assert acceptance.language == "cy"
    assert acceptance.on_behalf_by == person("supporter@example.org")
    assert OnBehalfRecord.objects.filter(member=niamh).exists()


# Who sees the language read -------------------------------------------------------


@pytest.fixture
def accepted_in_welsh(demo_site):
    version = publish(body_cy=WELSH)
    niamh = person("member2@example.org")
    charter_accept(user=niamh, version=version, language="cy")
    return version


@pytest.mark.parametrize(
    ("email", "sees"),
    [
        ("member2@example.org", True),  # her own
        ("lead@example.org", True),  # the acceptances list
        ("member@example.org", False),
        ("staff@example.org", False),
        ("admin@example.org", False),
        ("supporter@example.org", False),  # not while not acting for her
    ],
)
def test_the_language_read_is_seen_by_the_member_and_the_lead_only(
    client, accepted_in_welsh, email, sees
):
    sign_in(client, email)
    own = client.get(CURRENT).content.decode()
    table = client.get(reverse("charter:acceptances"))
    shown = "Read in: Cymraeg" in own or (
        table.status_code == 200
        and '<span lang="cy">Cymraeg</span>' in table.content.decode()
    )
    assert bool(shown) == sees


def test_the_supporter_acting_sees_it(client, accepted_in_welsh):
    act_for(client, "supporter@example.org", "member2@example.org")
    assert "Read in: Cymraeg" in client.get(CURRENT).content.decode()


def test_the_lead_s_list_shows_the_language_read(client, accepted_in_welsh):
    sign_in(client, "lead@example.org")
    table = client.get(reverse("charter:acceptances")).content.decode()
    row = table[table.index("Niamh Rafferty") :].split("</tr>")[0]
    assert '<span lang="cy">Cymraeg</span>' in row
    dafydd = table[table.index("Dafydd Pryce") :].split("</tr>")[0]
    assert "Cymraeg" not in dafydd


def test_the_download_shows_the_language_read(client, accepted_in_welsh):
    sign_in(client, "member2@example.org")
    response = client.get(reverse("members:profile_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("your-information.json"))
    read_in = {row["version"]: row["read in"] for row in data["charter_acceptances"]}
    assert read_in[accepted_in_welsh.number] == "Cymraeg"


# The lead's screens ---------------------------------------------------------------


def test_the_lead_publishes_a_version_with_its_welsh(client, demo_site):
    sign_in(client, "lead@example.org")
    form = client.get(reverse("charter:publish")).content.decode()
    assert 'name="body_cy"' in form and 'name="easy_read_cy"' in form
    response = client.post(
        reverse("charter:publish"),
        {
            "body": ENGLISH,
            "summary_of_changes": "Shorter.",
            "body_cy": WELSH,
            "easy_read_cy": SimpleUploadedFile("hawdd.pdf", b"%PDF"),
        },
    )
    assert response.status_code == 302
    version = CharterVersion.objects.order_by("-number").first()
    assert version.body_cy == WELSH
    assert version.easy_read_cy.name.endswith(".pdf")


def test_a_welsh_easy_read_file_of_the_wrong_kind_is_refused_next_to_it(
    client, demo_site
):
    sign_in(client, "lead@example.org")
    before = CharterVersion.objects.count()
    response = client.post(
        reverse("charter:publish"),
        {
            "body": ENGLISH,
            "summary_of_changes": "Shorter.",
            "body_cy": WELSH,
            "easy_read_cy": SimpleUploadedFile("hawdd.exe", b"MZ"),
        },
    )
    page = response.content.decode()
    assert 'id="id_easy_read_cy_error"' in page
    assert "Rydyn ni&#x27;n gwrando" in page  # nothing typed is lost
    assert CharterVersion.objects.count() == before


def test_the_lead_adds_the_welsh_to_a_published_version(client, demo_site):
    version = publish()
    sign_in(client, "lead@example.org")
    table = client.get(reverse("charter:acceptances")).content.decode()
    welsh_url = reverse("charter:welsh", args=[version.number])
    assert f'href="{welsh_url}"' in table

    response = client.post(
        welsh_url,
        {
            "body_cy": WELSH,
            "summary_of_changes_cy": "Byrrach.",
            "easy_read_cy": SimpleUploadedFile("hawdd.odt", b"odt"),
        },
    )

    assert response["Location"] == reverse("charter:acceptances")
    version.refresh_from_db()
    assert version.body_cy == WELSH
    assert version.easy_read_cy.name.endswith(".odt")
    # The English is never changed.
    assert version.body == ENGLISH


def test_adding_the_welsh_needs_the_text_and_a_file_of_the_right_kind(
    client, demo_site
):
    version = publish()
    sign_in(client, "lead@example.org")
    response = client.post(
        reverse("charter:welsh", args=[version.number]),
        {"body_cy": "", "easy_read_cy": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_body_cy_error"' in page
    assert 'id="id_easy_read_cy_error"' in page
    version.refresh_from_db()
    assert version.body_cy == ""


def test_the_welsh_is_fixed_once_someone_accepted_it_in_welsh(
    client, accepted_in_welsh
):
    sign_in(client, "lead@example.org")
    url = reverse("charter:welsh", args=[accepted_in_welsh.number])
    assert "fixed now" in client.get(url).content.decode()
    response = client.post(url, {"body_cy": "Geiriau eraill."})
    assert response.status_code == 400
    accepted_in_welsh.refresh_from_db()
    assert accepted_in_welsh.body_cy == WELSH


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("lead@example.org", 200),
        ("member@example.org", 404),
        ("staff@example.org", 404),
        ("supporter@example.org", 404),
        (None, 302),
    ],
)
def test_only_the_lead_adds_the_welsh(client, demo_site, email, status):
    if email:
        sign_in(client, email)
    url = reverse("charter:welsh", args=[2])
    before = CharterVersion.objects.get(number=2).body_cy
    assert client.get(url).status_code == status
    if status != 200:
        client.post(url, {"body_cy": WELSH})
        assert CharterVersion.objects.get(number=2).body_cy == before


def test_there_is_no_welsh_easy_read_download_without_a_welsh_file(client, demo_site):
    sign_in(client, "member@example.org")
    # The demo's first version has no Welsh Easy Read file.
    assert not CharterVersion.objects.get(number=1).easy_read_cy
    assert client.get(reverse("charter:easy_read_cy", args=[1])).status_code == 404
