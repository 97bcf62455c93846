"""`motcua rebuild_index_aggregates`: recount the index's per-day aggregates from the dossiers and the
feedback items.

Reports every row where the incrementally kept figures differ from a recount, then replaces them with the
recount (one transaction, one audit event). `--check` only compares and exits with status 1 on a difference
(for a nightly job that should never find one).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motcua.core import audit
from motcua.serviceindex import feedback_aggregates
from motcua.serviceindex.aggregates import decode, rebuild
from motcua.serviceindex.models import DossierDay


class Command(BaseCommand):
    help = (
        "Tính lại số liệu ngày của Bộ chỉ số và đối chiếu với số liệu cập nhật tức thời."
        " / Rebuild the service index's per-day aggregates and check them against the incremental ones."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Chỉ đối chiếu, không ghi / compare only, write nothing"
        )

    def handle(self, *args, check=False, **options):
        with transaction.atomic():
            result = rebuild(write=not check)
            feedback = feedback_aggregates.FEEDBACK.rebuild(write=not check)
            if not check:
                audit.record_bulk(
                    actor=None,
                    action="serviceindex.rebuild_aggregates",
                    model=DossierDay,
                    changes={
                        "rows": result.rows,
                        "dossiers": result.dossiers,
                        "differences": len(result.differences),
                        "feedback_rows": feedback.rows,
                        "feedback_items": feedback.dossiers,
                        "feedback_differences": len(feedback.differences),
                    },
                )
        for key, incremental, rebuilt in result.differences[:50]:
            values = decode(key)
            self.stdout.write(
                f"{values['fact']} {values['day']} agency {values['agency_id']}: "
                f"tức thời / incremental {incremental} ≠ tính lại / rebuilt {rebuilt}"
            )
        for key, incremental, rebuilt in feedback.differences[:50]:
            values = feedback_aggregates.decode(key)
            self.stdout.write(
                f"PAKN / feedback {values['fact']} {values['day']} agency {values['agency_id']}: "
                f"tức thời / incremental {incremental} ≠ tính lại / rebuilt {rebuilt}"
            )
        self.stdout.write(
            f"{result.rows} dòng số liệu, {result.dossiers} hồ sơ; chênh lệch {len(result.differences)}"
            f" / {result.rows} rows, {result.dossiers} dossiers; {len(result.differences)} differences"
        )
        self.stdout.write(
            f"{feedback.rows} dòng số liệu, {feedback.dossiers} phản ánh;"
            f" chênh lệch {len(feedback.differences)} / {feedback.rows} rows,"
            f" {feedback.dossiers} feedback items; {len(feedback.differences)} differences"
        )
        if check and not (result.equal and feedback.equal):
            raise CommandError("Số liệu tức thời khác số liệu tính lại. / Incremental aggregates differ.")
