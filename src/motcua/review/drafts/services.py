"""Every write to draft regulations: one function per business action, permission checked, one
transaction, audited. `actor=None` is the platform itself (demo loading).

The opinion's deadline is the N-th working day after the file was received, N the time limit in force that
day, counted on the control unit's province calendar (Tết, bridge days and make-up Saturdays included); it
is a control task of the plan the draft is registered under, so the control module's queues and reminders
follow it, and sending the opinion completes that task.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure, PublicationDecision
from motcua.catalog.timing import working_days_after
from motcua.control import services as control_services
from motcua.control.deadlines import DeadlineBook
from motcua.control.models import OccurrenceStatus, Plan, PlanStatus
from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User

from .. import costs
from .. import selectors as review_selectors
from ..services import apply_form, open_catalog_draft, replace_actions
from . import selectors
from .models import (
    CATALOG_CHANGES,
    Acceptance,
    ChangeKind,
    DocumentKind,
    DraftProcedure,
    DraftRegulation,
    OpinionTimeLimit,
)
from .workflows import CONTROL, DRAFT, DRAFTER, DraftAction, DraftStatus

MAX_PROCEDURES = 200  # a real draft lists a few dozen; more is a mistake or an attack


def held_roles(actor: User | None, draft: DraftRegulation) -> frozenset[str]:
    if actor is None:
        return acting_roles(None)
    held = set()
    if actor.has_perm("review.control_draft", draft):
        held.add(CONTROL)
    if actor.has_perm("review.draft_party", draft):
        held.add(DRAFTER)
    return acting_roles(actor, *held)


def opinion_deadline(received_on: date, control_agency: Agency) -> tuple[OpinionTimeLimit, date]:
    """The time limit in force on the day the file arrived, and the opinion's deadline it gives."""
    limit = selectors.time_limit_on(received_on)
    if limit is None:
        raise ValidationError(
            _(
                "Chưa có thời hạn góp ý dự thảo có hiệu lực ngày %(day)s; quản trị viên cần nhập trong trang "
                "quản trị. / No time limit for opinions on drafts is in force on %(day)s; an administrator "
                "must enter one."
            )
            % {"day": f"{received_on:%d/%m/%Y}"}
        )
    calendar = DeadlineBook(today=received_on).calendar(control_agency)
    return limit, working_days_after(received_on, limit.working_days, calendar)


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("Ngày không thể ở tương lai. / The day cannot be in the future.")})


@transaction.atomic
def register_draft(
    *,
    actor: User | None,
    plan: Plan,
    kind: str,
    title: str,
    issuing_body: str,
    drafting_agency: Agency,
    sent_on: date,
    received_on: date,
    procedures: Sequence[Mapping[str, Any]] = (),
) -> DraftRegulation:
    """Enter a draft in the register with the procedures it creates, amends, replaces or abolishes, and give
    the control unit (the plan's following agency) its opinion task with the deadline the law sets."""
    require(actor, "control.manage_plan", plan)
    if plan.status != PlanStatus.ISSUED or plan.kind not in selectors.CONTROL_PLAN_KINDS:
        raise ValidationError(
            _(
                "Chọn một kế hoạch kiểm soát hoặc rà soát TTHC đã ban hành. / Choose an issued TTHC control "
                "or review plan."
            )
        )
    _not_future(received_on, "received_on")
    if sent_on > received_on:
        raise ValidationError(
            {"sent_on": _("Ngày gửi không thể sau ngày nhận. / The sending day cannot follow the receipt.")}
        )
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Loại văn bản không hợp lệ. / Invalid document kind.")})
    control_agency = plan.owner_agency
    limit, due = opinion_deadline(received_on, control_agency)
    task = control_services.add_task(
        actor=actor,
        plan=plan,
        content=_("Góp ý quy định thủ tục hành chính trong dự thảo: %(title)s")
        % {"title": title.strip()[:900]},
        lead_agency=control_agency,
        start_on=received_on,
        due_on=due,
        expected_output=_("Văn bản góp ý của cơ quan kiểm soát TTHC"),
    )
    draft = DraftRegulation(
        plan=plan,
        task=task,
        kind=kind,
        title=title.strip(),
        issuing_body=issuing_body.strip(),
        drafting_agency=drafting_agency,
        control_agency=control_agency,
        sent_on=sent_on,
        received_on=received_on,
        time_limit=limit,
        opinion_due_on=due,
        created_by=actor,
    )
    DRAFT.start(draft, DraftAction.REGISTER, held_roles(actor, draft))
    audited_save(draft, actor=actor, action="draft_regulation.register")
    for entry in procedures:
        add_procedure(actor=actor, draft=draft, **entry)
    return draft


def _require_status(draft: DraftRegulation, *allowed: str) -> None:
    if draft.status not in allowed:
        raise ValidationError(
            _(
                "Dự thảo đang ở trạng thái “%(status)s”, không thể thay đổi nội dung này. / The draft is "
                "“%(status)s”; this can no longer change."
            )
            % {"status": draft.get_status_display()}
        )


@transaction.atomic
def add_procedure(
    *,
    actor: User | None,
    draft: DraftRegulation,
    change: str,
    name: str = "",
    procedure: Procedure | None = None,
) -> DraftProcedure:
    """A procedure in the draft: a new one (by its name in the draft) or one of the catalog's. Its impact
    assessment is priced with the hourly income in force on the day the draft arrived."""
    require(actor, "review.draft_party", draft)
    _require_status(draft, DraftStatus.REGISTERED)
    if change not in ChangeKind.values:
        raise ValidationError({"change": _("Nội dung quy định không hợp lệ. / Invalid kind of change.")})
    if change != ChangeKind.NEW and procedure is None:
        raise ValidationError(
            {
                "procedure": _(
                    "Chọn thủ tục trong danh mục được sửa đổi, thay thế hoặc bãi bỏ. / Choose the "
                    "catalog procedure amended, replaced or abolished."
                )
            }
        )
    if draft.procedures.count() >= MAX_PROCEDURES:
        raise ValidationError(
            _("Tối đa %(n)s thủ tục mỗi dự thảo. / At most %(n)s procedures per draft.")
            % {"n": MAX_PROCEDURES}
        )
    if procedure is not None and draft.procedures.filter(procedure=procedure).exists():
        raise ValidationError(
            _("Thủ tục %(code)s đã có trong dự thảo. / Procedure %(code)s is already in the draft.")
            % {"code": procedure.national_code}
        )
    name = name.strip() or (procedure.name if procedure else "")
    if not name:
        raise ValidationError({"name": _("Nhập tên thủ tục trong dự thảo. / Enter the procedure's name.")})
    rate = review_selectors.income_rate_on(draft.received_on)
    row = DraftProcedure(
        draft=draft,
        change=change,
        procedure=procedure if change != ChangeKind.NEW else None,
        name=name,
        income_rate=rate,
        hourly_income=rate.hourly_income if rate else 0,
        times_before=0 if change == ChangeKind.NEW else 1,
        times_after=0 if change == ChangeKind.ABOLISH else 1,
    )
    return audited_save(row, actor=actor, action="draft_procedure.add")


ASSESSMENT_TEXTS = ("necessity", "reasonableness", "legality")


@transaction.atomic
def save_assessment(*, actor: User | None, row: DraftProcedure, data: Mapping[str, Any]) -> DraftProcedure:
    """The impact assessment's answers and counts (TT 07/2014/TT-BTP), before the control unit answers."""
    require(actor, "review.draft_party", row.draft)
    _require_status(row.draft, DraftStatus.REGISTERED)
    apply_form(row, data, texts=ASSESSMENT_TEXTS)
    return audited_save(row, actor=actor, action="draft_procedure.assess")


@transaction.atomic
def save_assessment_actions(
    *, actor: User | None, row: DraftProcedure, phase: str, actions: Iterable[Mapping[str, Any]]
) -> costs.Figures:
    """The applicant's actions under the procedure in force (before) or as drafted (after)."""
    require(actor, "review.draft_party", row.draft)
    _require_status(row.draft, DraftStatus.REGISTERED)
    return replace_actions(actor=actor, owner=row, phase=phase, actions=actions, event="draft_procedure")


@transaction.atomic
def answer(
    *,
    actor: User | None,
    draft: DraftRegulation,
    number: str,
    answered_on: date,
    text: str,
    opinions: Mapping[int, str],
) -> DraftRegulation:
    """The control unit's opinion letter: its number and day, the general opinion and one on each procedure.
    It completes the opinion task (on time or late against the deadline)."""
    require(actor, "review.control_draft", draft)
    _not_future(answered_on, "answered_on")
    if answered_on < draft.received_on:
        raise ValidationError(
            {
                "answered_on": _(
                    "Ngày góp ý không thể trước ngày nhận hồ sơ. / The opinion cannot predate the file."
                )
            }
        )
    rows = list(draft.procedures.all())
    if not rows:
        raise ValidationError(_("Dự thảo chưa có thủ tục nào. / The draft lists no procedure."))
    if not number.strip() or not text.strip():
        raise ValidationError(_("Nhập số văn bản và ý kiến chung. / Enter the letter's number and opinion."))
    missing = [r.name[:80] for r in rows if not str(opinions.get(r.pk, "")).strip()]
    if missing:
        raise ValidationError(
            _("Chưa có ý kiến về thủ tục: %(names)s. / No opinion on: %(names)s.")
            % {"names": "; ".join(missing)}
        )
    DRAFT.apply(draft, DraftAction.ANSWER, held_roles(actor, draft))
    draft.opinion_number, draft.opinion_on, draft.opinion_text = number.strip(), answered_on, text.strip()
    audited_save(draft, actor=actor, action="draft_regulation.answer")
    for row in rows:
        row.opinion = str(opinions[row.pk]).strip()
        audited_save(row, actor=actor, action="draft_procedure.opinion", fields=["opinion"])
    _complete_task(actor, draft, answered_on)
    return draft


def _complete_task(actor: User | None, draft: DraftRegulation, answered_on: date) -> None:
    """Report the opinion task done on the day of the letter and, for its manager, accept it."""
    if draft.task is None or actor is None or draft.plan.status != PlanStatus.ISSUED:
        return
    occurrence = draft.task.occurrences.exclude(status=OccurrenceStatus.DONE).order_by("sequence").first()
    if occurrence is None:
        return
    moment = timezone.make_aware(datetime.combine(answered_on, time(12)))
    report = control_services.report_progress(
        actor=actor,
        occurrence=occurrence,
        agency=draft.control_agency,
        percent=100,
        text=_("Đã có văn bản góp ý số %(n)s ngày %(d)s.")
        % {"n": draft.opinion_number, "d": f"{answered_on:%d/%m/%Y}"},
        is_completion=True,
        submitted_at=moment,
    )
    if actor.has_perm("control.manage_plan", draft.plan):
        control_services.review_progress(actor=actor, report=report, accept=True)


@transaction.atomic
def explain(
    *,
    actor: User | None,
    draft: DraftRegulation,
    received_on: date,
    text: str,
    answers: Mapping[int, Mapping[str, str]],
) -> DraftRegulation:
    """The drafting agency's letter on what it accepted: for each procedure accepted, partly or not; what
    was not (fully) accepted is explained."""
    require(actor, "review.draft_party", draft)
    _not_future(received_on, "received_on")
    if draft.opinion_on and received_on < draft.opinion_on:
        raise ValidationError(
            {
                "received_on": _(
                    "Văn bản giải trình không thể trước văn bản góp ý. / The explanation cannot "
                    "predate the opinion."
                )
            }
        )
    rows = list(draft.procedures.all())
    problems = []
    for row in rows:
        entry = answers.get(row.pk) or {}
        acceptance = str(entry.get("acceptance") or "")
        explanation = str(entry.get("explanation") or "").strip()
        if acceptance not in Acceptance.values:
            problems.append(
                _("Chọn mức tiếp thu cho “%(n)s”. / Choose the acceptance of “%(n)s”.") % {"n": row.name[:80]}
            )
        elif acceptance != Acceptance.ACCEPTED and not explanation:
            problems.append(_("Giải trình cho “%(n)s”. / Explain “%(n)s”.") % {"n": row.name[:80]})
        row.acceptance, row.explanation = acceptance, explanation
    if problems:
        raise ValidationError(problems)
    DRAFT.apply(draft, DraftAction.EXPLAIN, held_roles(actor, draft))
    draft.explanation_on, draft.explanation_text = received_on, text.strip()
    audited_save(draft, actor=actor, action="draft_regulation.explain")
    for row in rows:
        audited_save(row, actor=actor, action="draft_procedure.explain", fields=["acceptance", "explanation"])
    return draft


@transaction.atomic
def record_issue(
    *, actor: User | None, draft: DraftRegulation, number: str, issued_on: date
) -> DraftRegulation:
    """The document as issued. Each procedure it amends or replaces gets the draft of its next version in the
    catalog (linked from the row), which the publication decision then publishes."""
    require(actor, "review.draft_party", draft)
    _not_future(issued_on, "issued_on")
    if draft.opinion_on and issued_on < draft.opinion_on:
        raise ValidationError(
            {
                "issued_on": _(
                    "Ngày ban hành không thể trước ngày góp ý. / The issue cannot predate the opinion."
                )
            }
        )
    DRAFT.apply(draft, DraftAction.ISSUE, held_roles(actor, draft))
    draft.issued_number, draft.issued_on = number.strip(), issued_on
    audited_save(draft, actor=actor, action="draft_regulation.issue")
    note = _("Dự thảo theo %(kind)s số %(number)s ngày %(day)s.") % {
        "kind": draft.get_kind_display(),
        "number": draft.issued_number,
        "day": f"{issued_on:%d/%m/%Y}",
    }
    for row in draft.procedures.filter(change__in=CATALOG_CHANGES).select_related("procedure"):
        assert row.procedure is not None  # the model's constraint
        row.catalog_draft = open_catalog_draft(actor, row.procedure, note)
        audited_save(row, actor=actor, action="draft_procedure.catalog_draft", fields=["catalog_draft"])
    return draft


@transaction.atomic
def link_publication(
    *, actor: User | None, draft: DraftRegulation, decision: PublicationDecision
) -> DraftRegulation:
    """The publication decision that put the issued document's procedures into the catalog."""
    require(actor, "review.control_draft", draft)
    _require_status(draft, DraftStatus.ISSUED)
    if draft.issued_on and decision.signed_on < draft.issued_on:
        raise ValidationError(
            _(
                "Quyết định công bố phải ký sau khi văn bản được ban hành. / The publication decision "
                "must be signed after the document was issued."
            )
        )
    draft.publication_decision = decision
    audited_save(draft, actor=actor, action="draft_regulation.publication", fields=["publication_decision"])
    audit.record(actor=actor, action="publication.traced", target=decision, reason=str(draft))
    return draft
