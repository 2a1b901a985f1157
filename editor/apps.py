from django.apps import AppConfig


class EditorConfig(AppConfig):
    """The editor members write in (Wagtail's admin) held to the site's own
    accessibility bar: what Wagtail gets wrong is worked around here, through
    Wagtail's extension points only, each workaround listed in upstream.py."""

    name = "editor"
    verbose_name = "The editor"
