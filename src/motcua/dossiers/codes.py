"""Dossier codes `{agency code}-{yymmdd}-{NNNN}`: a daily sequence per receiving agency, without gaps.

One upsert takes the next number: `INSERT … ON CONFLICT DO UPDATE … RETURNING` creates the (agency, day) row
or increments it and keeps it locked until the reception commits, so concurrent receptions queue on it and a
reception that rolls back takes its number back with it. Both PostgreSQL and SQLite (≥ 3.35) speak it; it is
one statement where SELECT … FOR UPDATE followed by an UPDATE were two.
"""

from datetime import date
from typing import Any

from django.db import connection

from motcua.org.models import Agency

from .models import CertificationCounter, DailyCounter


def increment(model: type[DailyCounter | CertificationCounter], second: str, value: Any) -> tuple[str, list]:
    """The upsert (SQL, parameters) that takes the next `last` of a counter keyed by agency and `second`."""
    table = model._meta.db_table  # names are ours, never the user's
    return (
        f"INSERT INTO {table} (agency_id, {second}, last) VALUES (%s, %s, 1) "
        f"ON CONFLICT (agency_id, {second}) DO UPDATE SET last = {table}.last + 1 RETURNING last",
        [value],
    )


def next_number(agency: Agency, day: date) -> tuple[str, list]:
    """The statement (SQL, parameters) that takes the next number; the reception sends it in the same round
    trip as its first rows (`core.rows.Batch.insert(then=…)`) and formats the code with `format_code`."""
    sql, params = increment(DailyCounter, "day", connection.ops.adapt_datefield_value(day))
    return sql, [agency.pk, *params]


def next_certification_number(agency: Agency, year: int) -> int:
    """The next number of the centre's certification register for the year, locked until commit."""
    sql, params = increment(CertificationCounter, "year", year)
    with connection.cursor() as cursor:
        cursor.execute(sql, [agency.pk, *params])
        return int(cursor.fetchone()[0])


def format_code(agency_code: str, day: date, sequence: int) -> str:
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"
