"""Where a dossier goes: the competent agency, its process, and the agency of each step.

Steps in the catalog name an agency or an agency kind. A service-centre step (reception, return) happens
where the applicant came: the receiving centre (NĐ 118: reception regardless of boundary). Another kind is
looked for around the competent agency — itself, the agencies under it, then its administrative unit —
preferring an agency where someone actually holds the step's role, so a commune's "division" step goes to
the division that has a specialist for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from motcua.catalog.models import AgencyProcedure, OnlineLevel, Procedure, ProcedureVersion, Process
from motcua.catalog.services import signing_position
from motcua.core.trees import closure
from motcua.core.validity import valid_on
from motcua.org.models import SERVICE_CENTRE_KINDS, AdministrativeUnit, Agency, Role, RoleAssignment

# Without a process in the catalog, a dossier still has the three steps every one-stop dossier has.
DEFAULT_SHARES = ((Decimal("0.1"), Role.ONE_STOP_OFFICER), (Decimal("0.8"), Role.SPECIALIST))


@dataclass(frozen=True)
class PlannedStep:
    position: int
    name: str
    agency: Agency
    role: str
    duration: Decimal
    unit: str
    # The step whose holder approves and signs the result (catalog.services.signing_position).
    signs: bool = False


def competent_agency(
    *,
    procedure: Procedure,
    centre: Agency,
    applicant_commune: AdministrativeUnit | None,
    requested: Agency | None,
) -> Agency:
    """The agency that decides: the one asked for, else the applicant's commune's, else the centre's unit's.

    The applicant's commune comes first because reception regardless of boundary moves the counter, not
    the competence: the dossier travels to the agency that decides for where the applicant lives."""
    applying = Agency.objects.filter(procedures__procedure=procedure)
    if requested is not None:
        if not applying.filter(pk=requested.pk).exists():
            raise ValidationError(
                _("%(agency)s không thực hiện thủ tục này. / This agency does not handle the procedure.")
                % {"agency": requested.name}
            )
        return requested
    for unit_id in (getattr(applicant_commune, "pk", None), centre.administrative_unit_id):
        found = applying.filter(administrative_unit_id=unit_id).order_by("code").first() if unit_id else None
        if found is not None:
            return found
    candidates = list(applying.order_by("code")[:2])
    if len(candidates) == 1:
        return candidates[0]
    raise ValidationError(
        _(
            "Không xác định được cơ quan có thẩm quyền; hãy chọn cơ quan giải quyết. "
            "/ The competent agency is ambiguous; choose it."
        )
    )


def check_boundary(*, version: ProcedureVersion, centre: Agency, competent: Agency) -> None:
    """Only procedures published as boundary-free may be received at another unit's centre."""
    if version.any_boundary or centre.administrative_unit_id == competent.administrative_unit_id:
        return
    raise ValidationError(
        _(
            "Thủ tục này phải nộp tại Trung tâm Phục vụ hành chính công của %(unit)s, không tiếp nhận "
            "tại %(centre)s (thủ tục không thuộc danh mục tiếp nhận không phụ thuộc địa giới hành chính). "
            "/ This procedure is received only at a service centre of %(unit)s."
        )
        % {"unit": competent.administrative_unit.name, "centre": centre.name}
    )


def check_online(*, procedure: Procedure, version: ProcedureVersion, competent: Agency) -> None:
    """An online submission needs the procedure offered online where it is decided: the competent agency's
    own level when it sets one (AgencyProcedure.online_level, e.g. not yet connected), else the version's."""
    local = (
        AgencyProcedure.objects.filter(procedure=procedure, agency=competent)
        .values_list("online_level", flat=True)
        .first()
    )
    if (local or version.online_level) in (OnlineLevel.FULL, OnlineLevel.PARTIAL):
        return
    raise ValidationError(
        _(
            "Thủ tục này không được cung cấp trực tuyến tại %(agency)s; mời nộp trực tiếp hoặc qua bưu "
            "chính. / The procedure is not offered online at this agency."
        )
        % {"agency": competent.name}
    )


def local_code(procedure: Procedure, agency: Agency) -> str:
    row = AgencyProcedure.objects.filter(procedure=procedure, agency=agency).first()
    return row.local_code if row else procedure.national_code


def choose_process(procedure: Procedure, agency: Agency, channel: str) -> Process | None:
    """The agency's own process for the channel, else for all channels, else the default ones."""
    processes = Process.objects.filter(procedure=procedure)
    for scope in (
        Q(agency=agency, channel=channel),
        Q(agency=agency, channel=""),
        Q(agency__isnull=True, channel=channel),
        Q(agency__isnull=True, channel=""),
    ):
        found = processes.filter(scope).first()
        if found is not None:
            return found
    return None


def plan_steps(
    *,
    procedure: Procedure,
    channel: str,
    competent: Agency,
    receiving: Agency,
    limit_hours: Decimal,
    on: date,
) -> list[PlannedStep]:
    process = choose_process(procedure, competent, channel)
    if process is None:
        return _default_steps(competent, receiving, limit_hours)
    rows = list(process.steps.select_related("agency").order_by("position"))
    signing = signing_position([{"role": s.role, "signs_result": s.signs_result} for s in rows])
    return [
        PlannedStep(
            position=index,
            name=step.name,
            agency=step.agency or step_agency(step.agency_kind, step.role, competent, receiving, on),
            role=step.role,
            duration=step.duration,
            unit=step.duration_unit,
            signs=index - 1 == signing,
        )
        for index, step in enumerate(rows, start=1)
    ]


def step_agency(kind: str, role: str, competent: Agency, receiving: Agency, on: date) -> Agency:
    if kind in SERVICE_CENTRE_KINDS:
        return receiving
    if competent.kind == kind:
        return competent
    below = closure(Agency, {competent.pk}, link="parent")
    candidates = Agency.objects.filter(kind=kind).filter(
        Q(pk__in=below) | Q(administrative_unit_id=competent.administrative_unit_id)
    )
    staffed = RoleAssignment.objects.filter(agency__in=candidates, role=role, user__is_active=True).filter(
        valid_on(on)
    )
    chosen = candidates.filter(pk__in=staffed.values("agency")).order_by("code").first()
    return chosen or candidates.order_by("code").first() or competent


def _default_steps(competent: Agency, receiving: Agency, limit_hours: Decimal) -> list[PlannedStep]:
    reception = max(Decimal("0.5"), (limit_hours * DEFAULT_SHARES[0][0]).quantize(Decimal("0.5")))
    work = max(Decimal("0.5"), (limit_hours * DEFAULT_SHARES[1][0]).quantize(Decimal("0.5")))
    return [
        PlannedStep(1, _("Tiếp nhận, kiểm tra hồ sơ"), receiving, Role.ONE_STOP_OFFICER, reception, "h"),
        PlannedStep(2, _("Giải quyết hồ sơ"), competent, Role.SPECIALIST, work, "h", signs=True),
        PlannedStep(3, _("Trả kết quả"), receiving, Role.ONE_STOP_OFFICER, reception, "h"),
    ]
