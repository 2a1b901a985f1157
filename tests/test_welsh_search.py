"""Search in Welsh (issue 21): the page, its notices and the result kinds."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_results_are_described_in_welsh(client, demo_site):
    # A word of the demo's Welsh stories ("cyfarfod", meeting).
    html = client.get("/cy/search/", {"q": "cyfarfod", "type": "nope"}).content.decode()
    assert "Canlyniadau chwilio am “cyfarfod”" in html
    assert "Dydyn ni ddim yn gwybod am y math hwnnw o ganlyniad" in html
    assert '<span class="tag-kind">Stori</span>' in html
    # The same kept cards read in English at the English address.
    english = client.get("/search/", {"q": "carers"}).content.decode()
    assert '<span class="tag-kind">Story</span>' in english
