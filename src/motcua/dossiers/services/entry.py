"""A dossier comes in: reception at the counter, or an online/postal submission to be checked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.fees import FeeChoice, fee_lines
from motcua.catalog.models import LimitCase, Procedure
from motcua.core import rows
from motcua.integrations import notifications
from motcua.integrations.portal import sync as portal_sync
from motcua.org.models import Agency

from .. import codes, deadlines, notify, reference
from ..lifecycle import APPLICANT, NEW, Action, Status, TransitionRefused, transition
from ..models import Dossier, DossierFee, DossierStep, SubmissionChannel
from ..rules import roles_at
from .common import _audit_entry, _now, _refused, _timeline_event
from .inputs import Applicant, DocumentLine, _check_documents, _document_rows, check_postal_address


def _enter(
    *,
    actor,
    action: str,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    channel: int,
    result_by_post: bool,
    competent_agency: Agency | None,
    at: datetime,
    identity_verified: bool = False,
    limit_case: LimitCase | None = None,
    fees: Sequence[FeeChoice] = (),
    roles: set[str] | None = None,
) -> Dossier:
    try:
        target = transition(NEW, action, roles_at(actor, centre) if roles is None else roles).target
    except TransitionRefused as error:
        raise _refused(error) from None
    if not centre.is_service_centre:
        raise ValidationError(
            _("Chỉ tiếp nhận tại Trung tâm Phục vụ hành chính công. / Only service centres receive dossiers.")
        )
    applicant = applicant.cleaned()
    check_postal_address(result_by_post, applicant.address)
    local_day = timezone.localtime(at).date()
    plan = reference.reception_plan(
        procedure.pk,
        centre.pk,
        getattr(applicant.commune, "pk", None),
        getattr(competent_agency, "pk", None),
        channel,
        local_day,
        getattr(limit_case, "pk", None),
    )
    _check_documents(plan.mandatory, documents)
    # Rows of the fee table picked at reception replace the channel's (or the agency's) default fee.
    chosen_fees = fee_lines(plan.channel, fees)
    cal = reference.working_calendar(local_day)
    dossier = Dossier(
        status=target,
        channel=channel,
        procedure=procedure,
        procedure_version=plan.version,
        limit_case=limit_case,
        receiving_agency=centre,
        competent_agency=plan.competent,
        current_agency=centre,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        applicant_address=applicant.address,
        applicant_commune=applicant.commune,
        applicant_user=applicant.user,
        result_by_post=result_by_post,
        reused_data=any(line.reused for line in documents),
        identity_verified=identity_verified,
        submitted_at=at,
        clock_started_at=deadlines.clock_start(at, cal),
        due_at=deadlines.due_date(at, plan.limit, cal),
        fee_due=sum(line.amount for line in chosen_fees) if chosen_fees else plan.fee,
    )
    if target == Status.RECEIVED:
        dossier.received_at, dossier.received_by = at, actor
    # The reception step starts with the clock; the others start when the dossier reaches them.
    head = plan.steps[0]
    first_due = deadlines.step_due(dossier.clock_started_at, head.duration, head.unit, cal)
    steps = [
        DossierStep(
            dossier=dossier,
            position=p.position,
            name=p.name,
            agency=p.agency,
            role=p.role,
            duration=p.duration,
            duration_unit=p.unit,
            signs_result=p.signs,
            started_at=dossier.clock_started_at if p is head else None,
            due_at=first_due if p is head else None,
        )
        for p in plan.steps
    ]
    fee_rows = [
        DossierFee(
            dossier=dossier,
            item=line.item,
            quantity=line.quantity,
            declared_value=line.declared_value,
            amount=line.amount,
            wording=line.wording,
        )
        for line in chosen_fees
    ]
    # Roles and reference data were read before the transaction: it holds only the writes.
    with transaction.atomic():
        _write_entry(
            actor=actor, action=action, dossier=dossier, steps=steps, fees=fee_rows, lines=documents, at=at
        )
    return dossier


def _write_entry(
    *,
    actor,
    action: str,
    dossier: Dossier,
    steps: list[DossierStep],
    fees: list[DossierFee],
    lines: Sequence[DocumentLine],
    at: datetime,
) -> None:
    """A new dossier's rows in two round trips (`core.rows`) before the commit; the keys were taken ahead."""
    keys = rows.reserve_keys({Dossier: 1, DossierStep: len(steps)})
    (dossier.pk,) = keys[Dossier]
    for step, key in zip(steps, keys[DossierStep], strict=True):
        step.pk = key
    dossier.current_step = steps[0]
    event = _timeline_event(
        actor, dossier, action=action, before=NEW, at=at, step=steps[0], to_agency=dossier.receiving_agency
    )
    batch = rows.Batch()
    batch.add(*steps, *fees, *_document_rows(dossier, lines), event)
    # The code's counter row stays locked until commit and every other reception at this centre today waits
    # for it: the number is taken in the same round trip as the rows that do not carry it, and only the rows
    # that do are written after it.
    day = timezone.localtime(at).date()
    ((sequence,),) = batch.insert(then=codes.next_number(dossier.receiving_agency, day))
    dossier.code = codes.format_code(dossier.receiving_agency.code, day, sequence)
    entry = _audit_entry(actor, dossier, action=action, before=NEW, changes={"code": ["", dossier.code]})
    messages = notify.messages_for(dossier, "received" if dossier.status == Status.RECEIVED else "submitted")
    sync = portal_sync.change_row(dossier, event=action, at=at)
    batch.add(dossier, entry, *messages, sync)
    batch.insert()
    notifications.deliver_after_commit(messages)
    portal_sync.send_after_commit(sync)


def receive_at_counter(
    *,
    actor,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    result_by_post: bool = False,
    competent_agency: Agency | None = None,
    at: datetime | None = None,
    limit_case: LimitCase | None = None,
    fees: Sequence[FeeChoice] = (),
) -> Dossier:
    """A one-stop officer receives a complete dossier at the counter: code, due date, receipt.

    `limit_case`: the case of the time limit the dossier falls in (the channel's default without one);
    `fees`: the rows of the fee table it owes (the channel's or the agency's fee without any)."""
    return _enter(
        actor=actor,
        action=Action.RECEIVE_AT_COUNTER,
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=documents,
        channel=SubmissionChannel.DIRECT,
        result_by_post=result_by_post,
        competent_agency=competent_agency,
        at=_now(at),
        limit_case=limit_case,
        fees=fees,
    )


def submit(
    *,
    actor,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    channel: int,
    result_by_post: bool = False,
    competent_agency: Agency | None = None,
    at: datetime | None = None,
    identity_verified: bool = False,
    limit_case: LimitCase | None = None,
    fees: Sequence[FeeChoice] = (),
) -> Dossier:
    """An online submission (by the citizen) or a postal one (registered by the officer), to be checked.

    `identity_verified`: the citizen's account is verified by electronic identification (VNeID);
    `limit_case` and `fees` as at the counter (the applicant's choice, which the officer checks)."""
    if channel not in (SubmissionChannel.ONLINE, SubmissionChannel.POSTAL):
        raise ValidationError(
            _("Chỉ nộp trực tuyến hoặc qua bưu chính. / Only online or postal submissions.")
        )
    if getattr(actor, "is_citizen", False):
        if channel != SubmissionChannel.ONLINE:
            raise ValidationError(_("Công dân nộp trực tuyến. / Citizens submit online."))
        applicant = Applicant(**{**applicant.__dict__, "user": actor})
    return _enter(
        actor=actor,
        action=Action.SUBMIT,
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=documents,
        channel=channel,
        result_by_post=result_by_post,
        competent_agency=competent_agency,
        at=_now(at),
        identity_verified=identity_verified and getattr(actor, "is_citizen", False),
        limit_case=limit_case,
        fees=fees,
    )


def submit_from_national_portal(
    *,
    centre: Agency,
    procedure: Procedure,
    applicant: Applicant,
    documents: Sequence[DocumentLine],
    result_by_post: bool,
    submitted_at: datetime,
    identity_verified: bool,
) -> Dossier:
    """A dossier the citizen submitted on the National Public Service Portal, pulled by the province
    (integrations.portal): the portal authenticated the applicant, so the submission is the applicant's own
    act with no local account (actor none); it waits in the centre's checking queue like any online one.
    `identity_verified` is what the portal says of the citizen's VNeID account."""
    return _enter(
        actor=None,
        action=Action.SUBMIT,
        centre=centre,
        procedure=procedure,
        applicant=applicant,
        documents=documents,
        channel=SubmissionChannel.ONLINE,
        result_by_post=result_by_post,
        competent_agency=None,
        at=submitted_at,
        identity_verified=identity_verified,
        roles={APPLICANT},
    )
