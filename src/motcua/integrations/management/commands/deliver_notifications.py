from django.core.management.base import BaseCommand

from motcua.integrations.notifications import deliver_pending


class Command(BaseCommand):
    help = "Gửi lại các thông báo đang chờ. / Deliver notifications still waiting."

    def handle(self, *args, **options):
        self.stdout.write(f"{deliver_pending()}")
