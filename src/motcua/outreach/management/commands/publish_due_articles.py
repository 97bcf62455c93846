"""Publish the e-bulletin articles whose scheduled time has come (cron or a systemd timer, every few
minutes): `motcua publish_due_articles`."""

from django.core.management.base import BaseCommand

from motcua.outreach import articles


class Command(BaseCommand):
    help = "Đăng các bài bản tin đã đến giờ hẹn / Publish scheduled bulletin articles that are due"

    def handle(self, *args, **options) -> None:
        count = articles.publish_due()
        self.stdout.write(f"{count}")
