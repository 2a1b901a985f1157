"""Money is written one way on every page."""

from decimal import Decimal

import pytest

from core.templatetags.core_tags import pounds


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("5.01"), "£5.01"),
        (Decimal("1234.5"), "£1,234.50"),
        (12, "£12.00"),
        (Decimal("-5"), "-£5.00"),
        (Decimal("0"), "£0.00"),
        (None, ""),
        ("", ""),
    ],
)
def test_pounds(value, shown):
    assert pounds(value) == shown


def test_no_template_writes_money_by_hand():
    from pathlib import Path

    from django.conf import settings

    by_hand = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html")
        if "£{{" in path.read_text()
    ] + [
        str(path.relative_to(settings.BASE_DIR))
        for path in (Path(settings.BASE_DIR) / "templates").glob("**/*.html")
        if "£{{" in path.read_text()
    ]
    assert by_hand == [], "Use the pounds filter: " + ", ".join(by_hand)
