from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and signing in"

    def ready(self):
        # Register the makers of account links with the outbox, and the
        # check accounts.E001 (the demo's authenticator secret).
        from members.invitations import invitations_register

        from . import checks, links  # noqa: F401
        from .selectors import invitation_waiting, invitations_recent
        from .services import invitation_create

        # The people screens (members, a layer below) invite through these.
        invitations_register(
            send=invitation_create,
            waiting=invitation_waiting,
            recent=invitations_recent,
        )
