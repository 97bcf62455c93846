"""The completeness check: acceptance of a submission, requests to complete or supplement, the supplement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload

from .. import deadlines, notify, reference, supplements
from ..lifecycle import RESUME, Action
from ..models import Dossier, DossierPause
from .common import _authorise, _close_pause, _commit, _fresh, _need, _now, _record
from .inputs import DocumentLine, _save_documents


@transaction.atomic
def receive(*, actor, dossier: Dossier, expected_version: int, at: datetime | None = None) -> Dossier:
    """Accept a checked online or postal submission: the dossier is received now, and the legal time counts
    from this acceptance — the instant the receipt (form 01) prints — not from the submission. An online
    submission is only a request until the one-stop officer finds it complete and accepts it (NĐ 61/2018 and
    NĐ 45/2020 on online reception, chưa xác minh điều khoản); the receipt and the clock must agree."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.RECEIVE)
    before = dossier.status
    cal = reference.working_calendar(timezone.localtime(at).date())
    limit = reference.dossier_limit(dossier)
    dossier.status = t.target
    dossier.received_at, dossier.received_by = at, actor
    dossier.clock_started_at = deadlines.clock_start(at, cal)
    dossier.due_at = deadlines.due_date(at, limit, cal)
    _commit(dossier, expected_version, ["status", "received_at", "received_by", "clock_started_at", "due_at"])
    _record(actor, dossier, action=Action.RECEIVE, before=before, at=at, step=dossier.current_step)
    notify.tell_applicant(dossier, "received")
    return dossier


@transaction.atomic
def request_completion(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    missing: str,
    papers: Iterable[supplements.PaperLine | dict] = (),
    at: datetime | None = None,
) -> Dossier:
    """Before reception: tell the applicant what to complete (the legal clock has not started).
    `missing` is the reason; `papers`, the papers to add or correct (form 02's table)."""
    return _ask_for_documents(
        actor, dossier, expected_version, missing, papers, Action.REQUEST_COMPLETION, _now(at)
    )


@transaction.atomic
def request_supplement(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    missing: str,
    papers: Iterable[supplements.PaperLine | dict] = (),
    at: datetime | None = None,
) -> Dossier:
    """After reception: the clock stops until the applicant supplements; the request is counted."""
    return _ask_for_documents(
        actor, dossier, expected_version, missing, papers, Action.REQUEST_SUPPLEMENT, _now(at)
    )


def _ask_for_documents(
    actor, dossier, expected_version: int, missing: str, papers, action: str, at: datetime
) -> Dossier:
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, action)
    missing = _need(missing, _("nội dung cần bổ sung"))
    lines = supplements.clean_papers(papers)
    before = dossier.status
    dossier.paused_status, dossier.status = before, t.target
    dossier.missing_documents = missing
    fields = ["status", "paused_status", "missing_documents"]
    pausing = dossier.received_at is not None
    if pausing:
        dossier.supplement_requests += 1
        fields.append("supplement_requests")
    # The versioned UPDATE first: it waits for a concurrent request's row lock and then finds the version
    # moved (409). Opening the pause first made that request hit the one-open-pause constraint instead (500).
    _commit(dossier, expected_version, fields)
    if pausing:
        DossierPause.objects.create(dossier=dossier, started_at=at)
    event = _record(
        actor, dossier, action=action, before=before, at=at, step=dossier.current_step, reason=missing
    )
    supplements.record(actor, dossier, event, reason=missing, papers=lines)
    notify.tell_applicant(dossier, "supplement")
    return dossier


@transaction.atomic
def record_supplement(
    *,
    actor,
    dossier: Dossier,
    expected_version: int,
    documents: Sequence[DocumentLine] = (),
    note: str = "",
    at: datetime | None = None,
) -> Dossier:
    """The applicant's supplement arrived: the clock resumes, with the waiting time added to the due date."""
    at = _now(at)
    dossier = _fresh(dossier, expected_version)
    t = _authorise(actor, dossier, Action.SUPPLEMENT)
    for line in documents:
        if line.file is not None:
            check_upload(line.file, DOSSIER_DOCUMENT)
    before = dossier.status
    cal = reference.working_calendar(timezone.localtime(at).date())
    dossier.status = dossier.paused_status if t.target == RESUME else t.target
    dossier.paused_status = ""
    dossier.missing_documents = ""
    if dossier.received_at is None:
        # A completed submission is a new submission: its time counts from now.
        dossier.submitted_at = at
        dossier.clock_started_at = deadlines.clock_start(at, cal)
        dossier.due_at = deadlines.due_date(at, reference.dossier_limit(dossier), cal)
    else:
        _close_pause(dossier, at, cal)
    _save_documents(dossier, documents, supplemented=True)
    _commit(
        dossier,
        expected_version,
        [
            "status",
            "paused_status",
            "missing_documents",
            "submitted_at",
            "clock_started_at",
            "due_at",
            "promised_at",
        ],
    )
    _record(
        actor, dossier, action=Action.SUPPLEMENT, before=before, at=at, step=dossier.current_step, reason=note
    )
    return dossier
