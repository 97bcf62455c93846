"""Rows with a validity period (`valid_from`, `valid_to`, either may be open): legal parameters,
units, agencies, roles. One definition of "in force on a day" for every app."""

from datetime import date
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

M = TypeVar("M", bound=Model)


def valid_on(day: date) -> Q:
    """Rows whose period contains `day`; an empty bound is open."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def in_force(queryset: QuerySet[M], day: date) -> M | None:
    """The row in force on `day`, the most recently started one when periods overlap; None if none."""
    return queryset.filter(valid_on(day)).order_by("-valid_from").first()


def stage_limit_in_force(queryset: QuerySet[M], day: date, stage: str) -> M:
    """The time limit of a stage (feedback, a citizen's question) in force on `day`; a clear refusal that
    names the stage when an administrator has declared none, never a crash on a missing row."""
    found = in_force(queryset, day)
    if found is None:
        raise ValidationError(
            _(
                "Chưa có thời hạn “%(stage)s” có hiệu lực ngày %(day)s; quản trị cần khai báo. "
                "/ No time limit for this stage is in force on that day; an administrator must add one."
            )
            % {"stage": stage, "day": day.strftime("%d/%m/%Y")}
        )
    return found
