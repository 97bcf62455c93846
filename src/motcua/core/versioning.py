"""Optimistic locking of a record an actor edits from a page they loaded earlier: the page sends the
`version` it showed, the service locks the row and refuses with the app's Conflict (HTTP 409, "reload and
try again") when someone else changed it meanwhile; nothing is overwritten.

    rows = Feedback.objects.select_for_update().select_related("agency")
    row = locked(rows, pk, expected, FeedbackConflict)
    ...
    commit_versioned(row, expected, ["status", "due_at"], FeedbackConflict)   # one UPDATE … WHERE version=

The model has `version = PositiveIntegerField(default=1)`; the app's Conflict subclass says which record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db import models
from django.db.models import F

M = TypeVar("M", bound=models.Model)


def locked(
    queryset: models.QuerySet[M], pk: Any, expected_version: int, conflict: Callable[[], Exception]
) -> M:
    """The row as it is now, locked by the caller's queryset (`select_for_update(...)`), or `conflict()` when
    its version is no longer the one the actor read."""
    row = queryset.get(pk=pk)
    if getattr(row, "version", None) != expected_version:
        raise conflict()
    return row


def commit_versioned(
    obj: models.Model, expected_version: int, fields: Sequence[str], conflict: Callable[[], Exception]
) -> None:
    """Write `fields` and the next version, only if nobody changed the row since `expected_version`."""
    values = {name: getattr(obj, name) for name in fields}
    updated = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, version=expected_version)
        .update(version=F("version") + 1, **values)
    )
    if updated != 1:
        raise conflict()
    obj.version = expected_version + 1  # type: ignore[attr-defined]
