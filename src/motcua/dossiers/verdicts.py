"""Stored verdicts graded again, after a TimelinessRule row was added or corrected.

Each dossier whose processing ended is graded by `timeliness.judge` under the rule in force on the day it
ended; the rows whose verdict or rule changed are written in one transaction, each with an audit event
saying what it was and what it is now.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from motcua.core import audit
from motcua.core.models import AuditEvent

from . import timeliness
from .models import Dossier

BATCH = 500


@dataclass(frozen=True)
class Recount:
    graded: int
    changed: int  # the verdict itself changed
    rule_only: int  # same verdict, now attributed to another rule version


def recompute(*, actor=None, dry_run: bool = False) -> Recount:
    tz = ZoneInfo(settings.TIME_ZONE)
    graded = verdicts = 0
    changed: list[Dossier] = []
    events = []
    rows = Dossier.objects.filter(processing_ended_at__isnull=False, due_at__isnull=False).select_related(
        "timeliness_rule"
    )
    with transaction.atomic():
        for dossier in rows.order_by("pk").iterator(chunk_size=BATCH):
            graded += 1
            before = (dossier.timeliness, dossier.timeliness_rule.code if dossier.timeliness_rule else "")
            if not timeliness.judge(dossier, tz):
                continue
            changed.append(dossier)
            if dossier.timeliness != before[0]:
                verdicts += 1
            events.append(
                audit.entry(
                    actor=actor,
                    action="dossier.recompute_verdict",
                    target=dossier,
                    changes={
                        "timeliness": [before[0], dossier.timeliness],
                        "timeliness_rule": [before[1], dossier.timeliness_rule.code],
                    },
                )
            )
        if not dry_run and changed:
            Dossier.objects.bulk_update(changed, ["timeliness", "timeliness_rule"], batch_size=BATCH)
            AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    return Recount(graded=graded, changed=verdicts, rule_only=len(changed) - verdicts)
