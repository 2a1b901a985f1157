from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and signing in"

    def ready(self):
        # Registers the makers of account links with the outbox.
        from . import links  # noqa: F401
