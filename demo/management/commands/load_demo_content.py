from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from demo.services import demo_content_load


class Command(BaseCommand):
    help = "Load the demo site and accounts. Safe to run again; never in production."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Refusing to load demo content: these settings "
                f"({settings.SETTINGS_MODULE}) do not allow it."
            )
        demo_content_load()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(f"Demo accounts (password '{DEMO_PASSWORD}'):")
        for account in DEMO_ACCOUNTS:
            role = account["groups"][0] if account["groups"] else "Supporter"
            self.stdout.write(f"  {account['email']:<22} {role}")
