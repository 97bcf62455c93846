"""Writes of the evaluation app: a citizen rates the handling of their dossier, once, after the result."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.dossiers.lifecycle import APPLICANT, Status
from motcua.dossiers.models import Dossier
from motcua.dossiers.rules import roles_on
from motcua.org.models import User

from . import selectors
from .answers import option
from .models import Rating, RatingAnswer, RatingCriterion

RATEABLE = frozenset({Status.RESULT_READY, Status.RETURNED})
COMMENT_MAX = 2000


def _verdict(answers: list[tuple[RatingCriterion, int]]) -> tuple[bool, Decimal]:
    """Unsatisfied when a deciding question is answered at or below its threshold; the score is the
    weighted mean quality of the answers given, out of 100."""
    satisfied = not any(
        c.unsatisfied_at_most is not None and value <= c.unsatisfied_at_most for c, value in answers
    )
    weights = sum((c.weight for c, _v in answers), Decimal(0))
    if not weights:
        return satisfied, Decimal(0)
    total = sum((c.weight * _quality(c, v) for c, v in answers), Decimal(0))
    return satisfied, (total * 100 / weights).quantize(Decimal("0.01"))


def _quality(criterion: RatingCriterion, value: int) -> Decimal:
    found = option(criterion.answer_set, value)
    return found.quality if found is not None else Decimal(0)  # checked answers always have one


def _checked_answers(
    criteria: list[RatingCriterion], values: Mapping[str, int | str | None]
) -> list[tuple[RatingCriterion, int]]:
    errors: dict[str, str] = {}
    answers: list[tuple[RatingCriterion, int]] = []
    for criterion in criteria:
        value = values.get(criterion.code)
        if value in (None, ""):
            if criterion.required:
                errors[criterion.code] = _("Hãy chọn một câu trả lời. / Choose an answer.")
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if option(criterion.answer_set, number) is None:
            errors[criterion.code] = _("Câu trả lời không hợp lệ. / Invalid answer.")
            continue
        answers.append((criterion, number))
    unknown = set(values) - {c.code for c in criteria}
    if unknown:
        errors["__all__"] = _("Câu hỏi không còn áp dụng. / A question is no longer in use.")
    if errors:
        raise ValidationError(errors)
    return answers


@transaction.atomic
def rate_dossier(
    *,
    actor: User | None,
    dossier: Dossier,
    answers: Mapping[str, int | str | None],
    comment: str = "",
    at: datetime | None = None,
) -> Rating:
    """The applicant rates their dossier once its result is ready; `answers` maps criterion codes to
    values. `actor=None` records a ballot collected by the system (counter tablet, the demo)."""
    at = at or timezone.now()
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if actor is not None and APPLICANT not in roles_on(actor, dossier):
        raise PermissionDenied(_("Chỉ người nộp hồ sơ được đánh giá. / Only the applicant may rate."))
    if dossier.status not in RATEABLE:
        raise ValidationError(
            _("Chỉ đánh giá khi hồ sơ đã có kết quả. / A dossier can be rated once its result is ready.")
        )
    if Rating.objects.filter(dossier=dossier).exists():
        raise ValidationError(_("Hồ sơ này đã được đánh giá. / This dossier has already been rated."))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            {"comment": _("Ý kiến tối đa %(n)s ký tự. / At most %(n)s characters.") % {"n": COMMENT_MAX}}
        )
    given = _checked_answers(list(selectors.criteria_in_force(timezone.localtime(at).date())), answers)
    satisfied, score = _verdict(given)
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                dossier=dossier,
                rated_by=actor if getattr(actor, "is_authenticated", False) else None,
                rated_at=at,
                comment=comment,
                satisfied=satisfied,
                score=score,
            )
    except IntegrityError:  # rated in parallel
        raise ValidationError(
            _("Hồ sơ này đã được đánh giá. / This dossier has already been rated.")
        ) from None
    RatingAnswer.objects.bulk_create(RatingAnswer(rating=rating, criterion=c, value=v) for c, v in given)
    # Not an audited_save: the event also holds the answers, rows of another table written just above.
    audit.record(
        actor=actor,
        action="rating.create",
        target=rating,
        changes={
            "dossier": [None, dossier.pk],
            "satisfied": [None, satisfied],
            "answers": [None, {c.code: v for c, v in given}],
        },
    )
    return rating
