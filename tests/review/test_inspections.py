"""Inspections and the misconduct register as an inspector checks them: the office plans an inspection of
the department, writes the minutes with a recommendation due on a day, the department reports it done with
evidence; the figures count it; the misconduct register is seen only by the office's control officers and
the leaders of the official's own agency, never by a specialist or another department."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from motcua.org.models import Role
from motcua.review.inspections import access, selectors, services
from motcua.review.inspections.models import Source

from .conftest import staff

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def inspect(world):
    inspection = services.plan_inspection(
        actor=world.officer,
        plan=world.plan,
        agencies=[world.justice],
        subject="Kiểm tra việc thực hiện kế hoạch rà soát và cơ chế một cửa",
        starts_on=date(2026, 5, 11),
        ends_on=date(2026, 5, 12),
    )
    services.record_minutes(
        actor=world.officer,
        inspection=inspection,
        number="05/BB-KT",
        minutes_on=date(2026, 5, 12),
        findings="Còn 3 hồ sơ trễ hạn chưa xin lỗi người dân",
        recommendations=[
            {"agency": world.justice, "text": "Gửi thư xin lỗi, công khai", "due_on": date(2026, 6, 12)},
        ],
    )
    return inspection


def test_an_inspection_from_plan_to_followed_recommendation(world):
    inspection = inspect(world)
    recommendation = inspection.recommendations.get()
    counts = selectors.counts(world.officer, year=2026, today=date(2026, 7, 1))
    assert (counts.inspections, counts.with_minutes, counts.recommendations, counts.overdue) == (1, 1, 1, 1)
    with pytest.raises(PermissionDenied):
        services.report_done(
            actor=world.outsider, recommendation=recommendation, done_on=date(2026, 6, 20), evidence="x"
        )
    with pytest.raises(ValidationError):
        services.report_done(
            actor=world.reviewer, recommendation=recommendation, done_on=date(2026, 6, 20), evidence=""
        )
    services.report_done(
        actor=world.reviewer,
        recommendation=recommendation,
        done_on=date(2026, 6, 20),
        evidence="Công văn 12/STP",
    )
    counts = selectors.counts(world.officer, year=2026, today=date(2026, 7, 1))
    assert (counts.done, counts.done_late, counts.overdue) == (1, 1, 0)
    assert selectors.inspection_for(world.reviewer, inspection.pk) == inspection
    with pytest.raises(Http404):
        selectors.inspection_for(world.outsider, inspection.pk)


def test_recommendations_go_to_inspected_agencies_only(world):
    inspection = services.plan_inspection(
        actor=world.officer,
        plan=world.plan,
        agencies=[world.justice],
        subject="Kiểm tra",
        starts_on=date(2026, 5, 11),
        ends_on=date(2026, 5, 12),
    )
    with pytest.raises(ValidationError):
        services.record_minutes(
            actor=world.officer,
            inspection=inspection,
            number="06/BB-KT",
            minutes_on=date(2026, 5, 12),
            findings="",
            recommendations=[{"agency": world.health, "text": "x", "due_on": date(2026, 6, 1)}],
        )
    with pytest.raises(PermissionDenied):
        services.plan_inspection(
            actor=world.reviewer,
            plan=world.plan,
            agencies=[world.justice],
            subject="x",
            starts_on=date(2026, 5, 11),
            ends_on=date(2026, 5, 12),
        )


def test_the_misconduct_register_is_seen_only_by_the_roles_that_handle_it(world):
    inspection = inspect(world)
    case = services.record_case(
        actor=world.officer,
        agency=world.justice,
        official="Nguyễn Văn A",
        source=Source.INSPECTION,
        inspection=inspection,
        occurred_on=date(2026, 5, 12),
        description="Yêu cầu bổ sung giấy tờ ngoài quy định",
    )
    leader = staff("giamdoc.tuphap", world.justice, Role.AGENCY_LEADER)
    other_leader = staff("giamdoc.yte", world.health, Role.AGENCY_LEADER)
    services.record_measures(
        actor=leader, case=case, measures="Kiểm điểm, nhắc nhở", measures_on=date(2026, 5, 20)
    )
    assert list(access.misconduct_for(world.officer)) == [case]
    assert list(access.misconduct_for(leader)) == [case]
    for outsider in (world.reviewer, other_leader, world.outsider):
        assert not access.misconduct_for(outsider).exists()
        with pytest.raises(Http404):
            selectors.case_for(outsider, case.pk)
    with pytest.raises(PermissionDenied):
        services.record_case(
            actor=world.reviewer,
            agency=world.justice,
            official="B",
            source=Source.RATING,
            occurred_on=date(2026, 5, 1),
            description="x",
        )
    with pytest.raises(ValidationError):  # feedback as the source needs the conduct feedback itself
        services.record_case(
            actor=world.officer,
            agency=world.justice,
            official="B",
            source=Source.FEEDBACK,
            occurred_on=date(2026, 5, 1),
            description="x",
        )


def test_the_pages_over_http(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from motcua.review.inspections.models import Inspection, MisconductCase

    client.force_login(world.officer)
    assert client.get(reverse("review:inspections")).status_code == 200
    posted = client.post(
        reverse("review:inspections"),
        {
            "plan": world.plan.pk,
            "agencies": [world.justice.pk],
            "subject": "Kiểm tra cơ chế một cửa",
            "starts_on": "2026-05-11",
            "ends_on": "2026-05-12",
        },
    )
    assert posted.status_code == 302
    inspection = Inspection.objects.get()
    url = reverse("review:inspection", args=[inspection.pk])
    minutes = {"section": "minutes", "number": "05/BB-KT", "minutes_on": "2026-05-12", "findings": "Tồn tại"}
    assert client.post(url, minutes).status_code == 302
    added = {
        "section": "recommendation",
        "agency": world.justice.pk,
        "text": "Khắc phục",
        "due_on": "2026-06-12",
    }
    assert client.post(url, added).status_code == 302
    row = inspection.recommendations.get()
    client.force_login(world.reviewer)
    page = client.get(url).content.decode()
    assert "Báo cáo hoàn thành" in page
    report = reverse("review:recommendation_follow_up", args=[row.pk, "report"])
    done = {
        f"report-{row.pk}-done_on": "2026-06-10",
        f"report-{row.pk}-evidence": "Công văn 12/STP",
        f"report-{row.pk}-files": SimpleUploadedFile("cv-12.pdf", PDF, content_type="application/pdf"),
    }
    assert client.post(report, done).status_code == 302
    row.refresh_from_db()
    assert (row.done_on, row.status) == (date(2026, 6, 10), "reported")
    refused = client.post(reverse("review:recommendation_follow_up", args=[row.pk, "accept"]))
    assert refused.status_code == 400  # the department does not accept its own report
    row.refresh_from_db()
    assert row.status == "reported"
    assert client.get(reverse("review:misconduct")).status_code == 403  # a specialist keeps no register
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.officer)
    case = {
        "section": "case",
        "agency": world.justice.pk,
        "official": "Nguyễn Văn A",
        "source": "rating",
        "occurred_on": "2026-05-02",
        "description": "Thái độ không đúng mực",
    }
    assert client.post(reverse("review:misconduct"), case).status_code == 302
    assert "Nguyễn Văn A" in client.get(reverse("review:misconduct")).content.decode()
    assert MisconductCase.objects.count() == 1


def test_api_reads_are_scoped(world, client):
    inspection = inspect(world)
    services.record_case(
        actor=world.officer,
        agency=world.justice,
        official="Nguyễn Văn A",
        source=Source.OTHER,
        occurred_on=date(2026, 5, 2),
        description="x",
    )
    client.force_login(world.reviewer)
    rows = client.get("/api/v1/review/inspections/").json()["results"]
    assert [r["id"] for r in rows] == [inspection.pk]
    assert rows[0]["recommendations"][0]["due_on"] == "2026-06-12"
    assert client.get("/api/v1/review/misconduct/").json()["results"] == []
    client.force_login(world.outsider)
    assert client.get("/api/v1/review/inspections/").json()["results"] == []
    assert client.get(f"/api/v1/review/inspections/{inspection.pk}/").status_code == 404
    client.force_login(world.officer)
    assert [c["official"] for c in client.get("/api/v1/review/misconduct/").json()["results"]] == [
        "Nguyễn Văn A"
    ]
