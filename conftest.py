"""Fixtures shared by every test."""

import pytest


@pytest.fixture
def demo_site(db):
    """The demo accounts and home page, as `make run` loads them."""
    from demo.services import demo_content_load

    demo_content_load()
    from home.models import HomePage

    return HomePage.objects.get()
