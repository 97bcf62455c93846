"""`motcua restore ARCHIVE`: into a new, empty database; every row count and file checked by the manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Phục hồi một bản sao lưu vào CSDL mới, trống / restore a backup into a new, empty database"

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", help="tệp motcua-backup-*.tar.gz")

    def handle(self, *args, archive: str, **options) -> None:
        try:
            summary = restore(Path(archive))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã phục hồi và đối chiếu {summary.tables} bảng, {summary.rows} dòng, {summary.files} tệp. / "
            f"Restored and checked {summary.tables} tables, {summary.rows} rows, {summary.files} files."
        )
