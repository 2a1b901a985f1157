"""`manage.py backup` and `restore` (core/backups.py): the database, media and
private files into a folder, and back into a new, empty database with every
count checked against the manifest.

The round trip runs on the database the suite runs on: SQLite in `make test`,
and in CI's second pass PostgreSQL, where it is pg_dump of the test database
restored with pg_restore into a database created for the test (and dropped
after)."""

import json
import stat
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.production import run_manage

pytestmark = pytest.mark.django_db

COUNTS = (
    "import json; from django.db import connection; "
    "from core.backups import table_counts; "
    "print(json.dumps(table_counts(connection.cursor())))"
)


def postgres_url(name: str) -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{name}"
    )


@pytest.fixture
def fresh_database(tmp_path):
    """Make new, empty databases of the suite's kind; their DATABASE_URLs."""
    made = []

    def make():
        if connection.vendor == "sqlite":
            return f"sqlite:///{tmp_path / f'fresh-{len(made)}.sqlite3'}"
        name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        with server() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return postgres_url(name)

    def server():
        db = connection.settings_dict
        return psycopg.connect(
            dbname="postgres",
            host=db["HOST"] or None,
            port=db["PORT"] or None,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
            autocommit=True,
        )

    yield make
    if made:
        with server() as admin:
            for name in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def manage(*args, database_url, media, private):
    """manage.py under test settings, on another database and other folders."""
    return run_manage(
        *args,
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url,
            "TEST_MEDIA_ROOT": str(media),
            "TEST_PRIVATE_MEDIA_ROOT": str(private),
        },
    )


@pytest.fixture
def site_files(tmp_path, settings):
    """Media and private files of the site being backed up."""
    media, private = tmp_path / "media", tmp_path / "private"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "bus-stop.jpg").write_bytes(b"\xff\xd8 a photo")
    (media / "documents").mkdir()
    (media / "documents" / "annual-report.pdf").write_bytes(b"%PDF- the report")
    (private / "receipts" / "2026" / "11").mkdir(parents=True)
    (private / "receipts" / "2026" / "11" / "taxi.pdf").write_bytes(b"%PDF- 12.50")
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = media, private
    return media, private


def backup_of_the_site(folder: Path, media: Path, private: Path) -> dict:
    if connection.vendor == "sqlite":
        # The suite's SQLite database lives in this process's memory.
        call_command("backup", str(folder), stdout=open("/dev/null", "w"))
    else:
        # pg_dump sees what is committed: the migrated demo site.
        result = manage(
            "backup",
            str(folder),
            database_url=postgres_url(connection.settings_dict["NAME"]),
            media=media,
            private=private,
        )
        assert result.returncode == 0, result.stderr
    return json.loads((folder / "manifest.json").read_text())


# Committed, as a backup sees the site (serialized_rollback puts the demo
# content back afterwards).
round_trip = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@round_trip
def test_a_backup_restores_into_a_fresh_database_with_every_count_and_file(
    tmp_path, site_files, fresh_database
):
    media, private = site_files
    folder = tmp_path / "backup-2026-11-27"
    manifest = backup_of_the_site(folder, media, private)
    # Password hashes, two-step secrets and receipts: the owner's eyes only.
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"]["wagtailcore_page"] > 5
    assert manifest["tables"]["members_user"] > 5
    assert manifest["files"] == {
        "media": {
            "documents/annual-report.pdf": 16,
            "original_images/bus-stop.jpg": 10,
        },
        "private": {"receipts/2026/11/taxi.pdf": 11},
    }

    target = fresh_database()
    restored_media, restored_private = tmp_path / "new-media", tmp_path / "new-private"
    result = manage(
        "restore",
        str(folder),
        database_url=target,
        media=restored_media,
        private=restored_private,
    )
    assert result.returncode == 0, result.stderr
    assert "every count matches the manifest" in result.stdout

    counted = manage(
        "shell",
        "-c",
        COUNTS,
        database_url=target,
        media=restored_media,
        private=restored_private,
    )
    assert counted.returncode == 0, counted.stderr
    assert json.loads(counted.stdout.strip().splitlines()[-1]) == manifest["tables"]
    assert files_in(restored_media) == files_in(media)
    assert files_in(restored_private) == files_in(private)

    # Restoring again onto what is now a full database is refused.
    again = manage(
        "restore",
        str(folder),
        database_url=target,
        media=restored_media,
        private=restored_private,
    )
    assert again.returncode != 0
    assert "is not empty" in again.stderr


@round_trip
def test_a_restore_whose_counts_differ_from_the_manifest_fails_loudly(
    tmp_path, site_files, fresh_database
):
    media, private = site_files
    folder = tmp_path / "backup"
    manifest = backup_of_the_site(folder, media, private)
    manifest["tables"]["members_user"] += 1
    (folder / "manifest.json").write_text(json.dumps(manifest))
    result = manage(
        "restore",
        str(folder),
        database_url=fresh_database(),
        media=tmp_path / "m",
        private=tmp_path / "p",
    )
    assert result.returncode != 0
    assert "does not match the backup's manifest" in result.stderr
    expected = manifest["tables"]["members_user"]
    assert f"members_user: {expected} rows in the backup, {expected - 1} restored" in (
        result.stderr
    )


def test_a_restore_onto_a_database_with_tables_is_refused_and_says_why(tmp_path):
    folder = tmp_path / "backup"
    folder.mkdir()
    (folder / "manifest.json").write_text(
        json.dumps({"database": {"vendor": connection.vendor, "file": "x"}})
    )
    with pytest.raises(CommandError, match="is not empty .* new, empty database"):
        call_command("restore", str(folder))


def test_a_folder_without_a_manifest_is_not_restored(tmp_path):
    with pytest.raises(CommandError, match="has no manifest.json"):
        call_command("restore", str(tmp_path))


def test_a_backup_never_writes_into_a_folder_that_holds_something(tmp_path):
    (tmp_path / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path))
    assert (tmp_path / "manifest.json").read_text() == "{}"
