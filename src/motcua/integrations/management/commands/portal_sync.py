"""`motcua portal_sync [--enqueue]`: send the changes whose retry is due (cron each minute, or the worker)."""

from django.core.management.base import BaseCommand

from motcua.integrations.portal import sync
from motcua.integrations.tasks import push_portal_due


class Command(BaseCommand):
    help = "Gửi các thay đổi hồ sơ đến hạn lên Cổng DVC quốc gia. / Send due changes to the national portal."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Đưa vào hàng đợi / enqueue for db_worker")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = push_portal_due.enqueue()
            self.stdout.write(f"Đã đưa vào hàng đợi / enqueued: {result.id}")
            return
        self.stdout.write(f"Đã đồng bộ / acknowledged: {sync.push_due()}")
