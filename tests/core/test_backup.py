"""The restore drill (issue 19): back up a live installation, restore it into a fresh database and storage in
another process, and find every dossier, file and audit event there."""

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from motcua.core.models import AuditEvent
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from tests.dossiers.factories import build_desk, receive, to_leader

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def installation(transactional_db, tmp_path, settings):
    """Committed rows (pg_dump reads from another session) and a result file on disk."""
    settings.MEDIA_ROOT = tmp_path / "original" / "media"
    desk = build_desk()
    dossier = to_leader(desk, receive(desk))
    dossier = services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=3,
        number="12/KQ",
        signed_on=timezone.localdate(),
        file=SimpleUploadedFile("ket-qua.png", PNG),
    )
    return dossier


def backup_into(folder: Path) -> Path:
    call_command("backup", output=str(folder))
    (archive,) = folder.glob("motcua-backup-*.tar.gz")
    return archive


def fresh_database(tmp_path: Path) -> str:
    """A URL for a new, empty database of the same engine as the suite's."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def motcua(url: str, media: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "MOTCUA_VAR_DIR": str(media.parent)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "motcua.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )


def count_in(url: str, media: Path, expression: str) -> str:
    imports = "from motcua.core.models import AuditEvent; from motcua.dossiers.models import Dossier"
    done = motcua(url, media, "shell", "--no-imports", "-c", f"{imports}; print({expression})")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_backup_restores_into_a_fresh_database_with_every_dossier_file_and_audit_event(
    installation, tmp_path
):
    dossiers, events = Dossier.objects.count(), AuditEvent.objects.count()
    assert dossiers == 1
    assert events > 3
    archive = backup_into(tmp_path / "backups")
    assert oct(archive.stat().st_mode)[-3:] == "600"  # personal data: readable by its owner only

    url, media = fresh_database(tmp_path), tmp_path / "restored" / "media"
    done = motcua(url, media, "restore", str(archive))
    assert done.returncode == 0, done.stderr
    assert "Restored and checked" in done.stdout

    assert count_in(url, media, "Dossier.objects.count()") == str(dossiers)
    assert count_in(url, media, "AuditEvent.objects.count()") == str(events)
    code = installation.code
    assert count_in(url, media, f"Dossier.objects.get(code={code!r}).result_file.read() == {PNG!r}") == "True"
    assert (media / installation.result_file.name).read_bytes() == PNG

    # Restoring over a database that is in use is refused, and leaves it as it was.
    again = motcua(url, media, "restore", str(archive))
    assert again.returncode != 0
    assert "only into a new, empty database" in again.stderr
    assert count_in(url, media, "Dossier.objects.count()") == str(dossiers)


def test_a_tampered_archive_is_refused_by_the_manifest(installation, tmp_path):
    archive = backup_into(tmp_path / "backups")
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name.startswith("files/"):
                content = content[:-1] + b"\x00"
            member.size = len(content)

            target.addfile(member, io.BytesIO(content))
    url, media = fresh_database(tmp_path), tmp_path / "restored" / "media"
    done = motcua(url, media, "restore", str(tampered))
    assert done.returncode != 0
    assert "is corrupt in the archive" in done.stderr


def test_a_missing_archive_is_a_clear_message(db, tmp_path):
    with pytest.raises(Exception, match="not found"):
        call_command("restore", str(tmp_path / "none.tar.gz"))
