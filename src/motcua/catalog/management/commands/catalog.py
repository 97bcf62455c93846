"""`motcua catalog import FILE [--partial] [--dry-run] [--report CSV]` and `motcua catalog export FILE`.

FILE is .xlsx (the platform's sheets or the national database's flat layout), .json or .csv (flat layout).
Every procedure row is reported (created, changed, new version, unchanged, refused) on standard output.
A file with problems is refused whole with one line per problem (sheet:row:column: message) and exit
status 2; `--partial` imports the good procedures and still reports the bad ones (exit status 2 too);
`--dry-run` shows the same outcome and writes nothing.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.transfer import FileProblem, export_catalog, import_catalog

BAD_FILE = 2


class Command(BaseCommand):
    help = "Nhập, xuất danh mục thủ tục (Excel, JSON, CSV). / Import or export the procedure catalog."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        read = actions.add_parser("import", help="Nhập tệp thành dự thảo / import a file as drafts")
        read.add_argument("file", type=Path)
        read.add_argument(
            "--partial",
            action="store_true",
            help="Nhập các thủ tục hợp lệ, báo các dòng lỗi / import good rows, report bad ones",
        )
        read.add_argument(
            "--dry-run",
            action="store_true",
            help="Chạy thử, không ghi gì / show what would happen, write nothing",
        )
        read.add_argument("--report", type=Path, help="Ghi báo cáo CSV / write the report as CSV")
        write = actions.add_parser("export", help="Xuất danh mục / export the catalog")
        write.add_argument("file", type=Path)

    def handle(self, *args, action: str, file: Path, partial=False, dry_run=False, report=None, **options):
        try:
            if action == "export":
                count = export_catalog(file)
                self.stdout.write(f"Đã xuất {count} thủ tục vào {file}. / Exported {count} procedures.")
                return
            result = import_catalog(file, partial=partial, dry_run=dry_run, progress=self._progress)
        except FileProblem as problem:
            raise CommandError(str(problem), returncode=BAD_FILE) from None
        for row in result.rows:
            if row.action != "unchanged" or row.messages:
                notes = f" — {' | '.join(row.messages)}" if row.messages else ""
                self.stdout.write(f"{row.sheet}:{row.row} {row.code} {row.label}{notes}")
        if report:
            report.write_text(result.as_csv(), encoding="utf-8")
        for line in result.problems:
            self.stderr.write(str(line))
        if result.refused:
            raise CommandError(
                f"Tệp có {len(result.problems) or result.skipped} lỗi, không nhập gì. "
                f"/ {len(result.problems) or result.skipped} problems, nothing imported "
                "(--partial imports the good rows).",
                returncode=BAD_FILE,
            )
        prefix = "Chạy thử, không ghi: / Dry run, nothing written: " if dry_run else ""
        self.stdout.write(prefix + result.summary())
        if result.decision:
            self.stdout.write(f"Quyết định {result.decision}. / Decision {result.decision}.")
        if result.problems or result.skipped:
            count = len(result.problems) or result.skipped
            raise CommandError(f"{count} lỗi. / {count} problems.", returncode=BAD_FILE)

    def _progress(self, done: int, total: int) -> None:
        """A simple bar on stderr for large files, only when someone watches the terminal."""
        if total < 200 or not sys.stderr.isatty():
            return
        if done == total or done % 50 == 0:
            filled = done * 30 // total
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}{end}")
            sys.stderr.flush()
