"""Statement budgets of the control dashboard and the emulation scorecard (issue 23): a change that adds
statements to either page fails here; lower the budget when a change removes some.

Most of what remains is the actor's scope (`visible_agencies`, re-read by each selector the pages call)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="budgets are counted on PostgreSQL, the production database"
)

BUDGETS = {"/kiem-soat/tong-quan/?nam=2026": 41, "/kiem-soat/thi-dua/": 40}


@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_page_stays_within_its_statement_budget(client, plan, officer, url):
    client.force_login(officer)
    client.get(url)  # the calendar and the parameters are in memory from now on, as in a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured.captured_queries) <= BUDGETS[url], "\n".join(
        q["sql"][:160] for q in captured.captured_queries
    )
