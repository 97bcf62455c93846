"""The rows of one business action, written in one round trip to the database.

A counter reception writes about ten rows in six tables (dossier, steps, checklist, timeline event, audit
event, outbox). Saved one by one that is ten statements, each waiting for PostgreSQL, and that waiting is
most of what a reception costs. Here:

- `reserve_keys` takes primary keys from the tables' sequences ahead (in blocks, see there), so that rows can
  point at each other before any of them exists (a dossier at its first step, the steps at their dossier);
- `insert` sends every INSERT through psycopg's pipeline mode: the statements leave together, PostgreSQL
  answers them together, and rows without a key get theirs from `RETURNING`. Parameters are bound on the
  server, so a statement repeated by every reception is prepared once per connection.

Rows are inserted in the order given, one statement per run of rows of the same model; foreign keys are
checked at commit (Django declares them DEFERRABLE INITIALLY DEFERRED), so a row may name one that comes
later. `pre_save` and `post_save` are sent for every row as `save()` sends them, so listeners cannot tell
the difference. SQLite (`make run`) gets the same rows through `bulk_create`, one statement per run.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from itertools import groupby

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models.signals import post_save, pre_save
from django.db.models.sql import InsertQuery

Model = type[models.Model]
KEY_BLOCK = 50  # keys taken from a sequence at once, per model and process
_pool: dict[tuple[str, str, Model], deque[int]] = {}
_pool_lock = threading.Lock()


def reserve_keys(counts: Mapping[Model, int], *, using: str = DEFAULT_DB_ALIAS) -> dict[Model, list[int]]:
    """`n` fresh primary keys for each model.

    On PostgreSQL keys are taken from the sequences in blocks and handed out from process memory (the
    "pooled" optimiser of Hibernate), so most calls need no round trip; a process that ends leaves the rest
    of its block unused, a gap in the ids, which nothing reads as meaning. `nextval` is outside transactions,
    so a key once taken is never given again. SQLite takes them per call, inside the caller's transaction
    (a rollback gives them back to the table, which a pool would not know)."""
    db = connections[using]
    wanted = [(model, n) for model, n in counts.items() if n > 0]
    if db.vendor != "postgresql":
        return {model: _reserve_sqlite(db, model, n) for model, n in wanted}
    with _pool_lock:
        pools = {
            model: _pool.setdefault((using, db.settings_dict["NAME"], model), deque()) for model, _ in wanted
        }
        short = [(model, n - len(pools[model]) + KEY_BLOCK) for model, n in wanted if len(pools[model]) < n]
        if short:
            for (model, _), keys in zip(short, _reserve_postgresql(db, short), strict=True):
                pools[model].extend(keys)
        return {model: [pools[model].popleft() for _ in range(n)] for model, n in wanted}


def clear_pool() -> None:
    """Forget the keys taken ahead (tests that count statements; a forked child, below)."""
    with _pool_lock:
        _pool.clear()


# A forked process (gunicorn worker, multiprocessing) must not hand out the keys its parent holds.
os.register_at_fork(after_in_child=clear_pool)


def _reserve_postgresql(db, wanted: Sequence[tuple[Model, int]]) -> list[list[int]]:
    columns = ", ".join(
        "ARRAY(SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s))" for _ in wanted
    )
    params: list = []
    for model, n in wanted:
        params += [db.ops.quote_name(model._meta.db_table), model._meta.pk.column, n]
    with db.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", params)  # the columns hold placeholders only
        return [list(keys) for keys in cursor.fetchone()]


def _reserve_sqlite(db, model: Model, n: int) -> list[int]:
    # AUTOINCREMENT tables keep their last key in sqlite_sequence; moving it on by n takes the write lock,
    # so no other connection can take the same keys.
    table, column = model._meta.db_table, model._meta.pk.column
    with db.cursor() as cursor:
        cursor.execute("UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s RETURNING seq", [n, table])
        row = cursor.fetchone()
        if row is None:  # nothing was ever inserted into the table
            cursor.execute(
                f'INSERT INTO sqlite_sequence (name, seq) SELECT %s, coalesce(max("{column}"), 0) + %s'
                f' FROM "{table}" RETURNING seq',  # table and column names are ours, not input
                [table, n],
            )
            row = cursor.fetchone()
    last = row[0]
    return list(range(last - n + 1, last + 1))


def insert(rows: Sequence[models.Model], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """INSERT new model instances in one round trip; rows without a key get one."""
    batch = Batch(using=using)
    batch.add(*rows)
    batch.insert()


class Batch:
    """Rows compiled as they are added and inserted together by `insert()`.

    A batch may be inserted more than once, each time with what was added since. A reception inserts its
    steps, checklist and timeline event together with the statement that takes its code (whose counter row
    then stays locked until commit), and the rows that carry the code after: little happens under the lock.
    """

    def __init__(self, *, using: str = DEFAULT_DB_ALIAS) -> None:
        self.using = using
        self.db = connections[using]
        self.runs: list[tuple[Model, list[models.Model], tuple[str, tuple] | None]] = []

    def add(self, *rows: models.Model) -> None:
        for row in rows:
            # As save() does: a row that met its parent before the parent had a key takes the key now.
            row._prepare_related_fields_for_save(operation_name="insert")
            pre_save.send(sender=type(row), instance=row, raw=False, using=self.using, update_fields=None)
        for model, same in groupby(rows, key=type):
            same = list(same)
            keyless = same[0].pk is None
            if any((row.pk is None) != keyless for row in same):
                raise ValueError("rows of one model added together are either all keyed or all keyless")
            statement = _insert_sql(self.db, model, same, returning=keyless) if self._pipelined else None
            self.runs.append((model, same, statement))

    @property
    def _pipelined(self) -> bool:
        return self.db.vendor == "postgresql"

    def insert(self, *, then: tuple[str, Sequence] | None = None) -> list[tuple]:
        """INSERT what was added; `then`, one more statement (SQL, parameters), goes after the rows in the
        same round trip, and its rows are returned: a reception's code counter, locked from there on."""
        if self._pipelined:
            result = self._send(then)
        else:
            for model, same, _statement in self.runs:
                model._base_manager.using(self.using).bulk_create(same)
            result = self._run(then)
        for _model, same, _statement in self.runs:
            for row in same:
                row._state.adding, row._state.db = False, self.using
                post_save.send(
                    sender=type(row),
                    instance=row,
                    created=True,
                    update_fields=None,
                    raw=False,
                    using=self.using,
                )
        self.runs = []
        return result

    def _run(self, statement: tuple[str, Sequence] | None) -> list[tuple]:
        if statement is None:
            return []
        with self.db.cursor() as cursor:
            cursor.execute(*statement)
            return cursor.fetchall()

    def _send(self, then: tuple[str, Sequence] | None) -> list[tuple]:
        db = self.db
        db.ensure_connection()
        keyless, last = [], None
        # Django's wrapper around a server-binding cursor: errors become django.db errors, queries are logged.
        with db.wrap_database_errors, db.connection.pipeline():
            for _model, same, (sql, params) in self.runs:
                cursor = self._cursor()
                cursor.execute(sql, params)
                if same[0].pk is None:
                    keyless.append((cursor, same))
            if then is not None:
                last = self._cursor()
                last.execute(*then)
        for cursor, same in keyless:
            for row, (key,) in zip(same, cursor.fetchall(), strict=True):
                row.pk = key
        return last.fetchall() if last is not None else []

    def _cursor(self):
        raw = psycopg.Cursor(self.db.connection)
        return self.db.make_debug_cursor(raw) if self.db.queries_logged else self.db.make_cursor(raw)


def _insert_sql(db, model: Model, rows: list[models.Model], *, returning: bool) -> tuple[str, tuple]:
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not (returning and f is meta.auto_field)]
    query = InsertQuery(model)
    query.insert_values(fields, rows)
    compiler = query.get_compiler(connection=db)
    compiler.returning_fields = [meta.pk] if returning else None
    ((sql, params),) = compiler.as_sql()
    return sql, params
