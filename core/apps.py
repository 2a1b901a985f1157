from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .content_generation import content_generation_connect
        from .csv_safe import wagtail_csv_exports_neutralise
        from .page_cache import page_cache_receivers_connect
        from .sessions import on_user_logged_in

        user_logged_in.connect(on_user_logged_in, dispatch_uid="session_clock_start")
        wagtail_csv_exports_neutralise()
        page_cache_receivers_connect()
        content_generation_connect()
