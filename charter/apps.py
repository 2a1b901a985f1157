from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "charter"
    verbose_name = "The Charter"
