"""The pages through Django's test client: scoping, bad input, the dashboard and the exports."""

import json
import re
from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from motcua.control import reports, services
from motcua.control.models import OccurrenceStatus, ReportTemplate


@pytest.fixture
def occurrence(plan):
    return plan.tasks.get(number=1).occurrences.get()


def test_every_page_renders_for_the_owner(client, plan, officer, occurrence):
    client.force_login(officer)
    for url in (
        "/kiem-soat/",
        f"/kiem-soat/ke-hoach/{plan.pk}/",
        f"/kiem-soat/nhiem-vu/{occurrence.task_id}/",
        "/kiem-soat/viec-cua-toi/",
        "/kiem-soat/bao-cao/",
        "/kiem-soat/tong-quan/?nam=2026",
        "/kiem-soat/thi-dua/",
        "/kiem-soat/nhac-viec/",
        "/tuyen-truyen/",
        "/kiem-soat/ke-hoach/moi/",
        f"/kiem-soat/ke-hoach/{plan.pk}/nhiem-vu/moi/",
        f"/kiem-soat/ke-hoach/{plan.pk}/chi-tieu/moi/",
        f"/kiem-soat/ke-hoach/{plan.pk}/bao-cao/moi/",
        f"/kiem-soat/ke-hoach/{plan.pk}/xay-dung/",
    ):
        assert client.get(url).status_code == 200, url


def test_citizens_and_visitors_are_kept_out(client, plan, django_user_model):
    assert client.get("/kiem-soat/").status_code == 302
    citizen = django_user_model.objects.create_user("congdan", password="x", account_type="citizen")
    client.force_login(citizen)
    assert client.get("/kiem-soat/").status_code == 403


def test_a_commune_reports_progress_with_evidence_through_the_page(client, occurrence, staff_a, commune_a):
    client.force_login(staff_a)
    response = client.post(
        f"/kiem-soat/ky/{occurrence.pk}/bao-cao/",
        {
            "agency": commune_a.pk,
            "percent": "100",
            "text": "Đã niêm yết",
            "is_completion": "on",
            "files": [SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4")],
        },
        follow=True,
    )
    assert "Đã gửi báo cáo tiến độ." in response.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.SUBMITTED
    evidence = occurrence.reports.get().evidence.get()
    assert client.get(reverse("core:download", args=["control-evidence", evidence.pk])).status_code == 200


def test_bad_input_gets_a_vietnamese_message_not_an_error_page(
    client, occurrence, staff_b, commune_a, staff_a
):
    client.force_login(staff_a)
    page = client.post(
        f"/kiem-soat/ky/{occurrence.pk}/bao-cao/",
        {"agency": commune_a.pk, "percent": "150", "text": "x"},
        follow=True,
    )
    assert page.status_code == 200
    assert "Báo cáo tiến độ chưa hợp lệ" in page.content.decode()
    client.force_login(staff_b)  # B supports the task but cannot report for A
    page = client.post(
        f"/kiem-soat/ky/{occurrence.pk}/bao-cao/",
        {"agency": commune_a.pk, "percent": "10", "text": "x"},
        follow=True,
    )
    assert page.status_code == 200
    assert "chưa hợp lệ" in page.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.reports.count() == 0


def test_the_owner_reviews_on_the_page_and_the_dashboard_counts_it(
    client, occurrence, staff_a, officer, commune_a
):
    from django.utils import timezone

    services.report_progress(
        actor=staff_a,
        occurrence=occurrence,
        agency=commune_a,
        percent=100,
        text="Xong",
        is_completion=True,
        submitted_at=timezone.make_aware(timezone.datetime(2026, 3, 20, 9)),
    )
    client.force_login(officer)
    report = occurrence.reports.get()
    client.post(f"/kiem-soat/bao-cao-tien-do/{report.pk}/duyet/", {"decision": "accept", "comment": ""})
    response = client.get("/kiem-soat/tong-quan/?nam=2026")
    page = response.content.decode()
    assert 'id="count-on-time">1<' in page
    # The chart reads an object (not a JSON string inside JSON) with one bar per lead agency.
    chart = json.loads(re.search(r'id="chart-data"[^>]*>(.*?)</script>', page, re.S).group(1))
    assert chart["labels"] == [
        s.agency.short_name or s.agency.name for s in response.context["data"].by_agency
    ]
    assert sum(chart["on_time"]) == 1
    drill = client.get(f"/kiem-soat/tong-quan/co-quan/{commune_a.pk}/?nam=2026").content.decode()
    assert "Hoàn thành đúng hạn" in drill


def test_a_commune_cannot_open_another_communes_report(
    client, plan, officer, staff_a, staff_b, commune_a, commune_b
):
    request = reports.request_reports(
        actor=officer,
        plan=plan,
        template=ReportTemplate.objects.get(code="KSTTHC-DK"),
        period=reports.reporting_period(frequency="quarter", year=2026, number=1),
        title="Báo cáo quý I",
        agencies=[commune_a, commune_b],
    )
    client.force_login(staff_a)
    assert client.get(f"/kiem-soat/bao-cao/{request.pk}/co-quan/{commune_b.pk}/").status_code == 404
    assert client.get(f"/kiem-soat/bao-cao/{request.pk}/co-quan/{commune_a.pk}/").status_code == 200


def test_scorecard_exports_to_excel(client, plan, officer, occurrence, staff_a, commune_a):
    client.force_login(officer)
    response = client.get("/kiem-soat/thi-dua/?start=2026-01-01&end=2026-06-30&xuat=xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    # The national motto heads the right half of the table (15 columns, and one per weighted measure + score).
    right = [c.value for c in sheet[1][sheet.max_column // 2 - 1 :]]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert [sheet.cell(8, c).value for c in (1, 2, 3, 4)] == [
        "STT",
        "Cơ quan, đơn vị",
        "Nhiệm vụ đến hạn",
        "Đúng hạn",
    ]
    rows = {
        sheet.cell(r, 2).value: [sheet.cell(r, c).value for c in range(3, 7)]
        for r in range(9, sheet.max_row + 1)
    }
    # On 30/6 with nothing reported: A's task (due 31/3) and B's two quarters are overdue, if today is later.
    if date.today() > date(2026, 6, 30):
        assert rows["UBND Xã A"] == [1, 0, 0, 1]
        assert rows["UBND Xã B"] == [2, 0, 0, 2]


def test_admin_changes_to_a_plan_are_audited(client, plan, django_user_model):
    from motcua.core.models import AuditEvent

    admin_user = django_user_model.objects.create_superuser(
        "quantri-thu", password="x", email="q@example.invalid"
    )
    client.force_login(admin_user)
    page = client.get(f"/quan-tri/control/plan/{plan.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "attachment"}
    data.update(
        {"title": "Kế hoạch KSTTHC năm 2026 (sửa)", "targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"}
    )
    response = client.post(f"/quan-tri/control/plan/{plan.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="plan.change")
    assert event.changes["title"][1] == "Kế hoạch KSTTHC năm 2026 (sửa)"
