"""Fixtures shared by every test."""

import pytest

from demo.services import demo_content_load
from home.models import HomePage


@pytest.fixture
def demo_site(db):
    """The demo accounts and home page, as `make run` loads them."""
    demo_content_load()
    return HomePage.objects.get()
