"""Every write to the organisation tree: one function per business action, audited, in a transaction.

`actor=None` means the system itself (data loading commands); every other caller passes the user.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core import audit

from .models import AccountType, AdministrativeUnit, Agency, Role, RoleAssignment, User


def _require(actor, perm: str, obj=None) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(
            _("Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this.")
        )


@transaction.atomic
def create_agency(
    *,
    actor,
    code: str,
    name: str,
    kind: str,
    administrative_unit: AdministrativeUnit,
    parent: Agency | None = None,
    **details,
) -> Agency:
    _require(actor, "org.manage_agency", parent)
    agency = Agency(
        code=code, name=name, kind=kind, administrative_unit=administrative_unit, parent=parent, **details
    )
    agency.full_clean()
    agency.save()
    audit.record(actor=actor, action="agency.create", target=agency)
    return agency


@transaction.atomic
def update_agency(*, actor, agency: Agency, **changes) -> Agency:
    _require(actor, "org.manage_agency", agency)
    before = audit.snapshot(agency)
    for field, value in changes.items():
        setattr(agency, field, value)
    agency.full_clean()
    agency.save()
    audit.record(actor=actor, action="agency.update", target=agency, before=before)
    return agency


@transaction.atomic
def succeed_agencies(*, actor, predecessors: list[Agency], successor: Agency, effective: date) -> Agency:
    """Old agencies stop the day before `effective` and point to the one that takes over their work.

    Their codes stay on old dossiers; the successor link maps old codes to the new one.
    """
    _require(actor, "org.manage_agency", successor)
    for old in predecessors:
        if old.pk == successor.pk:
            raise ValidationError(_("Cơ quan không thể kế thừa chính nó. / An agency cannot succeed itself."))
        before = audit.snapshot(old)
        old.valid_to = effective - timedelta(days=1)
        old.successor = successor
        old.full_clean()
        old.save()
        audit.record(actor=actor, action="agency.succeed", target=old, before=before)
    return successor


@transaction.atomic
def merge_units(
    *,
    actor,
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
    _require(actor, "org.change_administrativeunit")
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
    new_unit.full_clean()
    new_unit.save()
    audit.record(actor=actor, action="unit.create", target=new_unit, reason=legal_basis)
    for old in units:
        _end_unit(actor=actor, unit=old, successor=new_unit, effective=effective, reason=legal_basis)
    return new_unit


@transaction.atomic
def rename_unit(
    *,
    actor,
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
    *, actor, unit: AdministrativeUnit, successor: AdministrativeUnit, effective: date, reason: str
):
    if unit.valid_to is not None and unit.valid_to < effective - timedelta(days=1):
        raise ValidationError(
            _("Đơn vị %(name)s đã hết hiệu lực trước ngày sáp nhập. / Unit %(name)s ended before the merge.")
            % {"name": unit.name}
        )
    before = audit.snapshot(unit)
    unit.valid_to = effective - timedelta(days=1)
    unit.successor = successor
    unit.full_clean()
    unit.save()
    audit.record(actor=actor, action="unit.succeed", target=unit, before=before, reason=reason)


@transaction.atomic
def assign_role(
    *,
    actor,
    user: User,
    agency: Agency,
    role: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> RoleAssignment:
    _require(actor, "org.manage_agency", agency)
    if user.account_type != AccountType.STAFF:
        raise ValidationError(
            _("Tài khoản công dân không thể giữ vai trò cán bộ. / A citizen cannot hold a staff role.")
        )
    if role not in Role.values:
        raise ValidationError(_("Vai trò không hợp lệ. / Unknown role."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, agency=agency, role=role, defaults={"valid_from": valid_from, "valid_to": valid_to}
    )
    before = {} if created else audit.snapshot(assignment)
    if not created:
        assignment.valid_from, assignment.valid_to = valid_from, valid_to
    assignment.full_clean()
    assignment.save()
    audit.record(actor=actor, action="role.assign", target=assignment, before=before)
    return assignment


@transaction.atomic
def revoke_role(*, actor, assignment: RoleAssignment, reason: str = "") -> None:
    _require(actor, "org.manage_agency", assignment.agency)
    audit.record(
        actor=actor,
        action="role.revoke",
        target=assignment,
        before=audit.snapshot(assignment),
        after={},
        reason=reason,
    )
    assignment.delete()
