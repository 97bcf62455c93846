"""Organisation services: validation, permissions and an audit event for every change."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motcua.core.audit import history
from motcua.core.models import AuditEvent
from motcua.org import services
from motcua.org.models import AgencyKind, Role
from motcua.org.selectors import unit_lineage
from tests.factories import CitizenFactory


def test_agency_code_must_follow_qd_20_2020(province):
    with pytest.raises(ValidationError) as error:
        services.create_agency(
            actor=None,
            code="H99.1",
            name="Sai mã",
            kind=AgencyKind.DEPARTMENT,
            administrative_unit=province.unit,
        )
    assert "QĐ 20/2020" in str(error.value)


@pytest.mark.parametrize("code", ["000.00.00.H41", "000.20.01.H56", "A12.30.35.G01"])
def test_valid_agency_codes_are_accepted(province, code):
    agency = services.create_agency(
        actor=None, code=code, name="Cơ quan", kind=AgencyKind.DEPARTMENT, administrative_unit=province.unit
    )
    assert agency.pk


def test_update_agency_records_who_what_old_and_new(province, make_staff):
    admin = make_staff(province.committee, Role.ADMINISTRATOR)

    services.update_agency(actor=admin, agency=province.department, name="Sở Tư pháp tỉnh Thử")

    event = history(province.department).get()
    assert event.actor == admin
    assert event.action == "agency.update"
    assert event.changes == {"name": ["Sở Tư pháp", "Sở Tư pháp tỉnh Thử"]}


def test_commune_administrator_cannot_change_another_communes_agency(province, make_staff):
    admin_a = make_staff(province.communes["Xã A"]["committee"], Role.ADMINISTRATOR)

    with pytest.raises(PermissionDenied):
        services.update_agency(actor=admin_a, agency=province.communes["Xã B"]["division"], name="Đổi tên")
    assert not AuditEvent.objects.exists()


def test_specialist_cannot_manage_agencies(province, make_staff):
    specialist = make_staff(province.department, Role.SPECIALIST)

    with pytest.raises(PermissionDenied):
        services.update_agency(actor=specialist, agency=province.department, name="X")


def test_merge_keeps_history_readable(province):
    a, b = province.commune_units["Xã A"], province.commune_units["Xã B"]

    merged = services.merge_units(
        actor=None,
        units=[a, b],
        code="98001",
        name="Xã A-B",
        effective=date(2026, 1, 1),
        parent=province.unit,
        legal_basis="NQ 1/2026",
    )

    a.refresh_from_db()
    assert a.valid_to == date(2025, 12, 31)
    assert a.successor == merged
    assert {u.name for u in unit_lineage(merged)} == {"Xã A-B", "Xã A", "Xã B"}
    assert AuditEvent.objects.filter(action="unit.succeed").count() == 2


def test_merge_refuses_units_of_different_levels(province):
    with pytest.raises(ValidationError):
        services.merge_units(
            actor=None,
            units=[province.unit, province.commune_units["Xã A"]],
            code="1",
            name="x",
            effective=date(2026, 1, 1),
            parent=None,
            legal_basis="",
        )


def test_rename_creates_successor_row(province):
    a = province.commune_units["Xã A"]

    renamed = services.rename_unit(
        actor=None, unit=a, name="Phường A", effective=date(2026, 3, 1), legal_basis="NQ đổi tên"
    )

    assert renamed.code == a.code
    assert renamed.parent == province.unit
    assert unit_lineage(renamed)[-1] == a


def test_citizen_cannot_hold_a_staff_role(province):
    with pytest.raises(ValidationError):
        services.assign_role(
            actor=None, user=CitizenFactory(), agency=province.department, role=Role.SPECIALIST
        )


def test_assign_and_revoke_role_are_audited(province, make_staff):
    from tests.factories import StaffFactory

    user = StaffFactory()
    assignment = services.assign_role(actor=None, user=user, agency=province.department, role=Role.SPECIALIST)
    services.revoke_role(actor=None, assignment=assignment, reason="Chuyển công tác")

    actions = list(AuditEvent.objects.order_by("id").values_list("action", "reason"))
    assert actions == [("role.assign", ""), ("role.revoke", "Chuyển công tác")]
    assert not user.roles.exists()


def test_successor_agency_maps_old_code_to_new(province):
    old = province.communes["Xã B"]["committee"]
    new = province.communes["Xã A"]["committee"]

    services.succeed_agencies(actor=None, predecessors=[old], successor=new, effective=date(2026, 1, 1))

    old.refresh_from_db()
    assert old.successor == new
    assert old.valid_to == date(2025, 12, 31)
