"""manage.py two_step_reset EMAIL: for someone who lost their phone and
their recovery codes, when no engagement lead or administrator can sign in
to do it from the site (for example the only administrator)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.two_step.selectors import two_step_is_on
from accounts.two_step.services import two_step_reset
from members import roles
from members.models import User


class Command(BaseCommand):
    help = "Reset a person's two-step sign-in (authenticator and recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address they sign in with.")

    def handle(self, *args, email, **options):
        person = User.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"No account has the email address {email}.")
        if not two_step_is_on(person):
            self.stdout.write(f"{person.email} has not set up two-step sign-in.")
            return
        two_step_reset(user=person, by=None)
        then = (
            "They set it up again the next time they sign in."
            if roles.must_use_two_step(person)
            else "They sign in with their password alone until they turn it on again."
        )
        self.stdout.write(
            self.style.SUCCESS(f"Two-step sign-in reset for {person.email}. {then}")
        )
