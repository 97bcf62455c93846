"""PostgreSQL plans a hot statement once per connection: psycopg prepares what a connection runs repeatedly.

Django passes `prepare_threshold=None` to psycopg (no statement is ever prepared) unless the database OPTIONS
name a threshold; planning then dominated the database time of a hand-over or a queue page (issue #23).
"""

from django.conf import settings
from django.db import connection

from motcua.org.models import Agency


def test_statements_a_connection_repeats_are_prepared_by_postgresql(db):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if connection.vendor != "postgresql":
        # SQLite has no server to prepare on: the setting is PostgreSQL's only.
        assert "prepare_threshold" not in options
        return
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5
    threshold = options["prepare_threshold"]
    for _ in range(threshold + 1):
        list(Agency.objects.filter(code="no-such-code"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "org_agency"' in statement for statement in prepared), prepared
