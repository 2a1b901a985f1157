"""Backups (`manage.py backup <folder>`, `manage.py restore <folder>`; README
"Deployment"): the database, the media files and the private files, and a
manifest with the rows in every table and every file's size.

The database: on PostgreSQL a pg_dump (custom format) taken in the same
snapshot as the row counts, restored with pg_restore; on SQLite (development)
a copy through SQLite's online backup. The files are read and written through
Django's storages (core/storage.py for the private ones), so the same
commands work for local folders and for S3. The manifest is written last: a
folder without one is an unfinished backup and is not restored.

A restore goes only into a new, empty database (it refuses otherwise, saying
why), puts every file back, and then counts again: any table or file that
differs from the manifest fails the restore loudly.

Imports only Django and core.
"""

import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection, transaction

from .storage import private_storage

MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# What the health check writes and deletes again: never worth keeping.
SKIPPED_FOLDERS = ("health_check_storage_test/",)


class BackupError(Exception):
    """A backup or restore that cannot go ahead; str() says why."""


def file_stores() -> dict:
    return {"media": storages["default"], "private": private_storage()}


def storage_files(storage, folder: str = "") -> list[str]:
    """Every file's name in a storage, folders walked (names use /)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local storage whose folder was never made
        return []
    prefix = f"{folder}/" if folder else ""
    names = [prefix + name for name in files]
    for sub in folders:
        if (prefix + sub + "/").startswith(SKIPPED_FOLDERS):
            continue
        names += storage_files(storage, prefix + sub)
    return sorted(names)


def table_counts(cursor) -> dict[str, int]:
    counts = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
    return counts


def _postgres_environment() -> dict[str, str]:
    """libpq's variables for the default database: the password stays out of
    the command line (and so out of `ps`)."""
    db = connection.settings_dict
    options = db.get("OPTIONS", {})
    given = {
        "PGHOST": db["HOST"],
        "PGPORT": str(db["PORT"] or ""),
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"],
        "PGDATABASE": db["NAME"],
        # DATABASE_URL's ?sslmode=require&connect_timeout=5, as Django uses them.
        "PGSSLMODE": options.get("sslmode"),
        "PGCONNECT_TIMEOUT": str(options.get("connect_timeout") or ""),
    }
    return {**os.environ, **{key: value for key, value in given.items() if value}}


def _run(command: list[str]) -> None:
    try:
        result = subprocess.run(
            command, env=_postgres_environment(), capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client programs "
            "(Debian: postgresql-client) in the version of the server."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _vendor() -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            f"Backups know PostgreSQL and SQLite, not {connection.vendor}."
        )
    return connection.vendor


def _database_dump(path: Path) -> dict[str, int]:
    """Dump the database to `path`; the row counts of that same moment."""
    if _vendor() == "sqlite":
        if connection.in_atomic_block:
            # SQLite's online backup would wait for ever on our own transaction.
            raise BackupError("A SQLite backup cannot be taken inside a transaction.")
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        copy = sqlite3.connect(path)
        try:
            cursor = copy.cursor()
            tables = [
                name
                for (name,) in cursor.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%'"
                )
            ]
            return {
                table: cursor.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                for table in sorted(tables)
            }
        finally:
            copy.close()
    # One snapshot for the counts and for pg_dump, however busy the site is.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(cursor)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={path}",
            ]
        )
    return counts


def backup_create(*, folder: Path) -> dict:
    """Back everything up into `folder` (new or empty); the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: each backup goes into a new folder.")
    # A backup holds password hashes, two-step secrets, sessions and
    # receipts: only the account that takes it may read it.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    database_file = DATABASE_FILES[_vendor()]
    tables = _database_dump(folder / database_file)
    files = {}
    for store, storage in file_stores().items():
        files[store] = {}
        for name in storage_files(storage):
            target = folder / store / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
            files[store][name] = target.stat().st_size
    manifest = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": {"vendor": connection.vendor, "file": database_file},
        "tables": tables,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as error:
        raise BackupError(
            f"{folder} has no {MANIFEST}: it is not a backup, "
            "or one that did not finish."
        ) from error


def backup_restore(*, folder: Path) -> dict:
    """Restore the backup in `folder` into this empty database and the
    storages; the manifest, once every count and file matches it."""
    folder = Path(folder)
    manifest = _manifest(folder)
    vendor = _vendor()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database; "
            f"this site uses {vendor}."
        )
    with connection.cursor() as cursor:
        existing = connection.introspection.table_names(cursor)
    if existing:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty (it has "
            f"{len(existing)} tables). Restore only into a new, empty database "
            "(createdb), so nothing in it is overwritten or mixed with the backup; "
            "do not run migrate on it first."
        )
    dump = folder / manifest["database"]["file"]
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ]
        )
    for store, storage in file_stores().items():
        for name in manifest["files"][store]:
            if storage.exists(name):
                storage.delete(name)
            with open(folder / store / name, "rb") as source:
                storage.save(name, File(source, name=name))
    backup_verify(manifest=manifest)
    # What the cache still holds describes the database that was replaced:
    # signed-in sessions (cached_db) and pages. Start it empty.
    cache.clear()
    return manifest


def backup_verify(*, manifest: dict) -> None:
    """Raise BackupError naming every table and file that differs."""
    with connection.cursor() as cursor:
        found = table_counts(cursor)
    differences = [
        f"{table}: {count} rows in the backup, {found.get(table)} restored"
        for table, count in manifest["tables"].items()
        if found.get(table) != count
    ]
    differences += [
        f"{table}: not in the backup" for table in found.keys() - manifest["tables"]
    ]
    for store, storage in file_stores().items():
        for name, size in manifest["files"][store].items():
            if not storage.exists(name) or storage.size(name) != size:
                differences.append(f"{store} file {name}: missing or not {size} bytes")
    if differences:
        raise BackupError(
            "The restore does not match the backup's manifest:\n  "
            + "\n  ".join(differences)
        )
