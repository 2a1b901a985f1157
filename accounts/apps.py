from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and signing in"

    def ready(self):
        # Register the makers of account links with the outbox, and the
        # check accounts.E001 (the demo's authenticator secret).
        from . import checks, links  # noqa: F401
