"""`motcua payment_reconcile FILE --date YYYY-MM-DD`: the gateway's daily file against the online payments
the platform confirmed that day (integrations.payment_reconciliation); exit status 1 when they differ."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.integrations import payment_reconciliation as reconciliation


class Command(BaseCommand):
    help = "Đối soát tệp của cổng thanh toán với các khoản đã xác nhận. / Reconcile the gateway's daily file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--date", type=date.fromisoformat, required=True, help="YYYY-MM-DD")

    def handle(self, *args, file: Path, date: date, **options):
        try:
            result = reconciliation.run(file.read_bytes(), date)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp / cannot read {file}: {error.strerror}") from None
        except reconciliation.Unreadable as error:
            raise CommandError(str(error)) from None
        for line, payment in result.amount_differs:
            self.stdout.write(f"≠ {line.reference}: cổng {line.amount} đ, hệ thống {payment.amount} đ")
        for line in result.missing_on_platform:
            self.stdout.write(
                f"- {line.reference} ({line.amount} đ, GD {line.transaction_no}): chưa xác nhận"
            )
        for payment in result.extra_on_platform:
            self.stdout.write(f"+ {payment.reference} ({payment.dossier_code}): không có trong tệp của cổng")
        for problem in result.problems:
            self.stdout.write(f"! {problem}")
        self.stdout.write(
            f"Khớp {len(result.matched)}, lệch số tiền {len(result.amount_differs)}, thiếu trên hệ thống "
            f"{len(result.missing_on_platform)}, thừa trên hệ thống {len(result.extra_on_platform)}."
        )
        if not result.clean:
            raise CommandError("Đối soát có chênh lệch. / The reconciliation found differences.")
