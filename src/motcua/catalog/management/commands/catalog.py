"""`motcua catalog import FILE [--partial]` and `motcua catalog export FILE` (.xlsx or .json).

A file with problems is refused whole with one line per problem (sheet:row:column: message) and exit
status 2; `--partial` imports the good procedures and still reports the bad ones (exit status 2 too).
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.transfer import FileProblem, export_catalog, import_catalog

BAD_FILE = 2


class Command(BaseCommand):
    help = "Nhập, xuất danh mục thủ tục (Excel hoặc JSON). / Import or export the procedure catalog."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        read = actions.add_parser("import", help="Nhập tệp thành dự thảo / import a file as drafts")
        read.add_argument("file", type=Path)
        read.add_argument(
            "--partial",
            action="store_true",
            help="Nhập các thủ tục hợp lệ, báo các dòng lỗi / import good rows, report bad ones",
        )
        write = actions.add_parser("export", help="Xuất danh mục / export the catalog")
        write.add_argument("file", type=Path)

    def handle(self, *args, action: str, file: Path, partial: bool = False, **options):
        try:
            if action == "export":
                count = export_catalog(file)
                self.stdout.write(f"Đã xuất {count} thủ tục vào {file}. / Exported {count} procedures.")
                return
            report = import_catalog(file, partial=partial, progress=self._progress)
        except FileProblem as problem:
            raise CommandError(str(problem), returncode=BAD_FILE) from None
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.refused:
            raise CommandError(
                f"Tệp có {len(report.problems)} lỗi, không nhập gì. "
                f"/ {len(report.problems)} problems, nothing imported (--partial imports the good rows).",
                returncode=BAD_FILE,
            )
        self.stdout.write(
            f"Mới {report.created}, thay đổi {report.changed}, giữ nguyên {report.unchanged}, "
            f"bỏ qua {report.skipped}, lĩnh vực {report.sectors_saved}. / New {report.created}, "
            f"changed {report.changed}, unchanged {report.unchanged}, skipped {report.skipped}, "
            f"sectors {report.sectors_saved}."
        )
        if report.problems:
            raise CommandError(
                f"{len(report.problems)} lỗi. / {len(report.problems)} problems.", returncode=BAD_FILE
            )

    def _progress(self, done: int, total: int) -> None:
        """A simple bar on stderr for large files, only when someone watches the terminal."""
        if total < 200 or not sys.stderr.isatty():
            return
        if done == total or done % 50 == 0:
            filled = done * 30 // total
            end = "\n" if done == total else ""
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}{end}")
            sys.stderr.flush()
