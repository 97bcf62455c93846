"""Walking self-referencing trees (parent links, successor links) one level per query.

Organisation trees are shallow (province → commune → agency → division), so a breadth-first walk
costs a handful of indexed queries and needs no materialised path to keep in sync.
"""

from collections.abc import Iterable

from django.db import models


def closure(model: type[models.Model], root_ids: Iterable[int], *, link: str) -> set[int]:
    """The roots plus every row reachable from them by following `link` backwards.

    `closure(Agency, [x], link="parent")` is x and all agencies below it;
    `closure(Unit, [x], link="successor")` is x and every unit it replaced.
    """
    seen = set(root_ids)
    frontier = set(seen)
    while frontier:
        found = set(model._default_manager.filter(**{f"{link}__in": frontier}).values_list("pk", flat=True))
        frontier = found - seen
        seen |= frontier
    return seen


def ancestors(model: type[models.Model], pk: int | None, *, link: str = "parent") -> set[int]:
    """The row and every row above it by `link` (one query per level; cycles are cut)."""
    found: set[int] = set()
    while pk is not None and pk not in found:
        found.add(pk)
        pk = model._default_manager.filter(pk=pk).values_list(f"{link}_id", flat=True).first()
    return found
