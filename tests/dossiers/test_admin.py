"""The dossier admin reads, never writes, and never scans the whole table for a count or a date hierarchy."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.dossiers.factories import receive, vn
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


def test_the_dossier_and_its_timeline_are_shown_read_only(admin_client, desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9, 0))
    listing = admin_client.get(reverse("admin:dossiers_dossier_changelist")).content.decode()
    assert dossier.code in listing
    assert "?submitted_at__year=" not in listing  # no date hierarchy over every dossier
    page = admin_client.get(reverse("admin:dossiers_dossier_change", args=[dossier.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "receive_at_counter" in html  # the timeline inline
    assert 'name="events-0-action"' not in html  # shown as text, not as an input
    assert admin_client.get(reverse("admin:dossiers_dossier_add")).status_code == 403
    assert admin_client.post(reverse("admin:dossiers_dossier_delete", args=[dossier.pk])).status_code == 403


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL has a planner; SQLite always counts exactly"
)
def test_the_list_never_counts_a_large_table_it_asks_the_planner(admin_client, desk, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    from motcua.core import paging

    for hour in range(3):
        receive(desk, at=vn(2026, 3, 2, 8 + hour))
    url = reverse("admin:dossiers_dossier_changelist")
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get(url).status_code == 200
    assert any('COUNT(*) AS "__count" FROM "dossiers_dossier"' in q["sql"] for q in small.captured_queries)

    monkeypatch.setattr(paging, "EXACT_UP_TO", 0)  # every table is "large" now
    with CaptureQueriesContext(connection) as large:
        page = admin_client.get(url, {"status__exact": "received"})
    assert page.status_code == 200
    statements = [q["sql"] for q in large.captured_queries]
    assert not any('COUNT(*) AS "__count" FROM "dossiers_dossier"' in sql for sql in statements)
    assert any(sql.startswith("EXPLAIN (FORMAT JSON)") for sql in statements)
