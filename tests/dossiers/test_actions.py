"""Actions that move a dossier between steps and agencies, and those that end it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import Timeliness
from motcua.org.models import Role
from tests.dossiers.factories import receive, to_leader, vn
from tests.factories import RoleAssignmentFactory, StaffFactory


def test_an_inter_agency_handover_sends_the_step_to_another_agency(desk):
    department = desk.province.department
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    dossier = services.hand_over(
        actor=desk.officer_a,
        dossier=dossier,
        expected_version=1,
        to_agency=department,
        note="Liên thông Sở Tư pháp",
        at=vn(2026, 3, 2, 10),
    )
    assert dossier.current_agency == department
    event = dossier.events.last()
    assert (event.from_agency, event.to_agency, event.reason) == (
        desk.centre(),
        department,
        "Liên thông Sở Tư pháp",
    )
    expert = StaffFactory(username="chuyenvien.so")
    RoleAssignmentFactory(user=expert, agency=department, role=Role.SPECIALIST)
    dossier = services.hand_over(actor=expert, dossier=dossier, expected_version=2, at=vn(2026, 3, 2, 15))
    assert dossier.current_agency == desk.province.communes["Xã A"]["committee"]


def test_sending_back_returns_to_the_previous_step_with_a_reason(desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    with pytest.raises(ValidationError):
        services.send_back(actor=desk.leader_a, dossier=dossier, expected_version=3, reason=" ")
    dossier = services.send_back(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=3,
        reason="Bổ sung ý kiến thẩm định",
        at=vn(2026, 3, 2, 11),
    )
    assert dossier.current_step.position == 2
    assert dossier.current_agency == desk.province.communes["Xã A"]["division"]
    with pytest.raises(ValidationError, match="trước bước này"):
        services.send_back(actor=desk.specialist_a, dossier=dossier, expected_version=4, reason="x")


def test_the_last_processing_step_must_attach_the_result(desk):
    dossier = to_leader(desk, receive(desk))
    with pytest.raises(ValidationError, match="cập nhật kết quả"):
        services.hand_over(actor=desk.leader_a, dossier=dossier, expected_version=3)


def test_an_assignee_must_hold_the_steps_role_there(desk):
    dossier = receive(desk)
    with pytest.raises(ValidationError, match="không giữ vai trò"):
        services.hand_over(actor=desk.officer_a, dossier=dossier, expected_version=1, assignee=desk.leader_a)
    dossier = services.hand_over(
        actor=desk.officer_a, dossier=dossier, expected_version=1, assignee=desk.specialist_a
    )
    assert dossier.assignee == desk.specialist_a


def test_a_stop_after_reception_fixes_the_verdict_and_closes_the_pause(desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    dossier = services.request_supplement(
        actor=desk.leader_a, dossier=dossier, expected_version=3, missing="Tờ khai", at=vn(2026, 3, 2, 11)
    )
    dossier = services.stop(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=4,
        reason="Quá hạn bổ sung",
        at=vn(2026, 3, 20, 9),
    )
    assert dossier.status == "stopped"
    assert dossier.timeliness == Timeliness.EARLY  # the waiting time does not count against the agency
    assert dossier.pauses.get().ended_at == vn(2026, 3, 20, 9)


def test_the_result_file_must_be_a_real_pdf_or_image(desk, tmp_path, settings):

    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024
    dossier = to_leader(desk, receive(desk))
    args = {
        "actor": desk.leader_a,
        "dossier": dossier,
        "expected_version": 3,
        "number": "1",
        "signed_on": timezone.localdate(),
    }
    with pytest.raises(ValidationError, match="PDF, JPEG"):
        services.attach_result(**args, file=SimpleUploadedFile("a.pdf", b"not a pdf at all"))
    with pytest.raises(ValidationError, match="web pages"):  # core.uploads names what it refused
        services.attach_result(**args, file=SimpleUploadedFile("a.pdf", b"<html>not a pdf</html>"))
    with pytest.raises(ValidationError, match="quá lớn"):
        services.attach_result(**args, file=SimpleUploadedFile("a.pdf", b"%PDF-1.7" + b"0" * 2048))
    png = SimpleUploadedFile("ket-qua.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    dossier = services.attach_result(**args, file=png)
    assert dossier.result_file.name.endswith(".png")
