from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        # Reminders stop while someone is paused: tell notifications (a layer
        # below) how to find who is paused on a day.
        from core.page_cache import page_cache_purge_on
        from notifications.pauses import paused_register

        from .models import Assembly
        from .selectors import paused_on

        paused_register(
            users_paused_on=lambda day: paused_on(day=day, prefix="profile__")
        )
        # "Who we are" lists members by Assembly (profiles are snippets and
        # purge the page cache already).
        page_cache_purge_on(Assembly)
