"""`motcua demo_logins`: the demo accounts, printed by `make run`."""

from django.core.management.base import BaseCommand

from motcua.demo.org import DEMO_PASSWORD, USERS


class Command(BaseCommand):
    help = "In các tài khoản mẫu. / Print the demo logins."

    def handle(self, *args, **options):
        self.stdout.write(f"\nMộtCửa demo — http://127.0.0.1:8000  (mật khẩu / password: {DEMO_PASSWORD})")
        for user in USERS:
            who = user.role.label if user.role else "Công dân / citizen"
            self.stdout.write(f"  {user.username:<22} {user.full_name:<18} {who}")
        self.stdout.write("")
