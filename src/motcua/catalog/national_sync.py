"""Pulling the national TTHC database (integrations.national_catalog) into the catalog.

Each publication decision the database offers goes through the catalog's own import (catalog.transfer),
its procedures read by the same flat-layout reader as the database's Excel exports (catalog.national):
new procedures are created, changed ones get a new version, both published by the decision; the decision's
abolitions and replacements are applied. A decision already in the catalog (same number) is skipped, so the
sync can run on a schedule. A dry run (the default) does all of it in one transaction and rolls it back, so
the control officer sees what would change, decisions that build on one another included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from motcua.integrations.national_catalog import client, mapping

from . import national, transfer
from .models import PublicationDecision, Sector


@dataclass
class DecisionOutcome:
    number: str
    report: transfer.ImportReport | None = None
    skipped: bool = False  # already in the catalog
    problem: str = ""  # the database's item could not be read


@dataclass
class SyncReport:
    dry_run: bool
    decisions: list[DecisionOutcome] = field(default_factory=list)
    unavailable: str = ""

    def count(self, action: str) -> int:
        """Procedures with that outcome over the decisions that went in (a refused decision writes none)."""
        return sum(o.report.count(action) for o in self.decisions if o.report and not o.report.refused)

    @property
    def refused(self) -> list[DecisionOutcome]:
        return [o for o in self.decisions if o.problem or (o.report and o.report.refused)]


def pull(*, actor: Any, dry_run: bool = True, since: date | None = None, plugin=None) -> SyncReport:
    report = SyncReport(dry_run=dry_run)
    try:
        decisions = (plugin or client.current()).decisions(since)
    except client.Unavailable as error:
        report.unavailable = str(error)
        return report
    with transaction.atomic():
        for item in decisions:
            report.decisions.append(_one(actor, item))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _one(actor: Any, item: Any) -> DecisionOutcome:
    try:
        fields = mapping.decision_fields(item)
        rows = mapping.flat_table(item)
    except mapping.MalformedDecision as error:
        number = str(item.get("SoQuyetDinh", "")) if isinstance(item, dict) else ""
        return DecisionOutcome(number, problem=str(error))
    if fields["number"] and PublicationDecision.objects.filter(number=fields["number"]).exists():
        return DecisionOutcome(fields["number"], skipped=True)
    try:
        sheets = national.flat_sheets(rows, sheet=fields["number"] or "CSDL")
    except transfer.FileProblem as error:
        return DecisionOutcome(fields["number"], problem=str(error))
    sheets[transfer.DECISION_SHEET] = [(1, fields)]
    known = set(Sector.objects.values_list("code", flat=True))
    sheets["sectors"] = [  # sectors the catalog lacks; a known one keeps the province's wording
        (1, {"code": code, "name": name, "managing_body": ""})
        for code, name in mapping.sectors(item).items()
        if code not in known
    ]
    # Written here; the caller's transaction rolls the whole run back for a dry run.
    return DecisionOutcome(fields["number"], report=transfer.import_sheets(sheets, actor=actor))
