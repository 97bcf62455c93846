"""Training: courses with attendees taken from the organisation's users and roles, the attendance, the
certificates (PDF read back with pdftotext), the Excel lists, and the target "100% of commune one-stop
officers trained" computed from the attendance rows."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from motcua.control.computations import get as computation
from motcua.core.models import AuditEvent
from motcua.org.models import Role, RoleAssignment
from motcua.outreach import training
from motcua.outreach.models import ActivityKind, Attendance, CommunicationActivity, TrainingCourse
from tests.dossiers.test_papers import pdf_text as papers_text

RATE = "outreach.officials_trained_rate"
TODAY = timezone.localdate()
HELD = TODAY - timedelta(days=20)  # a course already held: attendance and certificates may be recorded
YEAR = (HELD - timedelta(days=60), HELD + timedelta(days=10))


@pytest.fixture
def setup(province, make_staff):
    a, b = province.communes["Xã A"], province.communes["Xã B"]
    return {
        "province": province,
        "writer": make_staff(province.office, Role.COMMUNICATION_OFFICER, username="tuyentruyen"),
        "a1": make_staff(a["centre"], Role.ONE_STOP_OFFICER, username="mc-a1", full_name="Bùi Thị Hoa"),
        "a2": make_staff(a["centre"], Role.ONE_STOP_OFFICER, username="mc-a2", full_name="Lý Văn Hai"),
        "a_specialist": make_staff(a["division"], Role.SPECIALIST, username="cv-a"),
        "b1": make_staff(b["centre"], Role.ONE_STOP_OFFICER, username="mc-b1", full_name="Tạ Thị Ba"),
        "a": a,
        "b": b,
    }


def course(setup, *, starts_on=HELD, ends_on=HELD, actor="writer"):
    return training.create_course(
        actor=setup[actor] if actor else None,
        agency=setup["province"].office,
        topic="Nghiệp vụ Bộ phận Một cửa theo NĐ 118/2025",
        audience="Công chức Bộ phận Một cửa cấp xã",
        trainer="Phạm Thị Kiểm",
        starts_on=starts_on,
        ends_on=ends_on,
        place="Hội trường UBND tỉnh",
    )


def rate(groups, start=YEAR[0], end=YEAR[1], **params):
    return computation(RATE).compute(groups, start, end, params)


def test_enrolling_takes_the_officials_holding_the_roles_at_the_agency_and_below(setup):
    held = course(setup)
    added = training.enrol_officials(
        actor=setup["writer"], course=held, agency=setup["a"]["committee"], roles=[Role.ONE_STOP_OFFICER]
    )
    assert {a.user for a in added} == {setup["a1"], setup["a2"]}  # the commune centre is under the committee
    assert {a.agency for a in added} == {setup["a"]["centre"]}
    assert {a.role for a in added} == {Role.ONE_STOP_OFFICER}
    again = training.enrol_officials(
        actor=setup["writer"],
        course=held,
        agency=setup["a"]["committee"],
        roles=[Role.ONE_STOP_OFFICER, Role.SPECIALIST],
    )
    assert [a.user for a in again] == [setup["a_specialist"]]  # those already listed are not added twice
    assert held.attendees.count() == 3


def test_the_coverage_target_is_computed_from_attendance(setup):
    a_group = frozenset({setup["a"]["committee"].pk, setup["a"]["centre"].pk})
    b_group = frozenset({setup["b"]["committee"].pk, setup["b"]["centre"].pk})
    assert rate([a_group, b_group]) == Decimal("0")
    held = course(setup)
    rows = training.enrol_officials(
        actor=setup["writer"], course=held, agency=setup["province"].committee, roles=[Role.ONE_STOP_OFFICER]
    )
    training.add_guest(actor=setup["writer"], course=held, name="Nguyễn Văn Khách", organisation="Bưu điện")
    present = {r.pk for r in rows if r.user in (setup["a1"], setup["b1"])}
    guest = held.attendees.get(user__isnull=True)
    training.record_attendance(actor=setup["writer"], course=held, present=present | {guest.pk})
    # Xã A: 1 of its 2 one-stop officers; Xã B: its only one; the guest is no official and counts nowhere.
    assert rate([a_group]) == Decimal("50.00")
    assert rate([b_group]) == Decimal("100.00")
    assert rate([a_group, b_group]) == Decimal("66.67")
    # A course that ended outside the period does not count; other roles count when the target names them.
    assert rate([a_group], start=HELD + timedelta(days=1)) == Decimal("0")
    assert rate([a_group], roles=[Role.SPECIALIST]) == Decimal("0")
    # An official whose role ended before the period is not counted among the officials.
    RoleAssignment.objects.filter(user=setup["a2"]).update(valid_to=YEAR[0] - timedelta(days=1))
    assert rate([a_group]) == Decimal("100.00")


def test_taking_the_attendance_records_the_course_as_a_communication_activity(setup):
    held = course(setup)
    rows = training.enrol_officials(
        actor=setup["writer"], course=held, agency=setup["a"]["committee"], roles=[Role.ONE_STOP_OFFICER]
    )
    training.record_attendance(actor=setup["writer"], course=held, present={rows[0].pk})
    activity = CommunicationActivity.objects.get(course=held)
    assert (activity.kind, activity.reach, activity.held_on) == (ActivityKind.TRAINING, 1, HELD)
    training.record_attendance(actor=setup["writer"], course=held, present={r.pk for r in rows})
    activity.refresh_from_db()
    assert activity.reach == 2
    assert CommunicationActivity.objects.filter(course=held).count() == 1
    assert AuditEvent.objects.filter(action="training.attendance").count() == 3


def test_what_is_refused(setup):
    with pytest.raises(PermissionDenied):
        course(setup, actor="a_specialist")  # only communication officers and administrators organise
    with pytest.raises(ValidationError):
        course(setup, starts_on=HELD, ends_on=HELD - timedelta(days=1))
    later = course(setup, starts_on=TODAY + timedelta(days=5), ends_on=TODAY + timedelta(days=6))
    row = training.add_guest(actor=setup["writer"], course=later, name="Khách")
    with pytest.raises(ValidationError):  # no attendance before the course starts
        training.record_attendance(actor=setup["writer"], course=later, present={row.pk})
    with pytest.raises(ValidationError):
        training.add_guest(actor=setup["writer"], course=later, name="   ")
    held = course(setup)
    absent = training.add_guest(actor=setup["writer"], course=held, name="Khách vắng")
    training.record_attendance(actor=setup["writer"], course=held, present=set())
    absent.refresh_from_db()
    assert absent.attended is False
    with pytest.raises(ValidationError):  # certificates only for those present
        training.issue_certificate(actor=setup["writer"], attendance=absent)
    with pytest.raises(ValidationError):  # nor before the course ends
        training.issue_certificate(actor=setup["writer"], attendance=row)


def test_certificates_are_numbered_once_and_then_kept(setup):
    held = course(setup)
    rows = training.enrol_officials(
        actor=setup["writer"], course=held, agency=setup["a"]["committee"], roles=[Role.ONE_STOP_OFFICER]
    )
    training.record_attendance(actor=setup["writer"], course=held, present={r.pk for r in rows})
    first = training.issue_certificate(actor=setup["writer"], attendance=rows[0])
    second = training.issue_certificate(actor=setup["writer"], attendance=rows[1])
    assert first.certificate_number == f"{HELD:%Y}/{held.pk:04d}-001/GCN"
    assert second.certificate_number.endswith("-002/GCN")
    assert training.issue_certificate(actor=setup["writer"], attendance=rows[0]).certificate_number == (
        first.certificate_number
    )
    with pytest.raises(ValidationError):  # a certified attendee stays on the list, and present
        training.remove_attendee(actor=setup["writer"], attendance=first)
    with pytest.raises(ValidationError):
        training.record_attendance(actor=setup["writer"], course=held, present={rows[1].pk})


def pdf_text(pdf: bytes) -> str:
    """The text layer (pdftotext, shared with the dossiers' papers) with whitespace runs as one space."""
    return " ".join(papers_text(pdf).split())


def test_the_officer_runs_a_course_through_the_pages(client, setup):
    client.force_login(setup["writer"])
    office = setup["province"].office
    reply = client.post(
        reverse("outreach:course_create"),
        {
            "agency": office.pk,
            "topic": "Kỹ năng giao tiếp tại Bộ phận Một cửa",
            "audience": "Công chức một cửa cấp xã",
            "trainer": "TS. Nguyễn Văn Giảng",
            "starts_on": f"{HELD:%d/%m/%Y}",
            "ends_on": f"{HELD + timedelta(days=1):%d/%m/%Y}",
            "mode": "in_person",
            "place": "Hội trường tỉnh",
        },
    )
    assert reply.status_code == 302
    held = TrainingCourse.objects.get(topic="Kỹ năng giao tiếp tại Bộ phận Một cửa")
    act = lambda action, data: client.post(reverse("outreach:course_act", args=[held.pk, action]), data)  # noqa: E731
    assert (
        act(
            "ghi-danh", {"enrol-agency": setup["a"]["committee"].pk, "enrol-roles": ["one_stop_officer"]}
        ).status_code
        == 302
    )
    assert (
        act("khach-moi", {"guest-name": '=HYPERLINK("x")', "guest-organisation": "Bưu điện xã A"}).status_code
        == 302
    )
    bad = act("khach-moi", {"guest-name": ""})
    assert bad.status_code == 400
    rows = {a.name: a for a in Attendance.objects.filter(course=held)}
    assert set(rows) == {"Bùi Thị Hoa", "Lý Văn Hai", '=HYPERLINK("x")'}
    act("diem-danh", {"present": [rows["Bùi Thị Hoa"].pk, rows['=HYPERLINK("x")'].pk, "abc"]})
    act("cap-giay", {})
    hoa = Attendance.objects.get(pk=rows["Bùi Thị Hoa"].pk)
    assert hoa.attended is True
    assert hoa.certificate_number
    assert Attendance.objects.get(pk=rows["Lý Văn Hai"].pk).certificate_number == ""

    page = client.get(reverse("outreach:course", args=[held.pk])).content.decode()
    assert hoa.certificate_number in page

    pdf = client.get(reverse("outreach:certificate", args=[hoa.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    for expected in (
        "GIẤY CHỨNG NHẬN",
        hoa.certificate_number,
        "Bùi Thị Hoa",
        "Trung tâm PVHCC Xã A",
        "Kỹ năng giao tiếp tại Bộ phận Một cửa",
        f"từ ngày {HELD:%d/%m/%Y} đến ngày {HELD + timedelta(days=1):%d/%m/%Y}",
        "VĂN PHÒNG UBND TỈNH",
    ):
        assert expected in text, expected

    sheet = load_workbook(BytesIO(client.get(reverse("outreach:course_xlsx", args=[held.pk])).content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0][1:5] == ["Bùi Thị Hoa", "Trung tâm PVHCC Xã A", "Công chức Bộ phận Một cửa", "Có mặt"]
    guest_row = next(r for r in values if r[3] == "Khách mời")
    assert guest_row[1] == '=HYPERLINK("x")'  # stays text: no formula from a typed name
    assert next(c for c in sheet.iter_rows(min_row=2) if c[3].value == "Khách mời")[1].data_type == "s"

    coverage = client.get(reverse("outreach:training_coverage"), {"nam": HELD.year}).content.decode()
    assert "Trung tâm PVHCC Xã A" in coverage
    assert "50.00" in coverage.replace(",", ".")
    book = load_workbook(
        BytesIO(client.get(reverse("outreach:training_coverage_xlsx"), {"nam": HELD.year}).content)
    ).active
    assert ["Trung tâm PVHCC Xã A", 2, 1, 50.0] in [
        [c.value for c in r][1:2] + [c.value for c in r][3:] for r in book.iter_rows(min_row=2)
    ]


def test_an_official_reads_his_own_certificate_and_nobody_elses(client, setup):
    held = course(setup)
    rows = training.enrol_officials(
        actor=setup["writer"], course=held, agency=setup["a"]["committee"], roles=[Role.ONE_STOP_OFFICER]
    )
    training.record_attendance(actor=setup["writer"], course=held, present={r.pk for r in rows})
    mine, other = (training.issue_certificate(actor=setup["writer"], attendance=r) for r in rows)
    if mine.user != setup["a1"]:
        mine, other = other, mine
    client.force_login(setup["a1"])
    assert mine.certificate_number in client.get(reverse("outreach:my_trainings")).content.decode()
    assert client.get(reverse("outreach:certificate", args=[mine.pk])).status_code == 200
    assert client.get(reverse("outreach:certificate", args=[other.pk])).status_code == 404
    assert client.get(reverse("outreach:courses")).status_code == 403  # not an organiser
