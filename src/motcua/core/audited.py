"""The audited save and delete every service uses: validate, write, record the difference, all in one
transaction.

    plan.title = title
    audited_save(plan, actor=actor, action="plan.update")

`audited_save` reads the row as it is in the database before the change (when it has a primary key), so the
event holds old and new values even when the caller changed the instance before calling. A
`ValidationError` from `full_clean()` passes through unchanged: the pages and the API map it with
`motcua.core.errors`.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from . import audit

M = TypeVar("M", bound=models.Model)


def _stored(obj: models.Model, fields: Iterable[str] | None) -> dict[str, Any]:
    """The row as the database holds it now ({} for a new object)."""
    if obj.pk is None:
        return {}
    current = type(obj)._default_manager.filter(pk=obj.pk).first()
    return audit.snapshot(current, fields) if current is not None else {}


def audited_save(
    obj: M,
    *,
    actor: Any,
    action: str,
    fields: Iterable[str] | None = None,
    reason: str = "",
    extra: Mapping[str, Any] | None = None,
) -> M:
    """Validate (`full_clean`), save and write one audit event with what changed; returns `obj`.

    `fields` limits the snapshot (and the event) to those fields; the whole object is still validated and
    saved. `extra` adds facts that are no field of the row to the new values (the number of files that came
    with it). `actor=None` is the system (data-loading commands, sweeps).
    """
    fields = list(fields) if fields is not None else None
    with transaction.atomic():
        before = _stored(obj, fields)
        obj.full_clean()
        obj.save()
        after = {**audit.snapshot(obj, fields), **(extra or {})}
        audit.record(actor=actor, action=action, target=obj, before=before, after=after, reason=reason)
    return obj


def audited_delete(
    obj: models.Model,
    *,
    actor: Any,
    action: str,
    fields: Iterable[str] | None = None,
    reason: str = "",
) -> None:
    """Delete `obj` and write one audit event holding its last values (only `fields` when given: a
    citizen's draft keeps its answers out of the trail)."""
    fields = list(fields) if fields is not None else None
    with transaction.atomic():
        before = audit.snapshot(obj, fields)
        audit.record(actor=actor, action=action, target=obj, before=before, after={}, reason=reason)
        obj.delete()
