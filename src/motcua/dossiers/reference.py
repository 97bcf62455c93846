"""Reference data a reception needs (the version in force, its limit, documents, the competent agency, the
planned steps, the fee, the working calendar), kept in process memory for a minute.

Receptions are the hot path (hundreds per second at a province's peak) and this data changes a few times a
year; a minute's delay before a catalog or calendar change reaches the counter is the accepted price.
Everything that decides *who* may act (roles) is read fresh every time. `clear()` empties it (tests).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.catalog.limits import Limit, chosen_limit, limit_office_time
from motcua.catalog.models import Procedure, ProcedureVersion, RequiredDocument, VersionChannel
from motcua.catalog.selectors import version_in_force
from motcua.org.models import AdministrativeUnit, Agency

from . import deadlines, payments, routing
from .models import CATALOG_CHANNEL, SubmissionChannel

TTL_SECONDS = 60
_store: dict[tuple, tuple[float, Any]] = {}


def clear() -> None:
    _store.clear()


def memo(function: Callable) -> Callable:
    @wraps(function)
    def cached(*args):
        key = (function.__name__, *args)
        hit = _store.get(key)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1]
        value = function(*args)
        _store[key] = (now + TTL_SECONDS, value)
        return value

    return cached


@memo
def working_calendar(day: date):
    return deadlines.working_calendar(day)


@dataclass(frozen=True)
class ReceptionPlan:
    version: ProcedureVersion
    channel: VersionChannel
    limit: Limit  # the channel itself (its default case) or the case picked at reception
    competent: Agency
    mandatory: dict[int, str]
    steps: list[routing.PlannedStep]
    fee: int


def channel_limit(version: ProcedureVersion, channel: int) -> VersionChannel:
    found = version.channels.filter(channel=CATALOG_CHANNEL[SubmissionChannel(channel)]).first()
    if found is None:
        raise ValidationError(
            _(
                "Thủ tục này không tiếp nhận qua kênh “%(channel)s”. "
                "/ The procedure is not offered on this channel."
            )
            % {"channel": SubmissionChannel(channel).label}
        )
    return found


def dossier_limit(dossier) -> Limit:
    """The limit a dossier counts: the case picked when it entered, else its channel's default case."""
    if dossier.limit_case_id is not None:
        return dossier.limit_case
    return channel_limit(dossier.procedure_version, dossier.channel)


@memo
def reception_plan(
    procedure_id: int,
    centre_id: int,
    commune_id: int | None,
    requested_id: int | None,
    channel: int,
    day: date,
    case_id: int | None = None,
) -> ReceptionPlan:
    """What receiving this procedure at this centre means today (in the time-limit case `case_id`, else
    the channel's default case); raises ValidationError when it may not."""
    procedure = Procedure.objects.get(pk=procedure_id)
    centre = Agency.objects.select_related("administrative_unit").get(pk=centre_id)
    version = version_in_force(procedure, day)
    if version is None:
        raise ValidationError(_("Thủ tục không còn hiệu lực. / The procedure is not in force."))
    offered = channel_limit(version, channel)
    limit = chosen_limit(offered, case_id)
    competent = routing.competent_agency(
        procedure=procedure,
        centre=centre,
        applicant_commune=AdministrativeUnit.objects.filter(pk=commune_id).first() if commune_id else None,
        requested=Agency.objects.filter(pk=requested_id).first() if requested_id else None,
    )
    routing.check_boundary(version=version, centre=centre, competent=competent)
    if channel == SubmissionChannel.ONLINE:
        routing.check_online(procedure=procedure, version=version, competent=competent)
    cal = working_calendar(day)
    hours = Decimal(limit_office_time(limit, cal).total_seconds()) / 3600
    steps = routing.plan_steps(
        procedure=procedure,
        channel=offered.channel,
        competent=competent,
        receiving=centre,
        limit_hours=hours,
        on=day,
    )
    mandatory = dict(version.documents.filter(mandatory=True).values_list("pk", "name"))
    fee = payments.fee_for(limit=offered, procedure=procedure, competent=competent)
    return ReceptionPlan(version, offered, limit, competent, mandatory, steps, fee)


@memo
def agency_by_code(code: str) -> Agency:
    """An agency by its code; raises Agency.DoesNotExist (misses are not kept, so the memo stays small)."""
    return Agency.objects.get(code=code)


@memo
def procedure_by_code(national_code: str) -> Procedure:
    """A procedure by its national code; raises Procedure.DoesNotExist."""
    return Procedure.objects.get(national_code=national_code)


@memo
def documents_in_force(procedure_id: int, day: date) -> dict[int, RequiredDocument]:
    """The required documents of the procedure's version in force, by id (what a checklist may name)."""
    version = version_in_force(Procedure.objects.get(pk=procedure_id), day)
    return {} if version is None else version.documents.in_bulk()


def forget_on_changes() -> None:
    """Empty this process's memo whenever the catalog, the organisation or the calendar changes here, so
    the minute of delay applies only to changes made by other processes."""
    from django.db.models.signals import post_delete, post_save

    from motcua.catalog import models as catalog
    from motcua.org import models as org
    from motcua.workdays import models as workdays

    watched = [
        catalog.ProcedureVersion,
        catalog.VersionChannel,
        catalog.LimitCase,
        catalog.FeeItem,
        catalog.RequiredDocument,
        catalog.AgencyProcedure,
        catalog.Process,
        catalog.ProcessStep,
        catalog.Procedure,
        org.Agency,
        org.RoleAssignment,
        workdays.DayOverride,
        workdays.OfficeHours,
    ]
    for model in watched:
        for signal in (post_save, post_delete):
            signal.connect(
                _forget, sender=model, weak=False, dispatch_uid=f"dossiers.reference:{model.__name__}"
            )


def _forget(sender, **kwargs) -> None:
    clear()
