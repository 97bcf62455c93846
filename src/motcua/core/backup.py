"""Backup and restore of a whole installation: the database, every stored file, and a manifest to check both.

One archive (`.tar.gz`) holds:
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite's online backup);
- `files/<app_label.Model>/<field>/<name>`: every file a FileField points at, read through the field's own
  storage (so a private or S3 storage is backed up the same way as the local folder);
- `manifest.json`: the row count of every table and the SHA-256 of every file, taken from the same snapshot
  as the dump (PostgreSQL exports its snapshot to pg_dump), so a restore can prove that it found everything.

A restore goes into a fresh database only (it refuses one that has tables) and then checks every count and
every file against the manifest; a difference is an error, not a warning.
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import connection, models, transaction
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is bilingual and names what to do."""


@dataclass
class Summary:
    tables: int = 0
    rows: int = 0
    files: int = 0
    missing_files: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------- backup


def backup(destination: Path) -> tuple[Path, Summary]:
    """Write an archive into `destination` (a folder) and return its path with what it holds."""
    destination.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = destination / f"motcua-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        dump, counts = _dump_database(Path(work))
        summary = Summary(tables=len(counts), rows=sum(counts.values()))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            hashes = {}
            for member, storage, name in _stored_files():
                try:
                    with storage.open(name, "rb") as handle:
                        content = handle.read()
                except FileNotFoundError:
                    summary.missing_files.append(member)
                    continue
                hashes[member] = hashlib.sha256(content).hexdigest()
                _add_bytes(tar, member, content)
            summary.files = len(hashes)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": connection.vendor,
                "database": dump.name,
                "tables": counts,
                "files": hashes,
                "missing_files": summary.missing_files,
            }
            _add_bytes(tar, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    archive.chmod(0o600)  # the archive holds personal data
    return archive, summary


def _dump_database(work: Path) -> tuple[Path, dict[str, int]]:
    if connection.vendor == "postgresql":
        return _dump_postgresql(work)
    if connection.vendor == "sqlite":
        return _dump_sqlite(work)
    raise BackupError(
        f"Không hỗ trợ sao lưu CSDL {connection.vendor} / Unsupported database {connection.vendor}"
    )


def _dump_postgresql(work: Path) -> tuple[Path, dict[str, int]]:
    target = work / "database.dump"
    # Counts and dump from one snapshot: the transaction exports it and stays open while pg_dump reads it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _table_counts()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ]
        )
    return target, counts


def _dump_sqlite(work: Path) -> tuple[Path, dict[str, int]]:
    import sqlite3

    target = work / "database.sqlite3"
    connection.ensure_connection()
    with transaction.atomic():
        counts = _table_counts()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    return target, counts


def _table_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts


def _stored_files() -> Iterator[tuple[str, Storage, str]]:
    """(archive member, storage, name) for every distinct file that a row points at."""
    for model in apps.get_models():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for file_field in file_fields:
            names = (
                model._default_manager.exclude(**{file_field.name: ""})
                .exclude(**{f"{file_field.name}__isnull": True})
                .values_list(file_field.name, flat=True)
                .distinct()
                .order_by()
            )
            for name in names.iterator():
                yield _member(model, file_field, name), file_field.storage, name


def _member(model: type[models.Model], file_field: models.FileField, name: str) -> str:
    return f"files/{model._meta.label}/{file_field.name}/{name}"


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(content))


# ------------------------------------------------------------------------------------------------ restore


def restore(archive: Path) -> Summary:
    """Restore `archive` into the configured (fresh) database and storages, then check it by the manifest."""
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive} / Backup archive {archive} not found")
    _refuse_a_database_in_use()
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        manifest = _read_manifest(tar)
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"Bản sao lưu của {manifest['engine']} không phục hồi được vào {connection.vendor} / "
                f"A {manifest['engine']} backup cannot be restored into {connection.vendor}"
            )
        dump = Path(work) / manifest["database"]
        _extract(tar, manifest["database"], dump)
        _load_database(dump)
        _check_counts(manifest["tables"])
        restored = _restore_files(tar, manifest["files"])
    return Summary(
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=restored,
        missing_files=list(manifest.get("missing_files", [])),
    )


def _refuse_a_database_in_use() -> None:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if tables:
        raise BackupError(
            "CSDL đích đã có dữ liệu; chỉ phục hồi vào một CSDL mới, trống / "
            "The target database already has tables; restore only into a new, empty database"
        )


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.loads(_member_bytes(tar, "manifest.json"))
    except (BackupError, ValueError) as error:
        raise BackupError("Tệp sao lưu không có bản kê hợp lệ / The archive has no valid manifest") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Định dạng sao lưu {manifest.get('format')} không được hỗ trợ / Unsupported format"
        )
    return manifest


def _member_bytes(tar: tarfile.TarFile, member: str) -> bytes:
    try:
        source = tar.extractfile(member)
    except KeyError:
        source = None
    if source is None:
        raise BackupError(f"Tệp sao lưu thiếu {member} / The archive lacks {member}")
    with source:
        return source.read()


def _extract(tar: tarfile.TarFile, member: str, target: Path) -> None:
    try:
        source = tar.extractfile(member)
    except KeyError:
        source = None
    if source is None:
        raise BackupError(f"Tệp sao lưu thiếu {member} / The archive lacks {member}")
    with source, open(target, "wb") as out:
        shutil.copyfileobj(source, out)


def _load_database(dump: Path) -> None:
    if connection.vendor == "postgresql":
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={_dbname()}",
                str(dump),
            ]
        )
        return
    name = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    shutil.copyfile(dump, name)


def _check_counts(expected: dict[str, int]) -> None:
    connection.close()  # see the restored tables, not a cached connection's view
    found = _table_counts()
    differences = {t: (n, found.get(t)) for t, n in expected.items() if found.get(t) != n}
    if differences:
        listed = ", ".join(f"{t}: {a} ≠ {b}" for t, (a, b) in sorted(differences.items())[:10])
        raise BackupError(f"Số dòng sau phục hồi khác bản kê / Row counts differ from the manifest: {listed}")


def _restore_files(tar: tarfile.TarFile, hashes: dict[str, str]) -> int:
    storages_by_member = {
        _member(model, f, ""): f.storage
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    }
    restored = 0
    for member, digest in hashes.items():
        prefix = "/".join(member.split("/", 3)[:3]) + "/"
        storage = storages_by_member.get(prefix)
        if storage is None:
            raise BackupError(f"Không biết nơi lưu {member} / No storage for {member}")
        content = _member_bytes(tar, member)
        if hashlib.sha256(content).hexdigest() != digest:
            raise BackupError(f"Tệp {member} hỏng trong bản sao lưu / {member} is corrupt in the archive")
        name = member[len(prefix) :]
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            raise BackupError(f"Không ghi lại được {name} đúng tên / Could not restore {name} under its name")
        restored += 1
    return restored


# ---------------------------------------------------------------------------------------------- commands


def _dbname() -> str:
    """A libpq connection string for the configured database (password through the environment)."""
    db = settings.DATABASES["default"]
    parts = {"dbname": db["NAME"], "host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER")}
    return " ".join(f"{k}={v}" for k, v in parts.items() if v)


def _run(command: list[str]) -> None:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    if command[0] == "pg_dump":
        command = [*command, f"--dbname={_dbname()}"]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} thất bại / failed: {done.stderr.strip()[:2000]}")
