"""`motcua catalog_national [--apply] [--since YYYY-MM-DD]`: pull the national TTHC database's publication
decisions into the catalog (a dry run without --apply); cron, e.g. nightly with --apply."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.national_sync import pull
from motcua.catalog.transfer import Action


class Command(BaseCommand):
    help = "Đồng bộ thủ tục từ CSDL quốc gia về TTHC. / Pull procedures from the national TTHC database."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Ghi vào danh mục / write (else dry run)")
        parser.add_argument("--since", type=date.fromisoformat, help="Quyết định có hiệu lực từ ngày")

    def handle(self, *args, apply=False, since=None, **options):
        report = pull(actor=None, dry_run=not apply, since=since)
        if report.unavailable:
            raise CommandError(f"Không kết nối được CSDL quốc gia về TTHC: {report.unavailable}")
        for outcome in report.decisions:
            if outcome.skipped:
                self.stdout.write(f"= {outcome.number}: đã có / already imported")
            elif outcome.problem:
                self.stdout.write(f"! {outcome.number}: {outcome.problem}")
            elif outcome.report:
                state = "TỪ CHỐI / REFUSED" if outcome.report.refused else ""
                self.stdout.write(f"{outcome.number}: {outcome.report.summary()} {state}".rstrip())
                for problem in outcome.report.problems:
                    self.stdout.write(f"  ! {problem}")
                for row in outcome.report.rows:
                    self.stdout.write(f"  {row.code} {row.name}: {row.label}")
        mode = "Chạy thử, chưa ghi / dry run" if report.dry_run else "Đã ghi / written"
        self.stdout.write(
            f"{mode}: mới {report.count(Action.CREATED)}, phiên bản mới {report.count(Action.VERSIONED)}, "
            f"giữ nguyên {report.count(Action.UNCHANGED)}."
        )
        if report.refused:
            raise CommandError(f"{len(report.refused)} quyết định không nhập được.")
