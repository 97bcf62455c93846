"""The one audit API every app uses: snapshot a record, change it, record the difference.

    before = audit.snapshot(agency)
    agency.name = new_name
    agency.save()
    audit.record(actor=user, action="agency.rename", target=agency, before=before)

`record` must run inside the transaction that made the change, so the change and its event
commit or roll back together.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from .models import AuditEvent

# Secrets and bookkeeping fields never enter the audit trail.
EXCLUDED_FIELDS = frozenset({"password", "last_login"})


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, models.Choices):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """Concrete field values (foreign keys as ids, many-to-many as sorted id lists)."""
    if instance.pk is None:
        return {}
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in EXCLUDED_FIELDS or (fields is not None and field.name not in fields):
            continue
        data[field.name] = _plain(getattr(instance, field.attname))
    for field in instance._meta.many_to_many:
        if field.name in EXCLUDED_FIELDS or (fields is not None and field.name not in fields):
            continue
        data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return data


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value differs."""
    keys = (set(before) | set(after)) - EXCLUDED_FIELDS
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    changes: Mapping[str, list[Any]] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Write one audit event for `target`.

    Pass `before` (a snapshot taken before the change) and the event stores old and new values;
    `after` defaults to a fresh snapshot of `target`. Pass `changes` instead when the caller
    already knows the difference.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must run inside the transaction that made the change")
    if changes is None:
        after = snapshot(target) if after is None else after
        changes = diff(before or {}, after)
    event = entry(actor=actor, action=action, target=target, changes=changes, reason=reason)
    event.save()
    return event


def entry(
    *, actor: Any, action: str, target: models.Model, changes: Mapping[str, list[Any]], reason: str = ""
) -> AuditEvent:
    """The unsaved event `record` writes: for actions that insert all their rows at once (`core.rows`)."""
    return AuditEvent(
        **_by(actor),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        changes=dict(changes),
        reason=reason,
    )


def record_bulk(
    *, actor: Any, action: str, model: type[models.Model], changes: Mapping[str, Any], reason: str = ""
) -> AuditEvent:
    """One event for a change to many rows of `model` at once (a retention purge), inside its transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record_bulk must run inside the transaction that made the change")
    return AuditEvent.objects.create(
        **_by(actor),
        action=action,
        target_type=model._meta.label_lower,
        target_id="*",
        target_repr=str(model._meta.verbose_name_plural)[:255],
        changes=dict(changes),
        reason=reason,
    )


def _by(actor: Any) -> dict[str, Any]:
    """Who acted: the user when it is one, else a label ("system" for data-loading commands and sweeps)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return {"actor": user, "actor_label": (user.get_username() if user else str(actor or "system"))[:150]}


def history(target: models.Model):
    """Events about one record, newest first."""
    return AuditEvent.objects.filter(target_type=target._meta.label_lower, target_id=str(target.pk))
