"""`motcua feedback_import`: record what the national portal forwarded (run from cron or a timer)."""

from django.core.management.base import BaseCommand

from motcua.feedback.imports import import_forwarded


class Command(BaseCommand):
    help = "Nhận phản ánh, kiến nghị từ Cổng Dịch vụ công quốc gia / import forwarded feedback"

    def handle(self, *args, **options):
        result = import_forwarded()
        for where, message in result.failed:
            self.stderr.write(f"{where}: {message}")
        self.stdout.write(
            f"recorded={len(result.recorded)} skipped={result.skipped} failed={len(result.failed)}"
        )
