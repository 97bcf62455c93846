"""Follow-up of an inspection's recommendations as the inspector checks it: the inspected department reports
a recommendation done with its evidence files (checked by content), the office's control officer sends it
back or accepts it; only accepted results count in the periodic report; the files are served only to those
who see the inspection; the minutes read back as PDF and Excel with the recommendations, and a formula
typed into the minutes stays text in Excel."""

import subprocess
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from motcua.control.computations import AgencyGroups
from motcua.core.models import AuditEvent
from motcua.core.workflow import ActionNotAllowed, ActionNotPossible
from motcua.review.inspections import computations, selectors, services
from motcua.review.inspections.models import EvidenceFile

from .test_inspections import PDF, inspect

pytestmark = pytest.mark.django_db


def _pdf(name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_reported_then_sent_back_then_accepted(world):
    inspection = inspect(world)
    row = inspection.recommendations.get()
    with pytest.raises(ActionNotPossible):  # nothing reported yet
        services.accept_report(actor=world.officer, recommendation=row, accepted_on=date(2026, 6, 1))
    services.report_done(
        actor=world.reviewer,
        recommendation=row,
        done_on=date(2026, 6, 5),
        evidence="Công văn 12/STP kèm thư xin lỗi",
        files=[_pdf("cv-12.pdf")],
    )
    row.refresh_from_db()
    assert row.status == "reported"
    assert row.files.get().name == "cv-12.pdf"
    with pytest.raises(ActionNotAllowed):  # the department does not accept its own report
        services.accept_report(actor=world.reviewer, recommendation=row, accepted_on=date(2026, 6, 6))
    with pytest.raises(ValidationError):
        services.send_back(actor=world.officer, recommendation=row, reason="  ")
    services.send_back(actor=world.officer, recommendation=row, reason="Thiếu thư xin lỗi hồ sơ thứ ba")
    row.refresh_from_db()
    assert (row.status, row.done_on, row.returned_reason) == ("open", None, "Thiếu thư xin lỗi hồ sơ thứ ba")
    counts = selectors.counts(world.officer, year=2026, today=date(2026, 7, 1))
    assert (counts.done, counts.overdue, counts.accepted) == (0, 1, 0)  # sent back: open and overdue again

    services.report_done(
        actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 10), evidence="Bổ sung thư thứ ba"
    )
    with pytest.raises(ValidationError):  # accepted before it was reported
        services.accept_report(actor=world.officer, recommendation=row, accepted_on=date(2026, 6, 9))
    services.accept_report(actor=world.officer, recommendation=row, accepted_on=date(2026, 6, 11))
    row.refresh_from_db()
    assert (row.status, row.accepted_on, row.accepted_by) == ("accepted", date(2026, 6, 11), world.officer)
    counts = selectors.counts(world.officer, year=2026, today=date(2026, 7, 1))
    assert (counts.done, counts.done_late, counts.accepted, counts.awaiting_acceptance) == (1, 0, 1, 0)
    with pytest.raises(ActionNotPossible):
        services.report_done(
            actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 12), evidence="x"
        )
    actions = list(
        AuditEvent.objects.filter(action__startswith="recommendation.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "recommendation.create",
        "recommendation.done",
        "recommendation.send_back",
        "recommendation.done",
        "recommendation.accept",
    ]


def test_only_accepted_results_count_in_the_periodic_report(world):
    inspection = inspect(world)
    row = inspection.recommendations.get()
    groups: AgencyGroups = [frozenset({world.justice.pk})]
    figure = computations.recommendations_done
    services.report_done(actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 5), evidence="x")
    assert figure(groups, date(2026, 1, 1), date(2026, 12, 31), {}) == Decimal(0)
    services.accept_report(actor=world.officer, recommendation=row, accepted_on=date(2026, 6, 6))
    assert figure(groups, date(2026, 1, 1), date(2026, 12, 31), {}) == Decimal(1)


def test_evidence_files_are_checked_by_content_and_nothing_is_kept_when_refused(world):
    row = inspect(world).recommendations.get()
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 a program", content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.report_done(
            actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 5), evidence="x", files=[fake]
        )
    row.refresh_from_db()
    assert (row.status, row.done_on, EvidenceFile.objects.count()) == ("open", None, 0)
    with pytest.raises(PermissionDenied):
        services.report_done(
            actor=world.outsider, recommendation=row, done_on=date(2026, 6, 5), evidence="x", files=[_pdf()]
        )


def test_a_file_is_served_to_those_who_see_the_inspection_only(world, client):
    row = inspect(world).recommendations.get()
    services.report_done(
        actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 5), evidence="x", files=[_pdf()]
    )
    url = reverse("core:download", args=["review-evidence", row.files.get().pk])
    for user, status in ((world.reviewer, 200), (world.officer, 200), (world.outsider, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
        if status == 200:
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_refused_file_over_http_is_a_message_on_the_form(world, client):
    row = inspect(world).recommendations.get()
    client.force_login(world.reviewer)
    response = client.post(
        reverse("review:recommendation_follow_up", args=[row.pk, "report"]),
        {
            f"report-{row.pk}-done_on": "2026-06-05",
            f"report-{row.pk}-evidence": "Công văn",
            f"report-{row.pk}-files": SimpleUploadedFile(
                "x.pdf", b"<html><script>", content_type="text/html"
            ),
        },
    )
    assert response.status_code == 400
    assert "không được nhận" in response.content.decode()
    assert (
        client.post(reverse("review:recommendation_follow_up", args=[row.pk, "nonsense"])).status_code == 404
    )


def test_the_minutes_read_back_as_pdf_and_excel(world, client):
    inspection = inspect(world)
    inspection.findings = '=HYPERLINK("http://x.example","Bấm vào")'
    inspection.save()
    row = inspection.recommendations.get()
    services.report_done(
        actor=world.reviewer, recommendation=row, done_on=date(2026, 6, 5), evidence="CV 12", files=[_pdf()]
    )
    client.force_login(world.reviewer)
    pdf = client.get(reverse("review:inspection_minutes_pdf", args=[inspection.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True).stdout
    text = text.decode()
    for expected in (
        "BIÊN BẢN KIỂM TRA",
        "05/BB-KT",
        "ngày 12 tháng 05 năm 2026",
        "Gửi thư xin lỗi",
        "12/06/2026",
    ):
        assert expected in text, expected
    xlsx = client.get(reverse("review:inspection_minutes_xlsx", args=[inspection.pk]))
    assert xlsx["Content-Disposition"].startswith("attachment")
    book = load_workbook(BytesIO(xlsx.content))
    minutes, rows = book.worksheets
    findings = next(r[1] for r in minutes.iter_rows() if r[0].value == "Kết quả kiểm tra, tồn tại")
    assert findings.data_type == "s"
    assert findings.quotePrefix
    values = [c.value for c in rows[4]]
    assert values[:5] == [
        1,
        "Gửi thư xin lỗi, công khai",
        world.justice.name,
        "12/06/2026",
        "Chờ chấp nhận kết quả",
    ]
    assert values[7] == "cv.pdf"
    client.force_login(world.outsider)
    assert client.get(reverse("review:inspection_minutes_pdf", args=[inspection.pk])).status_code == 404
