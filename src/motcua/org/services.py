"""Every write to the organisation tree: one function per business action, audited, in a transaction.

`actor=None` means the system itself (data loading commands); every other caller passes the user.
"""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core.access import require
from motcua.core.audited import audited_delete, audited_save

from .models import AccountType, AdministrativeUnit, Agency, Role, RoleAssignment, User


@transaction.atomic
def create_agency(
    *,
    actor: User | None,
    code: str,
    name: str,
    kind: str,
    administrative_unit: AdministrativeUnit,
    parent: Agency | None = None,
    **details: Any,
) -> Agency:
    require(actor, "org.manage_agency", parent)
    agency = Agency(
        code=code, name=name, kind=kind, administrative_unit=administrative_unit, parent=parent, **details
    )
    return audited_save(agency, actor=actor, action="agency.create")


@transaction.atomic
def update_agency(*, actor: User | None, agency: Agency, **changes: Any) -> Agency:
    require(actor, "org.manage_agency", agency)
    for field, value in changes.items():
        setattr(agency, field, value)
    return audited_save(agency, actor=actor, action="agency.update")


@transaction.atomic
def succeed_agencies(
    *, actor: User | None, predecessors: list[Agency], successor: Agency, effective: date
) -> Agency:
    """Old agencies stop the day before `effective` and point to the one that takes over their work.

    Their codes stay on old dossiers; the successor link maps old codes to the new one.
    """
    require(actor, "org.manage_agency", successor)
    for old in predecessors:
        if old.pk == successor.pk:
            raise ValidationError(_("Cơ quan không thể kế thừa chính nó. / An agency cannot succeed itself."))
        old.valid_to = effective - timedelta(days=1)
        old.successor = successor
        audited_save(old, actor=actor, action="agency.succeed")
    return successor


@transaction.atomic
def merge_units(
    *,
    actor: User | None,
    units: list[AdministrativeUnit],
    code: str,
    name: str,
    effective: date,
    parent: AdministrativeUnit | None,
    legal_basis: str,
) -> AdministrativeUnit:
    """Several units become one new unit from `effective` (e.g. communes merged on 1/7/2025).

    The old units keep their rows and end the day before; their successor link keeps history readable.
    """
    require(actor, "org.change_administrativeunit")
    if not units:
        raise ValidationError(_("Cần ít nhất một đơn vị để sáp nhập. / At least one unit is needed."))
    levels = {u.level_id for u in units}
    if len(levels) != 1:
        raise ValidationError(
            _("Chỉ sáp nhập các đơn vị cùng cấp. / Only units of the same level can merge.")
        )
    new_unit = AdministrativeUnit(
        code=code,
        name=name,
        level_id=levels.pop(),
        parent=parent,
        valid_from=effective,
        legal_basis=legal_basis,
    )
    audited_save(new_unit, actor=actor, action="unit.create", reason=legal_basis)
    for old in units:
        _end_unit(actor=actor, unit=old, successor=new_unit, effective=effective, reason=legal_basis)
    return new_unit


@transaction.atomic
def rename_unit(
    *,
    actor: User | None,
    unit: AdministrativeUnit,
    name: str,
    effective: date,
    legal_basis: str,
    code: str | None = None,
    parent: AdministrativeUnit | None = None,
) -> AdministrativeUnit:
    """A renamed (or re-coded, or re-parented) unit is a new row that succeeds the old one."""
    return merge_units(
        actor=actor,
        units=[unit],
        code=code or unit.code,
        name=name,
        effective=effective,
        parent=parent if parent is not None else unit.parent,
        legal_basis=legal_basis,
    )


def _end_unit(
    *,
    actor: User | None,
    unit: AdministrativeUnit,
    successor: AdministrativeUnit,
    effective: date,
    reason: str,
) -> None:
    if unit.valid_to is not None and unit.valid_to < effective - timedelta(days=1):
        raise ValidationError(
            _("Đơn vị %(name)s đã hết hiệu lực trước ngày sáp nhập. / Unit %(name)s ended before the merge.")
            % {"name": unit.name}
        )
    unit.valid_to = effective - timedelta(days=1)
    unit.successor = successor
    audited_save(unit, actor=actor, action="unit.succeed", reason=reason)


@transaction.atomic
def assign_role(
    *,
    actor: User | None,
    user: User,
    agency: Agency,
    role: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> RoleAssignment:
    """Give a staff member a role at an agency, or change the period of the role they hold there."""
    require(actor, "org.manage_agency", agency)
    if user.account_type != AccountType.STAFF:
        raise ValidationError(
            _("Tài khoản công dân không thể giữ vai trò cán bộ. / A citizen cannot hold a staff role.")
        )
    if role not in Role.values:
        raise ValidationError(_("Vai trò không hợp lệ. / Unknown role."))
    assignment = RoleAssignment.objects.filter(user=user, agency=agency, role=role).first()
    assignment = assignment or RoleAssignment(user=user, agency=agency, role=role)
    assignment.valid_from, assignment.valid_to = valid_from, valid_to
    return audited_save(assignment, actor=actor, action="role.assign")


@transaction.atomic
def revoke_role(*, actor: User | None, assignment: RoleAssignment, reason: str = "") -> None:
    require(actor, "org.manage_agency", assignment.agency)
    audited_delete(assignment, actor=actor, action="role.revoke", reason=reason)
