"""The dossier list API (`GET /api/v1/dossiers/`): newest first, page after page by cursor, never a count
over the table, the same number of statements whatever the page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.dossiers.factories import receive, vn
from tests.dossiers.test_api import client_for


def _codes(body) -> list[str]:
    return [row["code"] for row in body["results"]]


def test_an_officer_walks_the_list_newest_first_by_cursor_without_a_count(desk):
    made = [receive(desk, at=vn(2026, 3, 2, 8 + hour)) for hour in range(5)]
    newest_first = [d.code for d in reversed(made)]
    api = client_for(desk.officer_a)

    first = api.get("/api/v1/dossiers/", {"page_size": 2}).json()
    assert "count" not in first
    assert first["previous"] is None
    assert _codes(first) == newest_first[:2]
    second = api.get(first["next"]).json()
    assert _codes(second) == newest_first[2:4]
    third = api.get(second["next"]).json()
    assert _codes(third) == newest_first[4:]
    assert third["next"] is None
    assert _codes(api.get(third["previous"]).json()) == newest_first[2:4]


def test_dossiers_submitted_in_the_same_second_are_neither_repeated_nor_skipped(desk):
    same = [receive(desk, at=vn(2026, 3, 2, 9)) for _ in range(3)]
    api = client_for(desk.officer_a)
    seen, url, params = [], "/api/v1/dossiers/", {"page_size": 2}
    while url:
        body = api.get(url, params).json()
        seen += _codes(body)
        url, params = body["next"], None
    assert sorted(seen) == sorted(d.code for d in same)


def test_a_broken_cursor_is_a_clear_404_not_a_500(desk):
    response = client_for(desk.officer_a).get("/api/v1/dossiers/", {"cursor": "%%%not-a-cursor"})
    assert response.status_code == 404
    assert "Con trỏ trang không hợp lệ" in response.json()["detail"]


def test_a_page_costs_the_same_statements_for_two_rows_or_twenty_and_counts_nothing(desk):
    api = client_for(desk.officer_a)
    receive(desk, at=vn(2026, 3, 2, 8))
    receive(desk, at=vn(2026, 3, 2, 9))

    def statements() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/api/v1/dossiers/").status_code == 200
        return [q["sql"] for q in captured.captured_queries]

    small = statements()
    for hour in range(18):
        receive(desk, at=vn(2026, 3, 3, 7).replace(minute=hour))
    large = statements()
    assert len(large) == len(small)
    assert not any("COUNT(" in sql.upper() for sql in large)
    # The scope is a list of agencies in the query, never a subquery that no index serves.
    listing = next(sql for sql in large if 'FROM "dossiers_dossier"' in sql)
    assert "SELECT" not in listing.split(" WHERE ", 1)[1]
