"""`motcua recompute_verdicts [--dry-run]`: grade stored verdicts again after a TimelinessRule change."""

from django.core.management.base import BaseCommand

from motcua.dossiers.verdicts import recompute


class Command(BaseCommand):
    help = "Tính lại kết quả về thời hạn đã lưu theo quy tắc đang áp dụng / recompute stored verdicts"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="chỉ đếm, không ghi / count only")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        result = recompute(dry_run=dry_run)
        verb = ("sẽ thay đổi", "would change") if dry_run else ("đã thay đổi", "changed")
        self.stdout.write(
            f"Đã tính lại {result.graded} hồ sơ; {result.changed} {verb[0]} kết quả, "
            f"{result.rule_only} chỉ đổi phiên bản quy tắc. / Recomputed {result.graded} dossiers; "
            f"{result.changed} {verb[1]} verdict, {result.rule_only} only the rule version."
        )
