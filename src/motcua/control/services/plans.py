"""Writes to plans and their targets."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User

from .. import computations
from ..models import (
    Plan,
    PlanStatus,
    Target,
    TargetSource,
    TargetValue,
    Task,
)
from ..workflows import (
    MANAGER,
    PLAN,
    PlanAction,
)
from .guards import require_open_plan
from .tasks import add_task

# ---------------------------------------------------------------------------------------------- plans


@transaction.atomic
def create_plan(
    *,
    actor: User | None,
    kind: str,
    title: str,
    issuing_agency: Agency,
    year_from: int,
    year_to: int,
    owner_agency: Agency | None = None,
    number: str = "",
    signer: str = "",
    signed_on: date | None = None,
    purpose: str = "",
    requirements: str = "",
    attachment: UploadedFile | None = None,
    parent: Plan | None = None,
) -> Plan:
    require(actor, "control.issue_plan_for", issuing_agency)
    plan = Plan(
        kind=kind,
        title=title,
        issuing_agency=issuing_agency,
        owner_agency=owner_agency or issuing_agency,
        year_from=year_from,
        year_to=year_to,
        number=number.strip(),
        signer=signer,
        signed_on=signed_on,
        purpose=purpose,
        requirements=requirements,
        parent=parent,
        created_by=actor,
    )
    if attachment is not None:
        plan.attachment = attachment  # checked by the field's upload policy in full_clean
    return audited_save(plan, actor=actor, action="plan.create")


EDITABLE_PLAN_FIELDS = frozenset(
    {
        "kind",
        "title",
        "owner_agency",
        "number",
        "signer",
        "signed_on",
        "year_from",
        "year_to",
        "purpose",
        "requirements",
        "attachment",
    }
)


@transaction.atomic
def update_plan(*, actor: User | None, plan: Plan, **changes: Any) -> Plan:
    require(actor, "control.manage_plan", plan)
    require_open_plan(plan)
    unknown = set(changes) - EDITABLE_PLAN_FIELDS
    if unknown:
        raise ValidationError(
            _("Không sửa được các trường: %(f)s / Not editable: %(f)s") % {"f": ", ".join(unknown)}
        )
    for field, value in changes.items():
        if field == "attachment" and value is None:
            continue
        setattr(plan, field, value)
    return audited_save(plan, actor=actor, action="plan.update")


@transaction.atomic
def issue_plan(*, actor: User | None, plan: Plan) -> Plan:
    """A draft becomes the issued plan; it needs its number and signing date, and at least one task."""
    require(actor, "control.manage_plan", plan)
    PLAN.apply(plan, PlanAction.ISSUE, acting_roles(actor, MANAGER))
    if not plan.number or not plan.signed_on:
        raise ValidationError(
            _(
                "Cần nhập số, ký hiệu và ngày ký trước khi ban hành."
                " / Enter the number and signing date first."
            )
        )
    if not plan.tasks.exists():
        raise ValidationError(_("Kế hoạch chưa có nhiệm vụ nào. / The plan has no tasks yet."))
    return audited_save(plan, actor=actor, action="plan.issue")


@transaction.atomic
def close_plan(*, actor: User | None, plan: Plan, reason: str = "") -> Plan:
    require(actor, "control.manage_plan", plan)
    PLAN.apply(plan, PlanAction.CLOSE, acting_roles(actor, MANAGER))
    return audited_save(plan, actor=actor, action="plan.close", reason=reason)


@transaction.atomic
def derive_plan(
    *,
    actor: User | None,
    parent: Plan,
    issuing_agency: Agency,
    title: str,
    number: str = "",
    signer: str = "",
    signed_on: date | None = None,
    tasks: Iterable[Task] | None = None,
) -> Plan:
    """An agency's own plan "based on" a higher plan, with copies of the higher plan's tasks.

    By default the tasks copied are those the agency leads or supports; each copy is led by the agency, keeps
    the deadline, and points to its original, as do the targets linked to the copied tasks.
    """
    if parent.status != PlanStatus.ISSUED:
        raise ValidationError(
            _("Chỉ xây dựng kế hoạch từ kế hoạch đã ban hành. / Derive only from an issued plan.")
        )
    plan = create_plan(
        actor=actor,
        kind=parent.kind,
        title=title,
        issuing_agency=issuing_agency,
        year_from=parent.year_from,
        year_to=parent.year_to,
        number=number,
        signer=signer,
        signed_on=signed_on,
        purpose=parent.purpose,
        requirements=parent.requirements,
        parent=parent,
    )
    if tasks is None:
        tasks = parent.tasks.filter(lead_agency=issuing_agency) | parent.tasks.filter(
            supporting_agencies=issuing_agency
        )
    copied_targets: dict[int, Target] = {}
    for number_in_plan, original in enumerate(sorted(set(tasks), key=lambda t: t.number), start=1):
        if original.plan_id != parent.pk:
            raise ValidationError(
                _("Nhiệm vụ không thuộc kế hoạch cấp trên. / The task is not in that plan.")
            )
        targets = [_copy_target(plan, target, copied_targets) for target in original.targets.all()]
        add_task(
            actor=actor,
            plan=plan,
            number=number_in_plan,
            content=original.content,
            lead_agency=issuing_agency,
            start_on=original.start_on,
            due_on=original.due_on,
            recurrence=original.recurrence,
            due_day=original.due_day,
            end_on=original.end_on,
            expected_output=original.expected_output,
            targets=targets,
            parent=original,
        )
    audit.record(actor=actor, action="plan.derive", target=plan, reason=str(parent))
    return plan


def _copy_target(plan: Plan, original: Target, copied: dict[int, Target]) -> Target:
    if original.pk not in copied:
        copy = Target(
            plan=plan,
            code=original.code,
            name=original.name,
            unit=original.unit,
            target_value=original.target_value,
            source=original.source,
            computation=original.computation,
            params=original.params,
            aggregation=original.aggregation,
            parent=original,
        )
        copy.full_clean()
        copy.save()
        copied[original.pk] = copy
    return copied[original.pk]


# -------------------------------------------------------------------------------------------- targets


@transaction.atomic
def add_target(
    *,
    actor: User | None,
    plan: Plan,
    code: str,
    name: str,
    unit: str,
    target_value: Decimal,
    source: str,
    computation: str = "",
    params: dict | None = None,
    aggregation: str = "sum",
) -> Target:
    require(actor, "control.manage_plan", plan)
    require_open_plan(plan)
    if source == TargetSource.COMPUTED and computations.get(computation) is None:
        raise ValidationError(
            _("Phép tính “%(name)s” không có trong danh mục. / Unknown computation “%(name)s”.")
            % {"name": computation}
        )
    target = Target(
        plan=plan,
        code=code,
        name=name,
        unit=unit,
        target_value=target_value,
        source=source,
        computation=computation if source == TargetSource.COMPUTED else "",
        params=params or {},
        aggregation=aggregation,
    )
    return audited_save(target, actor=actor, action="target.create")


@transaction.atomic
def record_target_value(
    *, actor: User | None, target: Target, agency: Agency, value: Decimal, as_of: date, note: str = ""
) -> TargetValue:
    """An agency enters its own current value of an entered target."""
    require(actor, "control.act_for_agency", agency)
    require_open_plan(target.plan)
    if target.source != TargetSource.ENTERED:
        raise ValidationError(
            _("Chỉ tiêu này được tính tự động, không nhập tay. / This target is computed, not entered.")
        )
    row = TargetValue.objects.filter(target=target, agency=agency).first() or TargetValue(
        target=target, agency=agency
    )
    row.value, row.as_of, row.note, row.entered_by = value, as_of, note, actor
    return audited_save(row, actor=actor, action="target.value")
