"""Fixtures shared by every test.

The demo content is loaded once, when the test database is set up, so every
test starts from the site `make run` shows. Tests run in a transaction that is
rolled back; browser tests (which need committed data) get it back through
serialized_rollback, whose snapshot is taken after the demo content exists.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections

from demo.services import demo_content_load
from home.models import HomePage


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` need concurrent writers, which SQLite cannot
    have: on SQLite they are left out (listed as deselected), and CI's
    PostgreSQL pass runs them."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    left_out = [item for item in items if item.get_closest_marker("postgresql")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_content_load()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = (
                    connection.creation.serialize_db_to_string()
                )


@pytest.fixture
def demo_site(db):
    """The demo site's home page (all demo content is already loaded)."""
    return HomePage.objects.get(locale__language_code="en-gb")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters (core/rate_limits.py) live in the cache: each test
    starts with none."""
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    """A request to a Welsh address leaves Welsh active in the test's
    thread (Django's LocaleMiddleware does not undo it): each test starts,
    and reverse() answers, in English."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _force_login_gives_the_code(monkeypatch):
    """Tests that sign someone in with force_login() skip the password form;
    they skip the two-step code the same way, so the lead's and
    administrators' screens open as after a real sign-in. The real steps are
    tested in tests/test_two_step.py, through the forms."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_step.selectors import two_step_required

    force_login = Client.force_login

    def force_login_with_code(self, user, backend=None):
        force_login(self, user, backend)
        if two_step_required(user):
            device = TOTPDevice.objects.filter(
                user=user, confirmed=True
            ).first() or TOTPDevice.objects.create(user=user, confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_with_code)
