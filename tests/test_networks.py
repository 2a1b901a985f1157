"""The networks directory: the public page with its filters, the "Suggest a
network" form anyone may send, the lead's screens and the yearly reminder."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.factories import NetworkFactory
from networks.models import Network
from networks.services import network_checks_remind, network_save
from notifications.models import Notification
from tests.people import act_for, sign_in

pytestmark = pytest.mark.django_db

DIRECTORY = "/networks/"
SUGGEST = reverse("networks:suggest")
LIST = reverse("networks_manage:list")


def edit_url(network):
    return reverse("networks_manage:edit", args=[network.pk])


# The public directory ----------------------------------------------------------


def test_the_directory_lists_approved_networks_only(client, demo_site):
    NetworkFactory(name="Shown Circle")
    NetworkFactory(name="Waiting Circle", suggested=True)
    NetworkFactory(name="Hidden Circle", hidden=True)
    page = client.get(DIRECTORY).content.decode()
    assert "Shown Circle" in page
    assert "Valleys Voices Network" in page  # from the demo
    assert "Waiting Circle" not in page
    assert "Hidden Circle" not in page
    assert "Mid Ulster Peer Support Group" not in page  # the demo's suggestion


def test_filters_by_nation_and_topic_with_a_plain_form(client, demo_site):
    page = client.get(DIRECTORY, {"nation": "scotland"}).content.decode()
    assert "Highlands Lived Experience Panel" in page
    assert "Deaf Co-production Alliance" in page  # all four nations
    assert "Valleys Voices Network" not in page
    assert '<option value="scotland" selected>' in page
    page = client.get(
        DIRECTORY, {"nation": "scotland", "topic": "young-people"}
    ).content.decode()
    assert "Glasgow Young Advisers" in page
    assert "Highlands Lived Experience Panel" not in page
    assert "1 network matches." in page
    assert '<form method="get"' in page


def test_an_unknown_filter_shows_everything(client, demo_site):
    page = client.get(DIRECTORY, {"nation": "atlantis"}).content.decode()
    assert "Valleys Voices Network" in page
    assert "Highlands Lived Experience Panel" in page


def test_a_network_has_its_own_page_while_approved(client, demo_site):
    shown = NetworkFactory(
        name="Shown Circle",
        how_to_join="Ring Bea on Mondays.",
        suggested_by_name="Sam Ellis",
        suggested_by_email="sam@example.net",
    )
    waiting = NetworkFactory(name="Waiting Circle", suggested=True)
    page = client.get(f"{DIRECTORY}{shown.pk}/").content.decode()
    assert "Ring Bea on Mondays." in page
    # Who suggested it is for the lead only.
    assert "Sam Ellis" not in page
    assert "sam@example.net" not in page
    assert 'href="https://network.example.org/"' in page
    assert client.get(f"{DIRECTORY}{waiting.pk}/").status_code == 404


def test_the_sitemap_lists_each_approved_network(client, demo_site):
    shown = NetworkFactory(name="Shown Circle")
    waiting = NetworkFactory(name="Waiting Circle", suggested=True)
    content = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://localhost{DIRECTORY}{shown.pk}/</loc>" in content
    assert f"{DIRECTORY}{waiting.pk}/</loc>" not in content


def test_a_kept_directory_page_shows_a_change_at_once(
    client, demo_site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_QUERY_VARIANTS = 200
    url = f"{DIRECTORY}?nation=wales&topic=social-care"
    assert client.get(url)["X-Page-Cache"] == "miss"
    kept = client.get(url)
    assert kept["X-Page-Cache"] == "hit"
    assert "Valleys Voices Network" in kept.content.decode()
    network = Network.objects.get(name="Valleys Voices Network")
    network.status = Network.Status.HIDDEN
    with django_capture_on_commit_callbacks(execute=True):
        network_save(network=network)
    assert "Valleys Voices Network" not in client.get(url).content.decode()


def measured(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [DIRECTORY, f"{DIRECTORY}?nation=wales"])
def test_the_directory_runs_as_many_queries_however_many_networks(
    client, demo_site, url
):
    before = measured(client, url)
    NetworkFactory.create_batch(5, nations=["wales", "england"])
    after = measured(client, url)
    assert after == before
    assert before <= 10


def test_the_lead_s_list_runs_as_many_queries_however_many_networks(client, demo_site):
    sign_in(client, "lead@example.org")
    url = f"{LIST}?show=approved"
    before = measured(client, url)
    NetworkFactory.create_batch(5)
    assert measured(client, url) == before


# Suggesting a network ----------------------------------------------------------


def test_anyone_suggests_a_network_and_the_lead_hears(client, demo_site):
    response = client.post(
        SUGGEST,
        {
            "name": "Fenland Carers Voice",
            "nations": ["england"],
            "topics": ["carers"],
            "who_for": "Carers in the Fens.",
            "link": "https://fenland.example.org/",
            "suggested_by_name": "Pat",
        },
    )
    assert "your suggestion is sent" in response.content.decode()
    network = Network.objects.get(name="Fenland Carers Voice")
    assert network.is_waiting
    assert network.nations == ["england"]
    note = Notification.objects.get(dedupe_key=f"network-suggested:{network.pk}")
    assert note.recipient.email == "lead@example.org"
    assert note.subject == "Pat suggests a network: Fenland Carers Voice"
    assert "Fenland Carers Voice" not in client.get(DIRECTORY).content.decode()


def test_no_name_or_no_nation_is_refused_next_to_the_field_keeping_the_text(
    client, demo_site
):
    response = client.post(SUGGEST, {"name": "", "who_for": "Young carers"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the network&#x27;s name." in page
    assert "Tick at least one nation." in page
    assert "Young carers</textarea>" in page
    assert not Network.objects.filter(who_for="Young carers").exists()


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://files.example.org/", "not a link"]
)
def test_a_link_that_is_not_a_web_page_is_refused(client, demo_site, link):
    response = client.post(
        SUGGEST, {"name": "Odd Network", "nations": ["wales"], "link": link}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a web address starting https://" in page
    assert 'value="Odd Network"' in page
    assert not Network.objects.filter(name="Odd Network").exists()


def test_suggestions_are_rate_limited_per_address_and_nothing_more_is_saved(
    client, demo_site
):
    for n in range(5):
        response = client.post(SUGGEST, {"name": f"Network {n}", "nations": ["wales"]})
        assert response.status_code == 200
    response = client.post(
        SUGGEST, {"name": "One too many", "nations": ["wales", "scotland"]}
    )
    page = response.content.decode()
    assert response.status_code == 429
    assert "You have tried this too many times." in page
    # What was typed is kept, every box ticked too, ready to send again.
    assert 'value="One too many"' in page
    assert re.search(
        r'<input type="checkbox" name="nations" value="wales"[^>]*checked', page
    )
    assert re.search(
        r'<input type="checkbox" name="nations" value="scotland"[^>]*checked', page
    )
    assert not Network.objects.filter(name="One too many").exists()
    assert Notification.objects.filter(subject__contains="One too many").count() == 0


# The lead's screens ------------------------------------------------------------

# (who, what they get): "lead" the screen, "none" not found, "anonymous" sent
# to sign in. Administrators are not the lead (members/roles.py).
VIEWERS = [
    ("member@example.org", "none"),
    ("member2@example.org", "none"),
    ("staff@example.org", "none"),
    ("lead@example.org", "lead"),
    ("admin@example.org", "none"),
    ("supporter", "none"),
    (None, "anonymous"),
]


@pytest.mark.parametrize(("email", "gets"), VIEWERS)
@pytest.mark.parametrize("screen", ["list", "edit"])
def test_only_the_lead_opens_the_lead_s_screens(client, demo_site, email, gets, screen):
    network = NetworkFactory(name="Waiting Circle", suggested=True)
    if email == "supporter":
        act_for(client, "supporter@example.org", "member2@example.org")
    elif email:
        sign_in(client, email)
    url = LIST if screen == "list" else edit_url(network)
    response = client.get(url)
    if gets == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif gets == "none":
        assert response.status_code == 404
        assert client.post(edit_url(network), {"status": "approved"}).status_code == 404
        network.refresh_from_db()
        assert network.is_waiting
    else:
        assert response.status_code == 200
        assert "Waiting Circle" in response.content.decode()


def test_the_lead_approves_and_the_network_is_shown(client, demo_site):
    network = NetworkFactory(name="Waiting Circle", suggested=True)
    sign_in(client, "lead@example.org")
    assert "Waiting Circle" in client.get(LIST).content.decode()
    response = client.post(
        edit_url(network),
        {
            "status": "approved",
            "name": "Waiting Circle",
            "nations": ["wales", "scotland"],
            "topics": ["carers"],
            "link": "https://circle.example.org/",
            "last_checked": "2026-03-01",
        },
        follow=True,
    )
    assert "Saved Waiting Circle: shown in the directory." in response.content.decode()
    network.refresh_from_db()
    assert network.is_approved
    assert network.last_checked == date(2026, 3, 1)
    client.logout()
    page = client.get(DIRECTORY, {"nation": "scotland"}).content.decode()
    assert "Waiting Circle" in page


def test_the_lead_hides_a_network_and_it_leaves_the_directory(client, demo_site):
    network = Network.objects.get(name="Valleys Voices Network")
    sign_in(client, "lead@example.org")
    client.post(
        edit_url(network),
        {"status": "hidden", "name": network.name, "nations": network.nations},
    )
    network.refresh_from_db()
    assert network.is_hidden
    client.logout()
    assert "Valleys Voices Network" not in client.get(DIRECTORY).content.decode()


def test_the_lead_s_bad_edit_is_refused_next_to_the_field(client, demo_site):
    network = NetworkFactory(name="Circle")
    sign_in(client, "lead@example.org")
    response = client.post(
        edit_url(network),
        {
            "status": "approved",
            "name": "Circle renamed",
            "nations": [],
            "link": "javascript:alert(1)",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tick at least one nation." in page
    assert "Enter a web address starting https://" in page
    assert 'value="Circle renamed"' in page
    network.refresh_from_db()
    assert network.name == "Circle"


# The yearly reminder -----------------------------------------------------------


def test_the_lead_is_reminded_once_a_year_about_each_network_not_checked(demo_site):
    today = date(2026, 6, 1)
    stale = NetworkFactory(name="Stale Circle", last_checked=date(2025, 5, 1))
    fresh = NetworkFactory(name="Fresh Circle", last_checked=date(2025, 9, 1))
    NetworkFactory(name="Hidden Circle", hidden=True, last_checked=date(2020, 1, 1))
    network_checks_remind(today=today)
    network_checks_remind(today=date(2026, 6, 2))  # the next day: nothing again
    notes = Notification.objects.filter(dedupe_key__startswith="network-check:")
    keys = set(notes.values_list("dedupe_key", flat=True))
    assert f"network-check:{stale.pk}:2026" in keys
    assert f"network-check:{fresh.pk}:2026" not in keys
    assert not notes.filter(subject__contains="Hidden Circle").exists()
    stale_notes = notes.filter(subject="Time to check the network Stale Circle")
    assert list(stale_notes.values_list("recipient__email", flat=True)) == [
        "lead@example.org"
    ]
    # A year later, still not checked: reminded again.
    network_checks_remind(today=date(2027, 6, 1))
    assert notes.filter(dedupe_key=f"network-check:{stale.pk}:2027").count() == 1
