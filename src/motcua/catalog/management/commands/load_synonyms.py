"""`motcua load_synonyms [FILE]`: add the citizens' words a province starts with (default: the platform's).

Phrases the TTHC-control officer already keeps are left as they are, so running it again, or after edits
in the admin, changes nothing. The file is JSON: {"synonyms": [{"term", "expansion", "weight"}]}.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from motcua.catalog import services


class Command(BaseCommand):
    help = "Nạp từ đồng nghĩa cho tìm kiếm thủ tục. / Load search synonyms."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, default=services.DEFAULT_SYNONYMS)

    def handle(self, *args, file: Path, **options):
        try:
            added = services.load_synonyms(actor=None, path=file)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Đã thêm {added} từ đồng nghĩa. / Added {added} synonyms.")
