"""Progress reporting and review: an agency reports only its own progress; the plan's owner reviews."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.control import services
from motcua.control.models import OccurrenceStatus, ReviewStatus, TaskAcceptance
from motcua.core.models import AuditEvent


@pytest.fixture
def occurrence(plan):
    return plan.tasks.get(number=1).occurrences.get()


def test_the_lead_agency_reports_with_evidence_and_the_owner_accepts(occurrence, staff_a, officer, commune_a):
    report = services.report_progress(
        actor=staff_a,
        occurrence=occurrence,
        agency=commune_a,
        percent=40,
        text="Đang niêm yết",
        files=[SimpleUploadedFile("anh-niem-yet.jpg", b"\xff\xd8\xff\xe0 JFIF")],
    )
    occurrence.refresh_from_db()
    assert (occurrence.status, occurrence.percent) == (OccurrenceStatus.OPEN, 40)
    assert report.evidence.get().name == "anh-niem-yet.jpg"
    assert TaskAcceptance.objects.filter(task=occurrence.task, agency=commune_a).exists()

    done = services.report_progress(
        actor=staff_a,
        occurrence=occurrence,
        agency=commune_a,
        percent=90,
        text="Đã niêm yết đủ",
        is_completion=True,
        submitted_at=timezone.make_aware(datetime(2026, 3, 30, 10)),
    )
    occurrence.refresh_from_db()
    assert done.percent == 100
    assert done.review_status == ReviewStatus.PENDING
    assert occurrence.status == OccurrenceStatus.SUBMITTED

    services.review_progress(actor=officer, report=done, accept=True, comment="Đạt yêu cầu")
    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.DONE
    # Done on the day the commune reported, not the day the office reviewed.
    assert occurrence.completed_on == date(2026, 3, 30)
    assert AuditEvent.objects.filter(action="progress.review", actor=officer).exists()


def test_another_commune_cannot_report_for_commune_a(occurrence, staff_b, commune_a):
    with pytest.raises(PermissionDenied):
        services.report_progress(actor=staff_b, occurrence=occurrence, agency=commune_a, percent=10, text="x")


def test_a_supporting_agency_reports_its_part_but_cannot_declare_the_task_done(
    occurrence, staff_b, commune_b
):
    services.report_progress(
        actor=staff_b, occurrence=occurrence, agency=commune_b, percent=50, text="Đã phối hợp"
    )
    occurrence.refresh_from_db()
    assert occurrence.percent == 0  # the lead agency's figure is the task's figure
    with pytest.raises(ValidationError, match="cơ quan chủ trì"):
        services.report_progress(
            actor=staff_b, occurrence=occurrence, agency=commune_b, percent=100, text="x", is_completion=True
        )


def test_only_the_owner_reviews_and_a_return_needs_a_reason(occurrence, staff_a, staff_b, officer, commune_a):
    done = services.report_progress(
        actor=staff_a, occurrence=occurrence, agency=commune_a, percent=100, text="Xong", is_completion=True
    )
    with pytest.raises(PermissionDenied):
        services.review_progress(actor=staff_a, report=done, accept=True)
    with pytest.raises(PermissionDenied):
        services.review_progress(actor=staff_b, report=done, accept=True)
    with pytest.raises(ValidationError, match="lý do"):
        services.review_progress(actor=officer, report=done, accept=False, comment=" ")
    services.review_progress(actor=officer, report=done, accept=False, comment="Thiếu ảnh minh chứng")
    occurrence.refresh_from_db()
    assert occurrence.status == OccurrenceStatus.RETURNED
    # Sent back, the commune can report again.
    services.report_progress(
        actor=staff_a,
        occurrence=occurrence,
        agency=commune_a,
        percent=100,
        text="Bổ sung",
        is_completion=True,
    )


def test_evidence_of_a_forbidden_type_is_refused(occurrence, staff_a, commune_a):
    with pytest.raises(ValidationError, match="chương trình"):
        services.report_progress(
            actor=staff_a,
            occurrence=occurrence,
            agency=commune_a,
            percent=10,
            text="x",
            files=[SimpleUploadedFile("virus.exe", b"MZ")],
        )
