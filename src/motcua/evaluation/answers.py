"""The answers each kind of question offers: a stored value, the label read to the citizen, and the
quality (0 to 1) the weighted score uses. The questions themselves are data (RatingCriterion)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import AnswerSet


@dataclass(frozen=True)
class Option:
    value: int
    label: Promise
    quality: Decimal


def _o(value: int, label: Promise, quality: str) -> Option:
    return Option(value, label, Decimal(quality))


# Best answer first, as on the paper ballot.
OPTIONS: dict[str, tuple[Option, ...]] = {
    AnswerSet.SATISFACTION: (
        _o(4, _("Rất hài lòng"), "1"),
        _o(3, _("Hài lòng"), "0.67"),
        _o(2, _("Chưa hài lòng"), "0.33"),
        _o(1, _("Không hài lòng"), "0"),
    ),
    AnswerSet.ATTITUDE: (
        _o(4, _("Lịch sự, nhiệt tình, chu đáo"), "1"),
        _o(3, _("Lịch sự"), "0.67"),
        _o(2, _("Chưa nhiệt tình"), "0.33"),
        _o(1, _("Gây phiền hà, nhũng nhiễu"), "0"),
    ),
    AnswerSet.YES_NO: (
        _o(2, _("Có"), "1"),
        _o(1, _("Không"), "0"),
    ),
    AnswerSet.TIME: (
        _o(3, _("Sớm hơn quy định"), "1"),
        _o(2, _("Đúng quy định"), "1"),
        _o(1, _("Muộn hơn quy định"), "0"),
    ),
    AnswerSet.COUNT: (
        _o(1, _("1 lần"), "1"),
        _o(2, _("2 lần"), "0.67"),
        _o(3, _("3 lần"), "0.33"),
        _o(4, _("Nhiều hơn 3 lần"), "0"),
    ),
    AnswerSet.PUBLICITY: (
        _o(3, _("Đầy đủ, dễ hiểu"), "1"),
        _o(2, _("Đầy đủ nhưng khó hiểu"), "0.5"),
        _o(1, _("Chưa đầy đủ"), "0"),
    ),
}


def option(answer_set: str, value: int) -> Option | None:
    return next((o for o in OPTIONS[answer_set] if o.value == value), None)
