"""Browser tests. Mark each module with BROWSER_TEST so the live server sees
committed data and the migrated rows come back after each test."""

import pytest

BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
