"""The per-day feedback aggregate (`FeedbackDay`) behind indicators 5.1 and 5.2, kept in the transaction of
every feedback action as `aggregates` keeps `DossierDay`.

`keys_of` says which rows an item counts in from its stored values only; the incremental path
(`FEEDBACK.refresh`, called by the signal listeners after each action's audit event) and the rebuild
(`FEEDBACK.rebuild`) both use it, so they agree by construction and the rebuild can check that they still do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status

from .aggregates import Kept
from .models import FeedbackDay, FeedbackFact, FeedbackFootprint

FIELDS = (
    "pk",
    "agency_id",
    "agency__administrative_unit_id",
    "status",
    "handle_due_at",
    "approved_at",
    "handled_late",
    "published_at",
    "satisfied",
)
# Satisfied as the national portal counts it: not more disagree than agree, not handled late, and no
# follow-up feedback about the answer (feedback.selectors.unsatisfied is the same rule over the items).
SATISFIED = ~(
    Q(disagree_count__gt=F("agree_count"))
    | Q(handled_late=True)
    | Q(Exists(Feedback.objects.filter(follow_up_of=OuterRef("pk"))))
)


def feedback_rows() -> QuerySet[Feedback]:
    return Feedback.objects.annotate(satisfied=SATISFIED)


def _encode(values: Mapping[str, Any]) -> str:
    return "|".join(
        str(int(values[name])) if isinstance(values[name], bool) else str(values[name])
        for name in FeedbackDay.KEY
    )


def decode(key: str) -> dict[str, Any]:
    fact, day, agency, unit, answered, good = key.split("|")
    return {
        "fact": fact,
        "day": date.fromisoformat(day),
        "agency_id": int(agency),
        "unit_id": int(unit),
        "answered": answered == "1",
        "good": good == "1",
    }


def keys_of(row: Mapping[str, Any]) -> tuple[str, str]:
    """(handling-deadline key, publication key) of an item given as FIELDS values; "" where none."""
    common = {"agency_id": row["agency_id"], "unit_id": row["agency__administrative_unit_id"]}
    due = published = ""
    if row["handle_due_at"] is not None:
        answered = row["approved_at"] is not None
        due = _encode(
            {
                **common,
                "fact": FeedbackFact.HANDLING_DUE,
                "day": timezone.localtime(row["handle_due_at"]).date().isoformat(),
                "answered": answered,
                "good": answered and not row["handled_late"],
            }
        )
    if row["status"] == Status.PUBLISHED and row["published_at"] is not None:
        published = _encode(
            {
                **common,
                "fact": FeedbackFact.PUBLISHED,
                "day": timezone.localtime(row["published_at"]).date().isoformat(),
                "answered": True,
                "good": bool(row["satisfied"]),
            }
        )
    return due, published


FEEDBACK = Kept(
    model=FeedbackDay,
    count="items",
    footprint=FeedbackFootprint,
    owner="feedback_id",
    slots=("due", "published"),
    source=feedback_rows,
    fields=FIELDS,
    keys_of=keys_of,
    encode=_encode,
    decode=decode,
)
