from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database, media and private files into a new folder, "
        "with a manifest of the rows in every table (restore with `restore`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a new or empty folder")

    def handle(self, *args, folder, **options):
        try:
            manifest = backup_create(folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(
            f"Backed up {len(manifest['tables'])} tables "
            f"({sum(manifest['tables'].values())} rows) and {files} files to {folder}."
        )
