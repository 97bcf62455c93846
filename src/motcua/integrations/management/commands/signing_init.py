"""`motcua signing_init`: create the local CA of the `local` signing plugin at install (var/signing/).

Signers' certificates are issued on their first signature; running this again changes nothing.
"""

from django.core.management.base import BaseCommand

from motcua.integrations.signatures import local_ca


class Command(BaseCommand):
    help = "Tạo CA nội bộ để ký số kết quả. / Create the local CA that signs results."

    def handle(self, *args, **options):
        pair = local_ca.authority()
        self.stdout.write(f"CA: {pair.cert_path} (khóa / key: {pair.key_path}, 0600)")
