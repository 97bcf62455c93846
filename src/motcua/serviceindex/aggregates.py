"""The per-day aggregates behind the index, kept in the transaction of every change to a dossier.

`keys_of` says which aggregate rows (`DossierDay`) a dossier counts in, from its stored values only; the
incremental path (`refresh`, called by the signal listeners) and the rebuild (`rebuild`) both use it, so they
agree by construction and `rebuild` can check that they still do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.utils import timezone

from motcua.catalog.models import OnlineLevel
from motcua.dossiers.models import Dossier, DossierDocument, ReturnMethod
from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status as FeedbackStatus

from . import verdicts
from .models import DossierDay, DossierFootprint, Fact, RatingState

# The dossier's values the keys are made of (one query, the rating by the reverse one-to-one link).
FIELDS = (
    "pk",
    "received_at",
    "processing_ended_at",
    "competent_agency_id",
    "competent_agency__administrative_unit_id",
    "procedure_id",
    "channel",
    "timeliness",
    "procedure_version__online_level",
    "fee_due",
    "paid_online",
    "reused_data",
    "identity_verified",
    "return_method",
    "rating__satisfied",
    "has_papers",
    "paper_without_file",
    "with_feedback",
)
BOOLEAN = frozenset(
    {
        "eligible_full_online",
        "fee",
        "paid_online",
        "reused",
        "identity_verified",
        "electronic_result",
        "digitised",
        "with_feedback",
    }
)


def dossier_rows() -> QuerySet[Dossier]:
    """Dossiers with the facts FIELDS reads beyond their own columns, in the same single query."""
    papers = DossierDocument.objects.filter(dossier=OuterRef("pk"))
    return Dossier.objects.annotate(
        has_papers=Exists(papers),
        paper_without_file=Exists(papers.filter(Q(file="") | Q(file__isnull=True), reused=False)),
        with_feedback=Exists(
            Feedback.objects.filter(dossier=OuterRef("pk")).exclude(status=FeedbackStatus.REFUSED)
        ),
    )


INTEGER = frozenset({"agency_id", "unit_id", "procedure_id", "channel"})


def _day(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None


def _encode(values: Mapping[str, Any]) -> str:
    parts = []
    for name in DossierDay.KEY:
        value = values[name]
        parts.append(str(int(value)) if name in BOOLEAN else str(value))
    return "|".join(parts)


def decode(key: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, raw in zip(DossierDay.KEY, key.split("|"), strict=True):
        if name in BOOLEAN:
            values[name] = raw == "1"
        elif name in INTEGER:
            values[name] = int(raw)
        elif name == "day":
            values[name] = date.fromisoformat(raw)
        else:
            values[name] = raw
    return values


def keys_of(row: Mapping[str, Any]) -> tuple[str, str]:
    """(received key, ended key) of a dossier given as FIELDS values; "" where it counts in no row."""
    rating = row["rating__satisfied"]
    common = {
        "agency_id": row["competent_agency_id"],
        "unit_id": row["competent_agency__administrative_unit_id"],
        "procedure_id": row["procedure_id"],
        "channel": row["channel"],
    }
    received_on = _day(row["received_at"])
    received = ""
    if received_on is not None:
        received = _encode(
            {
                **common,
                "fact": Fact.RECEIVED,
                "day": received_on.isoformat(),
                "verdict": "",
                "eligible_full_online": row["procedure_version__online_level"] == OnlineLevel.FULL,
                "fee": (row["fee_due"] or 0) > 0,
                "paid_online": bool(row["paid_online"]),
                "reused": bool(row["reused_data"]),
                "identity_verified": bool(row["identity_verified"]),
                "electronic_result": False,
                "rating": RatingState.NONE,
                "digitised": bool(row["has_papers"]) and not row["paper_without_file"],
                "with_feedback": False,
            }
        )
    ended_on = _day(row["processing_ended_at"])
    ended = ""
    # Only dossiers that were received are graded: a refusal at the desk never started the legal clock.
    if ended_on is not None and received_on is not None:
        ended = _encode(
            {
                **common,
                "fact": Fact.ENDED,
                "day": ended_on.isoformat(),
                "verdict": verdicts.stored(row["timeliness"]),
                "eligible_full_online": False,
                "fee": False,
                "paid_online": False,
                "reused": False,
                "identity_verified": False,
                "electronic_result": row["return_method"] == ReturnMethod.ELECTRONIC,
                "rating": (
                    RatingState.NONE
                    if rating is None
                    else RatingState.SATISFIED
                    if rating
                    else RatingState.UNSATISFIED
                ),
                "digitised": False,
                "with_feedback": bool(row["with_feedback"]),
            }
        )
    return received, ended


def add_count(model: type[Model], values: Mapping[str, Any], count: str, delta: int) -> None:
    """Add `delta` to the `count` column of the aggregate row with these key values (created if new)."""
    rows = model._default_manager.filter(**values)
    if rows.update(**{count: F(count) + delta}):
        return
    try:
        with transaction.atomic():  # a savepoint: another transaction may create the same row meanwhile
            model._default_manager.create(**values, **{count: delta})
    except IntegrityError:
        rows.update(**{count: F(count) + delta})


@dataclass
class RebuildResult:
    rows: int = 0
    dossiers: int = 0  # the rows counted (dossiers, or feedback items for the feedback aggregate)
    differences: list[tuple[str, int, int]] = field(default_factory=list)  # key, incremental, rebuilt

    @property
    def equal(self) -> bool:
        return not self.differences


def compare(expected: Counter[str], current: Counter[str]) -> list[tuple[str, int, int]]:
    return sorted(
        (key, current.get(key, 0), expected.get(key, 0))
        for key in set(expected) | set(current)
        if current.get(key, 0) != expected.get(key, 0)
    )


@dataclass(frozen=True)
class Kept:
    """An aggregate kept in the transaction of each change: its rows (`model`, counted in `count`), the
    rows it counts (`source`, read as `fields`), and the footprint saying which two aggregate rows (keys,
    "" for none) each counted row is in now. `keys_of` serves the incremental path and the rebuild."""

    model: type[Model]
    count: str
    footprint: type[Model]
    owner: str  # the footprint's primary key: the counted row's id
    slots: tuple[str, str]  # the footprint's two key columns
    source: Callable[[], QuerySet]
    fields: tuple[str, ...]
    keys_of: Callable[[Mapping[str, Any]], tuple[str, str]]
    encode: Callable[[Mapping[str, Any]], str]
    decode: Callable[[str], dict[str, Any]]

    def _add(self, key: str, delta: int) -> None:
        add_count(self.model, self.decode(key), self.count, delta)

    def refresh(self, pk: int) -> None:
        """Move the row's counts to the aggregate rows its stored values name now (nothing if unchanged)."""
        with transaction.atomic():
            row = self.source().filter(pk=pk).values(*self.fields).first()
            new = self.keys_of(row) if row else ("", "")
            footprints = self.footprint._default_manager
            found = footprints.select_for_update().filter(**{self.owner: pk}).first()
            old = tuple(getattr(found, slot) for slot in self.slots) if found else ("", "")
            if new == old:
                return
            for before, after in zip(old, new, strict=True):
                if before != after:
                    if before:
                        self._add(before, -1)
                    if after:
                        self._add(after, +1)
            if new == ("", ""):
                footprints.filter(**{self.owner: pk}).delete()
            else:
                owner: dict[str, Any] = {self.owner: pk}
                footprints.update_or_create(**owner, defaults=dict(zip(self.slots, new, strict=True)))

    def _expected(self) -> tuple[Counter[str], dict[int, tuple[str, str]]]:
        counts: Counter[str] = Counter()
        footprints: dict[int, tuple[str, str]] = {}
        for row in self.source().order_by().values(*self.fields).iterator(chunk_size=5000):
            keys = self.keys_of(row)
            if keys != ("", ""):
                footprints[row["pk"]] = keys
            for key in keys:
                if key:
                    counts[key] += 1
        return counts, footprints

    def _current(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        rows = self.model._default_manager.exclude(**{self.count: 0})
        for values in rows.values(*self.model.KEY, self.count).iterator():  # type: ignore[attr-defined]
            total = values.pop(self.count)
            values["day"] = values["day"].isoformat()
            counts[self.encode(values)] += total
        return counts

    def rebuild(self, *, write: bool = True) -> RebuildResult:
        """Recount every row; report where the incremental rows differ; with `write`, replace them."""
        with transaction.atomic():
            expected, footprints = self._expected()
            result = RebuildResult(
                rows=len(expected), dossiers=len(footprints), differences=compare(expected, self._current())
            )
            if write:
                self.model._default_manager.all().delete()
                self.footprint._default_manager.all().delete()
                self.model._default_manager.bulk_create(
                    (self.model(**self.decode(key), **{self.count: n}) for key, n in expected.items()),
                    batch_size=2000,
                )
                self.footprint._default_manager.bulk_create(
                    (
                        self.footprint(**{self.owner: pk}, **dict(zip(self.slots, keys, strict=True)))
                        for pk, keys in footprints.items()
                    ),
                    batch_size=2000,
                )
            return result


DOSSIERS = Kept(
    model=DossierDay,
    count="dossiers",
    footprint=DossierFootprint,
    owner="dossier_id",
    slots=("received", "ended"),
    source=dossier_rows,
    fields=FIELDS,
    keys_of=keys_of,
    encode=_encode,
    decode=decode,
)


def refresh(dossier_id: int) -> None:
    DOSSIERS.refresh(dossier_id)


def rebuild(*, write: bool = True) -> RebuildResult:
    return DOSSIERS.rebuild(write=write)


def refresh_many(dossier_ids: Iterable[int]) -> None:
    for dossier_id in dossier_ids:
        refresh(dossier_id)
