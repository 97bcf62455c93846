"""Dossier codes `{agency code}-{yymmdd}-{NNNN}`: a daily sequence per receiving agency, without gaps.

One upsert takes the next number: `INSERT … ON CONFLICT DO UPDATE … RETURNING` creates the (agency, day) row
or increments it and keeps it locked until the reception commits, so concurrent receptions queue on it and a
reception that rolls back takes its number back with it. Both PostgreSQL and SQLite (≥ 3.35) speak it; it is
one statement where SELECT … FOR UPDATE followed by an UPDATE were two.
"""

from datetime import date

from django.db import connection

from motcua.org.models import Agency

from .models import DailyCounter

_TABLE = DailyCounter._meta.db_table


def next_number(agency: Agency, day: date) -> tuple[str, list]:
    """The statement (SQL, parameters) that takes the next number; the reception sends it in the same round
    trip as its first rows (`core.rows.Batch.insert(then=…)`) and formats the code with `format_code`."""
    return (
        f"INSERT INTO {_TABLE} (agency_id, day, last) VALUES (%s, %s, 1) "  # the table name is ours
        f"ON CONFLICT (agency_id, day) DO UPDATE SET last = {_TABLE}.last + 1 RETURNING last",
        [agency.pk, connection.ops.adapt_datefield_value(day)],
    )


def format_code(agency_code: str, day: date, sequence: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"
