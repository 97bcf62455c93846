"""Counting large tables without scanning them.

An exact `COUNT(*)` over a million rows reads a million rows; an admin list of dossiers or audit events
needs the number only to draw its page links. `EstimatedCountPaginator` asks PostgreSQL's planner how many
rows the query would return (its statistics, kept by ANALYZE/autovacuum) and counts exactly only when the
estimate is small enough for a count to be cheap, or on SQLite.
"""

from __future__ import annotations

import json

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Below this many rows (estimated) an exact count is cheap and shown; above it, the planner's estimate.
EXACT_UP_TO = 10_000


def planned_rows(queryset: QuerySet) -> int | None:
    """The planner's estimate of the rows `queryset` returns (PostgreSQL), else None."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is the planner's estimate once that passes EXACT_UP_TO rows."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, QuerySet):
            estimate = planned_rows(self.object_list)
            if estimate is not None and estimate > EXACT_UP_TO:
                return estimate
        return super().count
