from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorConfig(AppConfig):
    """The editor members write in (Wagtail's admin) held to the site's own
    accessibility bar: what Wagtail gets wrong is worked around here, through
    Wagtail's extension points only, each workaround listed in upstream.py."""

    name = "editor"
    verbose_name = _("The editor")
