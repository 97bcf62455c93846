"""Periodic reports: cut-offs of NĐ 09/2019, submission, who has not reported, roll-up commune → province,
and the exports read back cell by cell."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from motcua.control import exports, reports, selectors
from motcua.control.deadlines import DeadlineBook
from motcua.control.models import ReportStatus, ReportTemplate
from motcua.org.models import Role


@pytest.mark.parametrize(
    ("frequency", "number", "start", "end"),
    [
        ("quarter", 1, date(2025, 12, 15), date(2026, 3, 14)),
        ("quarter", 3, date(2026, 6, 15), date(2026, 9, 14)),
        ("half_year", 1, date(2025, 12, 15), date(2026, 6, 14)),
        ("year", 1, date(2025, 12, 15), date(2026, 12, 14)),
    ],
)
def test_reporting_periods_follow_the_cutoff_rule(db, frequency, number, start, end):
    period = reports.reporting_period(frequency=frequency, year=2026, number=number)
    assert (period.start, period.end) == (start, end)


def test_the_default_due_date_counts_working_days_after_the_cutoff(province):
    period = reports.reporting_period(frequency="quarter", year=2026, number=1)
    # Cut-off Saturday 14/3/2026; three working days: 16, 17, 18 March.
    assert reports.default_due_on(period, province.committee) == date(2026, 3, 18)


@pytest.fixture
def request_q1(plan, officer, commune_a, commune_b, province):
    return reports.request_reports(
        actor=officer,
        plan=plan,
        template=ReportTemplate.objects.get(code="KSTTHC-DK"),
        period=reports.reporting_period(frequency="quarter", year=2026, number=1),
        title="Báo cáo kiểm soát TTHC quý I/2026",
        agencies=[commune_a, commune_b, province.department],
    )


ZERO_FIELDS = (
    "tthc_published",
    "tthc_posted",
    "tthc_reviewed",
    "simplification_proposals",
    "received_postal",
    "carried_over",
    "done_on_time",
    "done_late",
    "pending_in_time",
    "pending_overdue",
    "apologies",
    "feedback_received",
    "feedback_handled",
    "feedback_published",
    "communication_activities",
)


def save_report(**kwargs):
    """The agencies' figures come from their own registers, not from dossiers on the platform: each one
    that differs from the platform's (zero here) carries its reason."""
    return reports.save_report(
        reasons=dict.fromkeys(REASONED, "Số liệu theo sổ theo dõi của cơ quan"), **kwargs
    )


REASONED = ("received_online", "received_direct", "done_on_time")


def figures(online, direct, **extra):
    return {
        "received_online": online,
        "received_direct": direct,
        **dict.fromkeys(ZERO_FIELDS, 0),
        **extra,
    }


def test_figures_roll_up_the_tree_and_the_owner_sees_who_has_not_reported(
    request_q1, officer, staff_a, staff_b, commune_a, commune_b, province, make_staff
):
    division_a = province.communes["Xã A"]["division"]
    request_q1.agencies.add(division_a)
    division_staff = make_staff(division_a, Role.SPECIALIST, username="phong-kt-a")
    save_report(
        actor=staff_a,
        request=request_q1,
        agency=commune_a,
        values=figures(120, "30", difficulties="Mạng chậm"),
        number="25/BC-UBND",
        submit=True,
    )
    save_report(
        actor=division_staff, request=request_q1, agency=division_a, values=figures(5, 1), submit=True
    )
    save_report(actor=staff_b, request=request_q1, agency=commune_b, values=figures(80, 20))  # draft only

    field_online = next(
        f for f in reports.template_fields(request_q1.template) if f.code == "received_online"
    )
    assert reports.rollup(request_q1, commune_a)[field_online.pk] == Decimal(125)  # commune + its division
    assert reports.rollup(request_q1, province.committee)[field_online.pk] == Decimal(125)  # B is a draft
    save_report(actor=staff_b, request=request_q1, agency=commune_b, values=figures(80, 20), submit=True)
    assert reports.rollup(request_q1, province.committee)[field_online.pk] == Decimal(205)

    states = {
        row.agency: row.state for row in selectors.request_overview(officer, request_q1, DeadlineBook())
    }
    assert states[province.department] == "missing"
    assert {states[commune_a], states[commune_b]} <= {"on_time", "late"}


def test_a_commune_never_sees_another_communes_report(request_q1, staff_a, staff_b, commune_a, commune_b):
    save_report(actor=staff_b, request=request_q1, agency=commune_b, values=figures(80, 20), submit=True)
    rows = selectors.request_overview(staff_a, request_q1, DeadlineBook())
    assert [row.agency for row in rows] == [commune_a]
    assert list(selectors.request_agencies(staff_a, request_q1)) == [commune_a]


def test_a_report_is_filled_only_by_its_agency_and_checked(request_q1, staff_a, staff_b, commune_a):
    with pytest.raises(PermissionDenied):
        save_report(actor=staff_b, request=request_q1, agency=commune_a, values=figures(1, 1))
    with pytest.raises(ValidationError, match="không âm"):
        save_report(actor=staff_a, request=request_q1, agency=commune_a, values=figures("-3", 1))
    with pytest.raises(ValidationError, match="Chưa nhập số liệu"):
        save_report(
            actor=staff_a, request=request_q1, agency=commune_a, values={"received_online": 1}, submit=True
        )
    report = save_report(
        actor=staff_a, request=request_q1, agency=commune_a, values=figures("1.5", 2), submit=True
    )
    assert report.status == ReportStatus.SUBMITTED
    with pytest.raises(ValidationError, match=r"(?i)đã gửi"):
        save_report(actor=staff_a, request=request_q1, agency=commune_a, values=figures(1, 1))


def test_excel_export_reads_back_cell_by_cell(
    request_q1, officer, staff_a, staff_b, commune_a, commune_b, province
):
    save_report(actor=staff_a, request=request_q1, agency=commune_a, values=figures(120, 30), submit=True)
    save_report(actor=staff_b, request=request_q1, agency=commune_b, values=figures(80, 20), submit=True)
    agencies = list(selectors.request_agencies(officer, request_q1))
    table = exports.request_table(
        request_q1, agencies=agencies, total_for=province.committee, day=date(2026, 3, 18), number="30/BC-VP"
    )
    sheet = load_workbook(BytesIO(exports.table_workbook(table))).active

    assert sheet["A1"].value is None  # the provincial Committee has no superior agency above it
    assert sheet["A2"].value == "UBND TỈNH THỬ"
    assert sheet["A3"].value == "Số: 30/BC-VP"
    assert sheet["D1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["D2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert sheet["D3"].value == "Thử, ngày 18 tháng 03 năm 2026"
    assert sheet["A5"].value == "BÁO CÁO KIỂM SOÁT TTHC QUÝ I/2026"
    assert sheet["A6"].value == "Kỳ báo cáo: Quý I năm 2026 (từ 15/12/2025 đến 14/03/2026)"
    header = [cell.value for cell in sheet[8]]
    assert header == ["STT", "Chỉ tiêu", "Đơn vị tính", "UBND Xã A", "UBND Xã B", "Sở Tư pháp", "Tổng cộng"]
    assert [sheet.cell(9, c).value for c in (1, 2)] == ["I", "Công bố, công khai thủ tục hành chính"]
    rows = {
        sheet.cell(r, 2).value: [sheet.cell(r, c).value for c in range(3, 8)]
        for r in range(9, sheet.max_row + 1)
    }
    assert rows["Hồ sơ tiếp nhận trực tuyến"] == ["hồ sơ", 120, 80, None, 200]
    assert rows["Hồ sơ tiếp nhận trực tiếp"] == ["hồ sơ", 30, 20, None, 50]
    assert sheet.cell(8, 1).font.bold
    assert sheet.merged_cells.ranges


def test_pdf_export_is_a_pdf_with_the_national_motto(request_q1, officer, staff_a, commune_a, province):
    save_report(actor=staff_a, request=request_q1, agency=commune_a, values=figures(120, 30), submit=True)
    table = exports.request_table(request_q1, agencies=[commune_a], total_for=None, day=date(2026, 3, 18))
    pdf = exports.table_pdf(table, signer="Nguyễn Văn A")
    assert pdf.startswith(b"%PDF")
    from weasyprint import HTML  # noqa: F401  (the export really ran WeasyPrint)

    text = _pdf_text(pdf)
    if text is not None:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text


def _pdf_text(pdf: bytes) -> str | None:
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
