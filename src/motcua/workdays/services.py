"""Writes to the working calendar: one function per business action, audited, in a transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.org.models import AdministrativeUnit

from .models import DayOverride
from .public_holidays import check_supported_year


def add_override(
    *,
    actor: Any,
    day: date,
    kind: str,
    name: str,
    legal_basis: str,
    province: AdministrativeUnit | None = None,
) -> DayOverride:
    """Declare an extra day off or a make-up working day, nationwide or for one province."""
    _check_day(day)
    _check_province(province)
    if kind not in DayOverride.Kind.values:
        raise ValidationError(
            _("Loại ngày phải là 'off' hoặc 'work' / kind must be 'off' or 'work'"), code="invalid_kind"
        )
    if not name.strip():
        raise ValidationError(_("Cần nhập tên ngày / a name is required"), code="name_required")
    if not legal_basis.strip():
        raise ValidationError(
            _("Cần nhập căn cứ pháp lý / a legal basis is required"), code="legal_basis_required"
        )
    if _existing(day, province) is not None:
        raise ValidationError(
            _(
                "Ngày %(day)s đã có điều chỉnh cho phạm vi này"
                " / %(day)s already has an override for this scope"
            )
            % {"day": f"{day:%d/%m/%Y}"},
            code="duplicate",
        )
    override = DayOverride(
        date=day, kind=kind, name=name.strip(), legal_basis=legal_basis.strip(), province=province
    )
    override.full_clean()
    with transaction.atomic():
        _attribute_history(override, actor)
        override.save()
        audit.record(actor=actor, action="dayoverride.create", target=override)
    return override


def remove_override(
    *,
    actor: Any,
    day: date,
    province: AdministrativeUnit | None = None,
    reason: str = "",
) -> None:
    """Withdraw the override of a day, so the holidays package and the weekly rule decide it again."""
    with transaction.atomic():
        override = _existing(day, province, lock=True)
        if override is None:
            raise ValidationError(
                _("Ngày %(day)s không có điều chỉnh cho phạm vi này / %(day)s has no override for this scope")
                % {"day": f"{day:%d/%m/%Y}"},
                code="not_found",
            )
        audit.record(
            actor=actor,
            action="dayoverride.delete",
            target=override,
            before=audit.snapshot(override),
            after={},
            reason=reason,
        )
        _attribute_history(override, actor)
        override.delete()


def _existing(day: date, province: AdministrativeUnit | None, *, lock: bool = False) -> DayOverride | None:
    rows = DayOverride.objects.filter(date=day, province=province).order_by("pk")
    if lock:
        rows = rows.select_for_update()
    return rows.first()


def _check_day(day: date) -> None:
    try:
        check_supported_year(day.year)
    except ValueError as error:
        raise ValidationError(str(error), code="year_out_of_range") from error


def _check_province(province: AdministrativeUnit | None) -> None:
    if province is not None and province.parent_id is not None:
        raise ValidationError(
            _("%(unit)s không phải cấp tỉnh / %(unit)s is not a province") % {"unit": province},
            code="not_a_province",
        )


def _attribute_history(override: DayOverride, actor: Any) -> None:
    """Name the actor in the configuration history as well as in the audit trail."""
    if getattr(actor, "is_authenticated", False):
        override._history_user = actor
