from django.apps import AppConfig


class ChannelConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "channel"
    verbose_name = "The channel"
