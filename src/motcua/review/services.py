"""Every write to reviews: one function per business action, permission checked, in one transaction,
audited. `actor=None` is the platform itself (demo loading).

The item's deadline is a control task (control.services.add_task), so the control module's reminders and
progress reports follow it. Approving an option that amends the procedure opens the draft of its next
version in the catalog (catalog.services.save_draft), linked from the form, so the publication decision
that later publishes the draft is traced back to the review that asked for it.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import selectors as catalog_selectors
from motcua.catalog import services as catalog_services
from motcua.catalog.content import version_content
from motcua.catalog.models import Procedure
from motcua.control import services as control_services
from motcua.control.models import Plan, PlanKind, PlanStatus
from motcua.core import audit
from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.core.workflow import acting_roles
from motcua.org.models import Agency, User

from . import costs, selectors
from .models import (
    AMENDING,
    ApprovalDecision,
    ComplianceCost,
    CostAction,
    Phase,
    ProcedureReview,
    Proposal,
    ReviewItem,
    ReviewPart,
)
from .workflows import MANAGER, REVIEW, REVIEWER, ReviewAction, ReviewStatus

FORM_FIELDS = (
    "proposal",
    "option_text",
    "reason",
    "implementation",
    "times_before",
    "times_after",
    "subjects",
)
MAX_ACTIONS = 60  # per phase: a real form lists a dozen; more is a mistake or an attack


# ---------------------------------------------------------------------------------------------- items


@transaction.atomic
def add_item(
    *,
    actor: User | None,
    plan: Plan,
    procedures: Sequence[Procedure],
    reviewing_agency: Agency,
    due_on: date,
    group_name: str = "",
    start_on: date | None = None,
) -> ReviewItem:
    """A row of the review plan, with its control task (deadline and reminders) for the reviewing agency."""
    require(actor, "control.manage_plan", plan)
    if plan.kind != PlanKind.REVIEW:
        raise ValidationError(
            _("Chỉ thêm nội dung rà soát vào kế hoạch rà soát. / Review items belong to a review plan.")
        )
    procedures = list(dict.fromkeys(procedures))
    if not procedures:
        raise ValidationError(_("Chọn ít nhất một thủ tục. / Choose at least one procedure."))
    if len(procedures) > 1 and not group_name.strip():
        raise ValidationError({"group_name": _("Đặt tên cho nhóm thủ tục. / Name the group of procedures.")})
    start_on = min(start_on or timezone.localdate(), due_on)
    names = group_name.strip() or f"{procedures[0].national_code} {procedures[0].name}"
    task = control_services.add_task(
        actor=actor,
        plan=plan,
        content=_("Rà soát, đánh giá thủ tục hành chính: %(what)s") % {"what": names[:900]},
        lead_agency=reviewing_agency,
        start_on=start_on,
        due_on=due_on,
        expected_output=_("Biểu mẫu rà soát, đánh giá và phương án đơn giản hóa"),
    )
    item = ReviewItem(
        plan=plan,
        group_name=group_name.strip(),
        reviewing_agency=reviewing_agency,
        due_on=due_on,
        task=task,
        created_by=actor,
    )
    audited_save(item, actor=actor, action="review_item.create")
    item.procedures.set(procedures)
    return item


# -------------------------------------------------------------------------------------------- reviews


def held_roles(actor: User | None, item: ReviewItem) -> frozenset[str]:
    if actor is None:
        return acting_roles(None)
    held = set()
    if actor.has_perm("review.fill_review", item):
        held.add(REVIEWER)
    if actor.has_perm("review.manage_item", item):
        held.add(MANAGER)
    return acting_roles(actor, *held)


@transaction.atomic
def start_review(
    *, actor: User | None, item: ReviewItem, procedure: Procedure, today: date | None = None
) -> ProcedureReview:
    """Open the review form of one procedure of the item: the hourly income in force and the platform's
    count of the procedure's dossiers (the default number of subjects a year) are taken now."""
    require(actor, "review.start_review", item)
    if item.plan.status == PlanStatus.CLOSED:
        raise ValidationError(_("Kế hoạch đã kết thúc, không thể thay đổi. / The plan is closed."))
    if not item.procedures.filter(pk=procedure.pk).exists():
        raise ValidationError(
            _("Thủ tục không thuộc nội dung rà soát này. / The procedure is not part of this item.")
        )
    existing = item.reviews.filter(procedure=procedure).first()
    if existing is not None:
        return existing
    today = today or timezone.localdate()
    rate = selectors.income_rate_on(today)
    if rate is None:
        raise ValidationError(
            _(
                "Chưa có mức thu nhập bình quân có hiệu lực ngày %(day)s để tính chi phí tuân thủ; quản trị "
                "viên cần nhập trong trang quản trị. / No average income is in force on %(day)s to price "
                "the compliance cost; an administrator must enter one."
            )
            % {"day": f"{today:%d/%m/%Y}"}
        )
    counted = selectors.dossiers_last_year(actor, procedure.pk, today=today) if actor else 0
    review = ProcedureReview(
        item=item,
        procedure=procedure,
        income_rate=rate,
        hourly_income=rate.hourly_income,
        dossiers_counted=counted,
        subjects=counted,
    )
    REVIEW.start(review, ReviewAction.START, held_roles(actor, item))
    return audited_save(review, actor=actor, action="review.start")


def _require_editable(actor: User | None, review: ProcedureReview) -> None:
    require(actor, "review.fill_review", review.item)
    if review.status != ReviewStatus.DRAFT:
        raise ValidationError(
            _("Phiếu đã gửi, không sửa được nữa. / The form has been sent and can no longer change.")
        )


def decimal_input(value: Any, field: str, *, places: int) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", ".")) if value not in (None, "") else Decimal(0)
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Phải là một số. / Must be a number.")}) from None
    if not number.is_finite() or number < 0 or number >= Decimal(10) ** 12:
        raise ValidationError(
            {field: _("Phải là số không âm hợp lệ. / Must be a valid non-negative number.")}
        )
    return number.quantize(Decimal(1).scaleb(-places))


def recompute(review: ComplianceCost) -> costs.Figures:
    """Put the standard-cost figures of the form's actions on the form (not saved): a review form or the
    impact assessment of a procedure in a draft."""
    actions = list(review.actions.all())  # type: ignore[attr-defined]

    def of(phase: str) -> list[costs.Action]:
        return [costs.Action(a.hours, a.money) for a in actions if a.phase == phase]

    result = costs.figures(
        before=of(Phase.BEFORE),
        after=of(Phase.AFTER),
        hourly_income=review.hourly_income,
        times_before=review.times_before,
        times_after=review.times_after,
        subjects=review.subjects,
    )
    review.cost_before, review.cost_after = result.cost_before, result.cost_after
    review.annual_before, review.annual_after = result.annual_before, result.annual_after
    return result


@transaction.atomic
def save_form(*, actor: User | None, review: ProcedureReview, data: Mapping[str, Any]) -> ProcedureReview:
    """The option and the counts of the form: proposal, option, reason, times a year, subjects."""
    _require_editable(actor, review)
    apply_form(review, data, texts=("proposal", "option_text", "reason", "implementation"))
    return audited_save(review, actor=actor, action="review.save")


def apply_form(owner: ComplianceCost, data: Mapping[str, Any], *, texts: Iterable[str]) -> None:
    """Put the posted texts and the counts (times a year, subjects) on a review form or an impact
    assessment, and recompute its figures (not saved)."""
    for field in texts:
        if field in data:
            setattr(owner, field, str(data[field] or "").strip())
    if "times_before" in data:
        owner.times_before = decimal_input(data["times_before"], "times_before", places=2)
    if "times_after" in data:
        owner.times_after = decimal_input(data["times_after"], "times_after", places=2)
    if "subjects" in data:
        owner.subjects = int(decimal_input(data["subjects"], "subjects", places=0))
    recompute(owner)


@transaction.atomic
def save_parts(
    *, actor: User | None, review: ProcedureReview, parts: Iterable[Mapping[str, Any]]
) -> list[ReviewPart]:
    """The assessment of the constituent parts, replacing what the form held."""
    _require_editable(actor, review)
    rows = []
    seen = set()
    for entry in parts:
        part = ReviewPart(review=review, **{k: entry.get(k, "") for k in _PART_FIELDS})
        if part.part in seen:
            raise ValidationError(
                _("Mỗi bộ phận tạo thành chỉ đánh giá một lần. / Each part is assessed once.")
            )
        seen.add(part.part)
        if part.proposal != Proposal.KEEP and not part.reason.strip():
            raise ValidationError(
                {
                    "reason": _(
                        "Nêu lý do kiến nghị cho bộ phận “%(part)s”. / Give the reason for the proposal "
                        "on “%(part)s”."
                    )
                    % {"part": part.get_part_display()}
                }
            )
        part.full_clean(exclude=["review"])
        rows.append(part)
    before = [str(p) for p in review.parts.all()]
    review.parts.all().delete()
    ReviewPart.objects.bulk_create(rows)
    audit.record(
        actor=actor,
        action="review.parts",
        target=review,
        changes={"parts": [before, [str(p) for p in rows]]},
    )
    return rows


_PART_FIELDS = ("part", "necessary", "reasonable", "lawful", "finding", "proposal", "reason")


@transaction.atomic
def save_actions(
    *, actor: User | None, review: ProcedureReview, phase: str, actions: Iterable[Mapping[str, Any]]
) -> costs.Figures:
    """The applicant's actions of one phase (before or after the option), replacing the phase's list, and
    the figures recomputed from them."""
    _require_editable(actor, review)
    return replace_actions(actor=actor, owner=review, phase=phase, actions=actions, event="review")


def replace_actions(
    *,
    actor: User | None,
    owner: ProcedureReview | Any,
    phase: str,
    actions: Iterable[Mapping[str, Any]],
    event: str,
) -> costs.Figures:
    """Replace one phase's actions of a review form or of a procedure in a draft (`owner`), recompute and
    save its figures, audit the change. The caller checked the actor may edit the owner."""
    if phase not in Phase.values:
        raise ValidationError(_("Thời điểm tính chi phí không hợp lệ. / Invalid phase."))
    link = "review" if isinstance(owner, ProcedureReview) else "draft_procedure"
    rows = []
    for entry in actions:
        description = str(entry.get("description") or "").strip()
        if not description:
            continue
        action = CostAction(
            phase=phase,
            kind=str(entry.get("kind") or ""),
            description=description,
            hours=decimal_input(entry.get("hours"), "hours", places=2),
            money=decimal_input(entry.get("money"), "money", places=0),
            **{link: owner},
        )
        action.full_clean(exclude=["review", "draft_procedure"])
        rows.append(action)
    if len(rows) > MAX_ACTIONS:
        raise ValidationError(
            _("Tối đa %(n)s công việc mỗi thời điểm. / At most %(n)s actions per phase.") % {"n": MAX_ACTIONS}
        )
    before = {"annual_before": str(owner.annual_before), "annual_after": str(owner.annual_after)}
    owner.actions.filter(phase=phase).delete()
    CostAction.objects.bulk_create(rows)
    result = recompute(owner)
    owner.save()
    audit.record(
        actor=actor,
        action=f"{event}.actions_{phase}",
        target=owner,
        before=before,
        after={"annual_before": str(owner.annual_before), "annual_after": str(owner.annual_after)},
    )
    return result


def submission_problems(review: ProcedureReview) -> list[str]:
    problems = []
    if not review.parts.exists():
        problems.append(_("Chưa đánh giá bộ phận tạo thành nào. / No constituent part has been assessed."))
    if not review.actions.filter(phase=Phase.BEFORE).exists():
        problems.append(
            _("Chưa tính chi phí tuân thủ hiện tại. / The current compliance cost is not computed.")
        )
    if review.proposal != Proposal.KEEP:
        if not review.option_text.strip() or not review.reason.strip():
            problems.append(
                _("Phương án cần nội dung và lý do. / An option needs its content and its reason.")
            )
        if review.proposal != Proposal.ABOLISH and not review.actions.filter(phase=Phase.AFTER).exists():
            problems.append(
                _(
                    "Chưa tính chi phí sau đơn giản hóa. / The compliance cost after simplification is "
                    "not computed."
                )
            )
    return problems


@transaction.atomic
def submit(*, actor: User | None, review: ProcedureReview) -> ProcedureReview:
    """The reviewing agency sends the form to the office following the plan; it no longer changes."""
    require(actor, "review.fill_review", review.item)
    problems = submission_problems(review)
    if problems:
        raise ValidationError(problems)
    REVIEW.apply(review, ReviewAction.SUBMIT, held_roles(actor, review.item))
    review.submitted_at = timezone.now()
    review.submitted_by = actor
    review.return_comment = ""
    return audited_save(review, actor=actor, action="review.submit")


@transaction.atomic
def send_back(*, actor: User | None, review: ProcedureReview, comment: str) -> ProcedureReview:
    require(actor, "review.manage_item", review.item)
    if not comment.strip():
        raise ValidationError({"comment": _("Nêu lý do trả lại. / Say why the form goes back.")})
    REVIEW.apply(review, ReviewAction.RETURN, held_roles(actor, review.item))
    review.return_comment = comment.strip()
    return audited_save(review, actor=actor, action="review.return", reason=comment.strip())


# ------------------------------------------------------------------------------------------ approval


@transaction.atomic
def approve(
    *,
    actor: User | None,
    plan: Plan,
    number: str,
    signed_on: date,
    signer: str,
    reviews: Sequence[ProcedureReview],
    file: UploadedFile | None = None,
) -> ApprovalDecision:
    """Record the chairman's decision approving the options of sent forms. An option that amends the
    procedure opens the draft of the procedure's next version in the catalog, linked from the form."""
    require(actor, "control.manage_plan", plan)
    if not reviews:
        raise ValidationError(_("Chọn ít nhất một phương án. / Choose at least one option."))
    if signed_on > timezone.localdate():
        raise ValidationError(
            {"signed_on": _("Ngày ký không thể ở tương lai. / The signing day cannot be in the future.")}
        )
    if any(r.item.plan_id != plan.pk for r in reviews):
        raise ValidationError(_("Phương án phải thuộc kế hoạch này. / Options must belong to this plan."))
    decision = ApprovalDecision(
        plan=plan,
        number=number.strip(),
        signed_on=signed_on,
        signer=signer.strip(),
        issuer=plan.issuing_agency,
        created_by=actor,
    )
    if file is not None:
        decision.file = file
    decision = audited_save(decision, actor=actor, action="review_decision.create")
    for review in reviews:
        REVIEW.apply(review, ReviewAction.APPROVE, held_roles(actor, review.item))
        review.decision = decision
        if review.proposal in AMENDING:
            review.catalog_draft = _open_catalog_draft(actor, review, decision)
        audited_save(review, actor=actor, action="review.approve", reason=decision.number)
    return decision


def _open_catalog_draft(actor: User | None, review: ProcedureReview, decision: ApprovalDecision):
    note = _(
        "Dự thảo sửa đổi theo phương án đơn giản hóa được phê duyệt tại Quyết định %(number)s ngày %(day)s."
    ) % {
        "number": decision.number,
        "day": f"{decision.signed_on:%d/%m/%Y}",
    }
    return open_catalog_draft(actor, review.procedure, note)


def open_catalog_draft(actor: User | None, procedure: Procedure, note: str):
    """The open draft of the procedure's next version: the one being edited if there is one, else a copy
    of the latest published version, with `note` (what asked for it) added to its notes."""
    draft = catalog_selectors.open_draft(procedure)
    if draft is not None:
        return draft
    latest = catalog_selectors.latest_version(procedure)
    if latest is None:
        raise ValidationError(
            _(
                "Thủ tục %(code)s chưa có phiên bản công bố để sửa đổi. / Procedure %(code)s has no "
                "published version to amend."
            )
            % {"code": procedure.national_code}
        )
    content = version_content(latest)
    content["notes"] = "\n".join(filter(None, [str(content.get("notes") or "").strip(), note]))
    return catalog_services.save_draft(actor=actor, content=content)
