"""The demo catalog of Minh Sơn: 47 common procedures written from general knowledge of Vietnamese practice.

Codes look like national-database codes, time limits, fees and documents follow usual practice; they are
demonstration data, not a legal reference. The files data/catalog/NNN-<sector>.json are catalog import files
(docs/catalog-import.md) loaded through `catalog.transfer`, the import a province uses for its own: each
holds one sector, its procedures with the agencies that apply them and their internal processes, and the
decision of the provincial People's Committee that publishes them, effective 1/7/2025 (the two-level
reform). A file whose decision is already issued is skipped, so running it again changes nothing.

A file goes in twice: first its procedures alone (drafts), which then get their blank forms (a published
version's papers are frozen), then whole, which finds the drafts unchanged and issues the decision.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError

from motcua.catalog import services, transfer
from motcua.catalog.models import Procedure, PublicationDecision, Synonym
from motcua.org.models import Role, RoleAssignment

from . import blank_forms
from .records import DATA

FILES = DATA / "catalog"
# The sheets left out of a file's first pass: the decision and the agencies' set-up of published procedures.
UNPUBLISHED = (transfer.DECISION_SHEET, "applications", "processes")


def load(directory: Path = FILES) -> dict[str, int]:
    """Create the demo catalog; running it again changes nothing."""
    services.load_synonyms(actor=None)
    for path in sorted(directory.glob("*.json")):
        _import(path)
    _control_officers_use_the_admin()
    return {
        "procedures": Procedure.objects.count(),
        "decisions": PublicationDecision.objects.count(),
        "synonyms": Synonym.objects.count(),
    }


def _import(path: Path) -> None:
    sheets = transfer.read_file(path)
    number = sheets[transfer.DECISION_SHEET][0][1]["number"]
    if PublicationDecision.objects.filter(number=number).exists():
        return
    drafts_only = {name: [] if name in UNPUBLISHED else rows for name, rows in sheets.items()}
    _refuse_on_problems(path, transfer.import_sheets(drafts_only))
    blank_forms.attach_to_drafts([row[1]["national_code"] for row in sheets["procedures"]])
    _refuse_on_problems(path, transfer.import_sheets(sheets))


def _refuse_on_problems(path: Path, report: transfer.ImportReport) -> None:
    if report.refused:
        # The demo files are the platform's own: a refusal is a defect in them, said in full.
        refused = [
            f"{r.sheet}:{r.row}: {r.code}: {'; '.join(r.messages)}"
            for r in report.rows
            if r.action == transfer.Action.REFUSED
        ]
        raise ValidationError(f"{path.name}: " + " | ".join([*map(str, report.problems), *refused]))


def _control_officers_use_the_admin() -> None:
    """The catalog's back office is the admin: demo control officers get staff access to it."""
    from motcua.org.models import User

    ids = RoleAssignment.objects.filter(role=Role.CONTROL_OFFICER).values("user")
    User.objects.filter(pk__in=ids, is_staff=False).update(is_staff=True)
