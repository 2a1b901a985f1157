"""Shared by the tests/test_welsh_<area>.py files of issue 21: someone who
reads in Welsh, and a page as they see it (entities turned back into text,
since {% translate %} escapes an apostrophe)."""

import html

from django.utils import translation

from tests.people import person, sign_in


def reads_welsh(who="member@example.org"):
    """The person (a User, or their email) now reads in Welsh."""
    user = person(who) if isinstance(who, str) else who
    user.language = "cy"
    user.save(update_fields=["language"])
    return user


def welsh_page(client, email: str, url: str) -> str:
    reads_welsh(email)
    sign_in(client, email)
    response = client.get(url)
    # The request left Welsh active in this thread: later tests that work
    # outside a request expect the default again.
    translation.deactivate()
    assert response.status_code == 200
    assert response["Content-Language"] == "cy"
    return html.unescape(response.content.decode())
