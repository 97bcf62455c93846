"""Timing rules of publication (§4): they are data (PublicationRule rows), counted on the working calendar.

- A province publishes at least N working days before the legal document takes effect: the deadline is the
  day N working days before that date, counted backwards over working days; a decision signed on or before
  it is on time.
- It posts the decision to the national database within N working days of signing: the deadline is the N-th
  working day after the signing day; posting on or before it is on time.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.core.validity import in_force
from motcua.workdays.calendar import Calendar

from .models import PublicationRule


def rule_in_force(kind: str, day: date) -> PublicationRule:
    rule = in_force(PublicationRule.objects.filter(kind=kind), day)
    if rule is None:
        raise ValidationError(
            _(
                "Chưa có quy định thời hạn công bố áp dụng ngày %(day)s. "
                "/ No publication time rule applies on %(day)s."
            )
            % {"day": day.strftime("%d/%m/%Y")}
        )
    return rule


def working_days_before(day: date, count: int, calendar: Calendar) -> date:
    """The working day that lies `count` working days before `day` (`day` itself is not counted)."""
    found = 0
    while found < count:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
    return day


def working_days_after(day: date, count: int, calendar: Calendar) -> date:
    """The `count`-th working day after `day` (`day` itself is not counted)."""
    found = 0
    while found < count:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
    return day


@dataclass(frozen=True)
class Timing:
    publish_deadline: date | None
    published_on_time: bool | None
    post_deadline: date
    posted_on_time: bool | None


def decision_timing(
    *, signed_on: date, legal_effective_on: date | None, posted_on: date | None, calendar: Calendar
) -> Timing:
    """Deadlines and on-time flags of a decision under the rules in force on its signing day."""
    publish_deadline = published_on_time = None
    if legal_effective_on is not None:
        lead = rule_in_force(PublicationRule.Kind.PUBLISH_BEFORE_EFFECT, signed_on).working_days
        publish_deadline = working_days_before(legal_effective_on, lead, calendar)
        published_on_time = signed_on <= publish_deadline
    within = rule_in_force(PublicationRule.Kind.POST_AFTER_DECISION, signed_on).working_days
    post_deadline = working_days_after(signed_on, within, calendar)
    posted_on_time = None if posted_on is None else posted_on <= post_deadline
    return Timing(publish_deadline, published_on_time, post_deadline, posted_on_time)
