"""`core.audit` for records with uploaded files: a file is recorded by its stored name.

core's snapshot passes field values through as they are, and a FieldFile is not JSON; until core learns
file fields, records with attachments (plans, activities) go through these two helpers.
"""

from typing import Any

from django.db.models.fields.files import FieldFile

from motcua.core import audit


def snapshot(instance) -> dict[str, Any]:
    return {k: (v.name or "") if isinstance(v, FieldFile) else v for k, v in audit.snapshot(instance).items()}


def record(*, actor, action: str, target, before: dict | None = None, reason: str = ""):
    return audit.record(
        actor=actor, action=action, target=target, before=before, after=snapshot(target), reason=reason
    )
