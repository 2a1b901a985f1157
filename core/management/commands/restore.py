from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into a new, empty database and the "
        "storages, then check every table's rows and every file against its "
        "manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="a folder made by `backup`")

    def handle(self, *args, folder, **options):
        try:
            manifest = backup_restore(folder=folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables "
            f"({sum(manifest['tables'].values())} rows) and {files} files from "
            f"{folder}; every count matches the manifest."
        )
