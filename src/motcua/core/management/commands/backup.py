"""`motcua backup [--output DIR]`: one archive with the database, every stored file and a manifest."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from motcua.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu CSDL và mọi tệp đã lưu vào một tệp nén / back up the database and every stored file"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default=None, help="thư mục ghi tệp sao lưu / folder for the archive")

    def handle(self, *args, output: str | None = None, **options) -> None:
        folder = Path(output) if output else Path(settings.VAR_DIR) / "backups"
        try:
            archive, summary = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{archive}\nĐã sao lưu {summary.tables} bảng, {summary.rows} dòng, {summary.files} tệp. / "
            f"Backed up {summary.tables} tables, {summary.rows} rows, {summary.files} files."
        )
        if summary.missing_files:
            self.stderr.write(
                f"{len(summary.missing_files)} tệp được tham chiếu nhưng không có trên kho lưu / "
                f"files referenced but absent from storage: {', '.join(summary.missing_files[:20])}"
            )
