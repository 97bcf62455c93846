"""Statement budgets of the control dashboard and the emulation scorecard (issue 23): a change that adds
statements to either page fails here; lower the budget when a change removes some.

The pages are also counted with one and with four targets and report requests: what a page reads for each
row it shows (the actor's scope and managing agencies used to be re-read for every target and request) must
not grow with the rows."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.control import reports, services
from motcua.control.models import ReportTemplate, TargetSource

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="budgets are counted on PostgreSQL, the production database"
)

DASHBOARD, SCORECARD = "/kiem-soat/tong-quan/?nam=2026", "/kiem-soat/thi-dua/"
BUDGETS = {DASHBOARD: 24, SCORECARD: 27}  # 41 and 35 before the scope was read once per page
# +1 each since: the control sub-menu asks once whether the officer may see the communication entries.
# The scorecard's weighting: the weights in force, the agency tree, and one grouped read per registered
# measure (dossiers on time, satisfaction, feedback on time): 5 statements, whatever the number of rows.
# What each more target (its agencies and values) and each more report request (its agencies and
# reports) costs; the scope and the roles are not among them.
PER_ROW = {DASHBOARD: 4, SCORECARD: 4}  # 3 counted: the target's values, the request's agencies and reports


def _statements(client, url) -> list[str]:
    client.get(url)  # the calendar and the parameters are in memory from now on, as in a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def _add_rows(plan, officer, agencies, count: int) -> None:
    template = ReportTemplate.objects.get(code="KSTTHC-DK")
    first = plan.targets.count()
    for number in range(first, first + count):
        day = plan.signed_on + timedelta(days=number)
        services.add_target(
            actor=officer,
            plan=plan,
            code=f"CT{number}",
            name=f"Chỉ tiêu {number}",
            unit="%",
            target_value=Decimal(100),
            source=TargetSource.ENTERED,
            aggregation="mean",
        )
        reports.request_reports(
            actor=officer,
            plan=plan,
            template=template,
            period=reports.ad_hoc_period(start=day, end=day),
            title=f"Báo cáo đột xuất {number}",
            agencies=agencies,
            due_on=day,
        )


@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_page_stays_within_its_statement_budget(client, plan, officer, url):
    client.force_login(officer)
    statements = _statements(client, url)
    assert len(statements) <= BUDGETS[url], "\n".join(q[:160] for q in statements)


@pytest.mark.parametrize("url", list(BUDGETS))
def test_the_scope_is_read_once_whatever_the_rows(client, plan, officer, commune_a, commune_b, url):
    client.force_login(officer)
    _add_rows(plan, officer, [commune_a, commune_b], 1)
    one = _statements(client, url)
    _add_rows(plan, officer, [commune_a, commune_b], 3)
    four = _statements(client, url)
    roles = [q for q in four if 'FROM "org_roleassignment"' in q]
    # The scope, the managing roles, and the nav's two checks (the bar; the communication entries).
    assert len(roles) <= 4, "\n".join(q[:160] for q in roles)
    assert len(four) - len(one) <= 3 * PER_ROW[url], f"{len(one)} → {len(four)}\n" + "\n".join(
        q[:160] for q in four
    )
