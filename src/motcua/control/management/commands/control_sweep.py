"""`motcua control_sweep`: the daily reminder sweep, for cron or a systemd timer.

Runs in the foreground by default; `--enqueue` hands it to the task queue for a `db_worker` to run.
Running it twice on the same day sends nothing new.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from motcua.control.reminders import sweep
from motcua.control.tasks import daily_sweep


class Command(BaseCommand):
    help = "Đôn đốc tự động hằng ngày (nhiệm vụ, báo cáo). / Daily reminders for tasks and reports."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="Ngày chạy YYYY-MM-DD (mặc định hôm nay) / run as of this day")
        parser.add_argument("--enqueue", action="store_true", help="Đưa vào hàng đợi / enqueue for db_worker")

    def handle(self, *args, day=None, enqueue=False, **options):
        try:
            as_of = date.fromisoformat(day) if day else None
        except ValueError as error:
            raise CommandError(f"Ngày không hợp lệ: {day} (YYYY-MM-DD) / invalid day: {day}") from error
        if enqueue:
            result = daily_sweep.enqueue(as_of.isoformat() if as_of else None)
            self.stdout.write(f"Đã đưa vào hàng đợi / enqueued: {result.id}")
            return
        result = sweep(day=as_of)
        self.stdout.write(
            f"{result.day:%d/%m/%Y}: nhắc nhiệm vụ / task reminders {result.task_reminders}, "
            f"nhắc báo cáo / report reminders {result.report_reminders}, "
            f"nhắc việc khác / other deadlines {result.item_reminders}, "
            f"thư đã gửi / messages sent {result.messages_sent}"
        )
