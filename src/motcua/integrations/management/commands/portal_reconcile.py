"""`motcua portal_reconcile --from 2026-03-01 --to 2026-03-31 [--resend]`: compare the changes of a period
with what the National Public Service Portal holds, print the differences, and with --resend send again
what the portal lost."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from motcua.integrations.portal import client, sync


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Ngày không hợp lệ: {text} (YYYY-MM-DD) / invalid day: {text}") from error


class Command(BaseCommand):
    help = "Đối soát hồ sơ đã đồng bộ với Cổng DVC quốc gia. / Reconcile the portal sync for a period."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (included)")
        parser.add_argument(
            "--resend", action="store_true", help="Gửi lại phần Cổng thiếu / resend what is missing"
        )

    def handle(self, *args, start, end, resend=False, **options):
        first, last = _day(start), _day(end)
        if last < first:
            raise CommandError("Ngày kết thúc trước ngày bắt đầu / the end is before the start")
        since, until = sync.days(first, last)
        try:
            report = sync.reconcile(since, until)
        except client.Transient as error:
            raise CommandError(f"Không hỏi được Cổng / the portal did not answer: {error}") from error
        self.stdout.write(
            f"{first:%d/%m/%Y}–{last:%d/%m/%Y}: khớp / matched {report.matched}, "
            f"chưa gửi xong / waiting {report.waiting}, "
            f"Cổng thiếu / missing on the portal {len(report.missing_on_portal)}, "
            f"Cổng có mà ta không gửi / unknown here {len(report.unknown_here)}"
        )
        for row in report.missing_on_portal:
            self.stdout.write(f"  - {row.key}")
        for key in report.unknown_here:
            self.stdout.write(f"  + {key}")
        if resend and report.missing_on_portal:
            count = sync.resend("portal_reconcile", report.missing_on_portal)
            self.stdout.write(f"Đã đưa vào hàng gửi lại / queued again: {count}")
