from django.core.management.base import BaseCommand

from motcua.integrations.notifications import purge_old, retention_days


class Command(BaseCommand):
    help = (
        "Xoá thông báo đã gửi (hoặc đã thôi gửi) quá thời hạn lưu. "
        "/ Delete sent or abandoned notifications older than the retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=f"default: {retention_days()}")

    def handle(self, *args, days=None, **options):
        self.stdout.write(f"{purge_old(days=days)}")
