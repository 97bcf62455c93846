"""The one place the index reads the dossier verdict (the on-time rule lives in dossiers.timeliness).

Everything else in this app asks these functions: the verdict stored on the dossier, which stored values
count as on time and which as late. When the verdict gains outcomes (a promised date, "late, apologised"),
only this module changes.
"""

from __future__ import annotations

from motcua.dossiers import timeliness
from motcua.dossiers.models import Timeliness


def stored(timeliness_value: str | None) -> str:
    """The dossier's stored verdict, as the aggregates keep it ("" while processing has not ended)."""
    return timeliness_value or ""


def on_time_values() -> list[str]:
    """Stored verdicts that count as handled early or on time (QĐ 766 indicator 2.1)."""
    return [value for value in Timeliness.values if timeliness.is_on_time(value)]


def late_values() -> list[str]:
    """Stored verdicts that count as late (every other verdict)."""
    return [value for value in Timeliness.values if not timeliness.is_on_time(value)]


def early_values() -> list[str]:
    return [Timeliness.EARLY]


def graded_values() -> list[str]:
    return list(Timeliness.values)
