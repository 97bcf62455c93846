"""`motcua payment_reconcile FILE --date YYYY-MM-DD`: the gateway's daily file against the online payments
the platform confirmed that day (integrations.payment_reconciliation); exit status 1 when they differ."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motcua.dossiers.models import Payment, PaymentMethod, PaymentStatus
from motcua.integrations import payment_reconciliation as reconciliation


def confirmed_online(day: date) -> list[reconciliation.PlatformPayment]:
    """Online payments confirmed on `day` (Vietnam time), as the comparison reads them."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    rows = Payment.objects.filter(
        method=PaymentMethod.ONLINE,
        status=PaymentStatus.CONFIRMED,
        confirmed_at__gte=start,
        confirmed_at__lt=start + timedelta(days=1),
    ).select_related("dossier")
    return [reconciliation.PlatformPayment(p.reference, p.amount, p.dossier.code) for p in rows]


class Command(BaseCommand):
    help = "Đối soát tệp của cổng thanh toán với các khoản đã xác nhận. / Reconcile the gateway's daily file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--date", type=date.fromisoformat, required=True, help="YYYY-MM-DD")

    def handle(self, *args, file: Path, date: date, **options):
        try:
            lines, problems = reconciliation.read_file(file.read_bytes())
        except OSError as error:
            raise CommandError(f"Không đọc được tệp / cannot read {file}: {error.strerror}") from None
        except reconciliation.Unreadable as error:
            raise CommandError(str(error)) from None
        result = reconciliation.compare(lines, confirmed_online(date))
        result.problems = problems
        for line, payment in result.amount_differs:
            self.stdout.write(f"≠ {line.reference}: cổng {line.amount} đ, hệ thống {payment.amount} đ")
        for line in result.missing_on_platform:
            self.stdout.write(
                f"- {line.reference} ({line.amount} đ, GD {line.transaction_no}): chưa xác nhận"
            )
        for payment in result.extra_on_platform:
            self.stdout.write(f"+ {payment.reference} ({payment.dossier_code}): không có trong tệp của cổng")
        for problem in problems:
            self.stdout.write(f"! {problem}")
        self.stdout.write(
            f"Khớp {len(result.matched)}, lệch số tiền {len(result.amount_differs)}, thiếu trên hệ thống "
            f"{len(result.missing_on_platform)}, thừa trên hệ thống {len(result.extra_on_platform)}."
        )
        if not result.clean:
            raise CommandError("Đối soát có chênh lệch. / The reconciliation found differences.")
