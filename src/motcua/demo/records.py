"""The demo data files (data/*.json) and the one way rows without a service of their own are written from
them: found by their natural key, created or brought up to the file, audited as the system (actor None)
only when something changed, so a second `motcua load_demo` writes nothing.

Rows that have a service (agencies, roles, plans, tasks, Q&A, dossiers, ratings, the citizen's papers) go
through it instead; the loaders in this package call those services.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from django.db import models

from motcua.core.audited import audited_save

DATA = Path(__file__).resolve().parent / "data"
M = TypeVar("M", bound=models.Model)


def read(name: str) -> Any:
    """A data file, e.g. read("org.json")."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def file_bytes(name: str) -> bytes:
    """A document the demo attaches (data/files/…): a result, a paper in a citizen's store."""
    return (DATA / "files" / name).read_bytes()


def typed(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    """The file's values as the model holds them ("2025-07-01" → a date), so they compare equal."""
    result = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        plain = value is not None and not field.is_relation
        result[name] = field.to_python(value) if plain else value  # type: ignore[union-attr]
    return result


def changes(obj: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """The values that differ from what `obj` holds."""
    return {name: value for name, value in typed(type(obj), values).items() if getattr(obj, name) != value}


def update(obj: M, values: dict[str, Any], *, action: str) -> M:
    """Bring `obj` up to `values`; one audit event when something changed, none otherwise."""
    changed = changes(obj, values)
    if not changed:
        return obj
    for name, value in changed.items():
        setattr(obj, name, value)
    return audited_save(obj, actor=None, action=action)


def upsert(model: type[M], *, lookup: dict[str, Any], values: dict[str, Any], action: str) -> M:
    """The row `lookup` finds (created when missing) holding `values`; `action` names the audit events
    ("unit" → "unit.create", "unit.update")."""
    lookup = typed(model, lookup)
    found = model._default_manager.filter(**lookup).first()
    if found is None:
        return audited_save(model(**lookup, **typed(model, values)), actor=None, action=f"{action}.create")
    return update(found, values, action=f"{action}.update")
