"""Walking self-referencing trees (parent links, successor links): down one level per query, up in one.

Organisation trees are shallow (province → commune → agency → division), so a breadth-first walk
costs a handful of indexed queries and needs no materialised path to keep in sync.
"""

from collections.abc import Iterable

from django.db import connection, models


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
    """The row and every row above it by `link`, in one recursive query (UNION, not UNION ALL, cuts cycles).

    Every action on a dossier asks which agencies sit above the one holding it; a query per level made that
    three or four round trips each time."""
    if pk is None:
        return set()
    table = connection.ops.quote_name(model._meta.db_table)
    parent = model._meta.get_field(link)
    assert isinstance(parent, models.ForeignKey)
    key = connection.ops.quote_name(parent.target_field.column or "id")
    up = connection.ops.quote_name(parent.column)
    sql = (
        f"WITH RECURSIVE up(id) AS (SELECT CAST(%s AS BIGINT)"
        f" UNION SELECT t.{up} FROM {table} t JOIN up ON t.{key} = up.id WHERE t.{up} IS NOT NULL)"
        " SELECT id FROM up"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return {row[0] for row in cursor.fetchall()}
