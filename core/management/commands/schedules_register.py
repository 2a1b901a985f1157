from django.core.management.base import BaseCommand

from core.scheduling import declared_schedules, schedules_register


class Command(BaseCommand):
    help = "Write the scheduled tasks every app declares to django-q2. Safe to repeat."

    def handle(self, *args, **options):
        schedules_register(schedules=declared_schedules(), report=self.stdout.write)
