"""Rows with a validity period (`valid_from`, `valid_to`, either may be open): legal parameters,
units, agencies, roles. One definition of "in force on a day" for every app."""

from datetime import date
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


def valid_on(day: date) -> Q:
    """Rows whose period contains `day`; an empty bound is open."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def in_force(queryset: QuerySet[M], day: date) -> M | None:
    """The row in force on `day`, the most recently started one when periods overlap; None if none."""
    return queryset.filter(valid_on(day)).order_by("-valid_from").first()
