from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .accounts import demo_accounts_load
from .home_content import home_page_load


@transaction.atomic
def demo_content_load() -> None:
    if not settings.DEMO_CONTENT_ALLOWED:
        raise ImproperlyConfigured(
            "Demo content is not allowed with these settings (production?)."
        )
    demo_accounts_load()
    home_page_load()
