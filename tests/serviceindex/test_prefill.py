"""The periodic TTHC-control report opens with the platform's figures (the scenario of test_scenario.py);
the agency confirms them or reports another figure with a reason that is kept."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.control import reports, services
from motcua.control.models import PlanKind, ReportTemplate
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from tests.serviceindex.factories import vn
from tests.serviceindex.test_feedback_indicators import item

DOSSIER_FIGURES = (
    "received_online",
    "received_direct",
    "received_postal",
    "carried_over",
    "done_on_time",
    "done_late",
    "pending_in_time",
    "pending_overdue",
    "apologies",
)


@pytest.fixture
def officer(scenario, make_staff):
    return make_staff(scenario.province.office, Role.CONTROL_OFFICER)


@pytest.fixture
def plan(scenario, officer):
    draft = services.create_plan(
        actor=officer,
        kind=PlanKind.TTHC_CONTROL,
        title="Kế hoạch kiểm soát TTHC năm 2026",
        issuing_agency=scenario.province.committee,
        owner_agency=scenario.province.office,
        year_from=2026,
        year_to=2026,
        number="1739/KH-UBND",
        signer="Chủ tịch UBND tỉnh",
        signed_on=date(2026, 1, 10),
    )
    services.add_task(
        actor=officer,
        plan=draft,
        content="Báo cáo tình hình giải quyết hồ sơ",
        lead_agency=scenario.a,
        start_on=date(2026, 1, 15),
        due_on=date(2026, 3, 31),
        expected_output="Báo cáo",
    )
    return services.issue_plan(actor=officer, plan=draft)


def ask(plan, officer, scenario, number):
    return reports.request_reports(
        actor=officer,
        plan=plan,
        template=ReportTemplate.objects.get(code="KSTTHC-DK"),
        period=reports.reporting_period(frequency="quarter", year=2026, number=number),
        title=f"Báo cáo kiểm soát TTHC quý {number}/2026",
        agencies=[scenario.a, scenario.b],
    )


def test_quarter_figures_of_each_commune(scenario, plan, officer):
    q1 = ask(plan, officer, scenario, 1)  # 15/12/2025–14/3/2026
    a = reports.prefilled_figures(q1, scenario.a)
    assert {k: a[k] for k in DOSSIER_FIGURES} == {
        "received_online": 2,
        "received_direct": 3,
        "received_postal": 0,
        "carried_over": 0,
        "done_on_time": 3,  # a1 early, a2 and a4 on time
        "done_late": 1,
        "pending_in_time": 0,
        "pending_overdue": 1,  # a5: due 13/3 09:00, not ended on 14/3
        "apologies": 0,
    }
    b = reports.prefilled_figures(q1, scenario.b)
    assert (b["received_online"], b["received_direct"], b["done_on_time"], b["done_late"]) == (1, 2, 1, 2)
    assert (b["pending_in_time"], b["pending_overdue"]) == (0, 0)
    assert (a["feedback_received"], a["tthc_reviewed"]) == (0, 0)  # the scenario has neither
    assert "difficulties" not in a  # no computation: typed by the agency
    # Next quarter (from 15/3): a5 is carried over.
    q2 = ask(plan, officer, scenario, 2)
    assert reports.prefilled_figures(q2, scenario.a)["carried_over"] == Decimal(1)


def test_feedback_figures_of_the_quarter(scenario, plan, officer):
    """Items are received 20 days before their due date (test_feedback_indicators.item). Q1 is
    15/12/2025–14/3/2026: received 18/2, 20/2 and 13/3 count, 31/3 does not; approved 9/3 counts, 15/3
    does not; published 11/3 counts, 16/3 does not. B's item is not A's."""
    a = scenario.a
    item(a, due=vn(2026, 3, 10, 17), approved=vn(2026, 3, 9, 9), published=vn(2026, 3, 11, 9))
    item(a, due=vn(2026, 3, 12, 17), approved=vn(2026, 3, 15, 9), published=vn(2026, 3, 16, 9))
    item(a, due=vn(2026, 4, 2, 17))
    item(a, due=vn(2026, 4, 20, 17))
    item(scenario.b, due=vn(2026, 3, 10, 17), approved=vn(2026, 3, 9, 9), published=vn(2026, 3, 11, 9))
    q1 = ask(plan, officer, scenario, 1)
    got = reports.prefilled_figures(q1, a)
    assert (got["feedback_received"], got["feedback_handled"], got["feedback_published"]) == (3, 1, 1)


def test_a_corrected_figure_needs_a_reason_that_is_kept(scenario, plan, officer, make_staff):
    q1 = ask(plan, officer, scenario, 1)
    staff = make_staff(scenario.a, Role.SPECIALIST)
    values = {k: str(v) for k, v in reports.prefilled_figures(q1, scenario.a).items()}
    values["received_direct"] = "4"
    with pytest.raises(ValidationError, match="cần ghi lý do"):
        reports.save_report(actor=staff, request=q1, agency=scenario.a, values=values)
    report = reports.save_report(
        actor=staff,
        request=q1,
        agency=scenario.a,
        values=values,
        reasons={"received_direct": "Một hồ sơ nhận ngoài hệ thống ngày 12/3", "received_online": "bỏ qua"},
    )
    kept = {v.field.code: v for v in report.values.select_related("field")}
    assert (kept["received_direct"].number, kept["received_direct"].prefilled) == (4, 3)
    assert kept["received_direct"].correction_reason == "Một hồ sơ nhận ngoài hệ thống ngày 12/3"
    assert kept["received_online"].correction_reason == ""  # the platform's figure needs no reason
    event = AuditEvent.objects.get(action="report.correct_figure")
    assert event.changes == {"received_direct": ["3", "4"]}
    assert event.reason == "Một hồ sơ nhận ngoài hệ thống ngày 12/3"


def test_the_report_page_opens_with_the_figures(client, scenario, plan, officer, make_staff):
    q1 = ask(plan, officer, scenario, 1)
    client.force_login(make_staff(scenario.a, Role.SPECIALIST))
    url = f"/kiem-soat/bao-cao/{q1.pk}/co-quan/{scenario.a.pk}/"
    html = client.get(url).content.decode()
    assert 'name="f_received_online" inputmode="decimal" value="2"' in html
    assert "Số liệu hệ thống: 3." in html
    figures = {k: str(v) for k, v in reports.prefilled_figures(q1, scenario.a).items()}
    posted = {f"f_{k}": v for k, v in figures.items()} | {"f_received_direct": "5", "save": "1"}
    refused = client.post(url, posted).content.decode()
    assert "cần ghi lý do" in refused
    assert 'value="5"' in refused
    client.post(url, posted | {"r_received_direct": "Nhận bổ sung ngoài hệ thống"})
    again = client.get(url).content.decode()
    assert 'value="Nhận bổ sung ngoài hệ thống"' in again


def test_monthly_periods_follow_the_cutoff_rule(db):
    period = reports.reporting_period(frequency="month", year=2026, number=3)
    assert (period.start, period.end, period.label) == (
        date(2026, 2, 15),
        date(2026, 3, 14),
        "Tháng 3 năm 2026",
    )


def test_an_ad_hoc_request_covers_any_range_and_is_prefilled(client, scenario, plan, officer):
    client.force_login(officer)
    url = f"/kiem-soat/ke-hoach/{plan.pk}/bao-cao/moi/"
    base = {
        "title": "Báo cáo đột xuất tình hình giải quyết hồ sơ tháng 3",
        "template": ReportTemplate.objects.get(code="KSTTHC-DK").pk,
        "frequency": "ad_hoc",
        "year": 2026,
        "start": "2026-03-01",
        "end": "2026-03-31",
        "agencies": [scenario.a.pk],
    }
    refused = client.post(url, base)
    assert refused.status_code == 200
    assert "Báo cáo đột xuất cần trường này" in refused.content.decode()
    response = client.post(url, base | {"due_on": "2026-04-03"})
    assert response.status_code == 302
    request = plan.report_requests.get()
    assert (request.period.frequency, request.period.start, request.period.end) == (
        "ad_hoc",
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    figures = reports.prefilled_figures(request, scenario.a)
    assert (figures["received_online"], figures["received_direct"], figures["done_on_time"]) == (2, 3, 3)
    assert reports.ad_hoc_period(start=date(2026, 3, 1), end=date(2026, 3, 31)) == request.period
    with pytest.raises(ValidationError):
        reports.ad_hoc_period(start=date(2026, 3, 31), end=date(2026, 3, 1))
