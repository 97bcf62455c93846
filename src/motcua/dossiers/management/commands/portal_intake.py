"""Take in the dossiers citizens submitted on the National Public Service Portal (cron, every 5 minutes)."""

from django.core.management.base import BaseCommand, CommandError

from motcua.dossiers.national_intake import pull


class Command(BaseCommand):
    help = "Nhận hồ sơ công dân nộp trên Cổng DVC quốc gia vào hàng chờ kiểm tra của tỉnh."

    def handle(self, *args, **options):
        report = pull()
        if report.unreachable:
            raise CommandError(f"Không kết nối được Cổng DVC quốc gia: {report.unreachable}")
        for dossier in report.received:
            self.stdout.write(f"+ {dossier.code}")
        for code, message in report.failed:
            self.stdout.write(f"! {code}: {message}")
        for code in report.waiting:
            self.stdout.write(f"~ {code}: chờ lần kéo sau")
        self.stdout.write(
            f"Đã nhận {len(report.received)}, đã có {report.skipped}, lỗi {len(report.failed)}, "
            f"chờ {len(report.waiting)}."
        )
        if report.failed:
            raise CommandError(f"{len(report.failed)} hồ sơ không nhận được.")
