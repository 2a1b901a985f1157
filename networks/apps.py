from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"
    verbose_name = _("Networks directory")

    def ready(self):
        from core.page_cache import page_cache_purge_on

        from .models import Network

        # The directory (NetworksPage) shows the approved networks.
        page_cache_purge_on(Network)
