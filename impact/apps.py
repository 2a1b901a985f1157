from django.apps import AppConfig


class ImpactConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "impact"
    verbose_name = "Meetings, reflections and impact"

    def ready(self):
        from core.page_cache import page_cache_purge_on

        from .models import Meeting, Outcome

        # "What we did" shows public meetings and their outcomes.
        page_cache_purge_on(Meeting)
        page_cache_purge_on(Outcome)
