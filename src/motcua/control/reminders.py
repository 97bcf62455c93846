"""Reminders (đôn đốc): automatic ones from the rules in force, run by the daily sweep, and manual urging.

The sweep is idempotent: a rule reminds an agency about one subject at most once a day (a unique constraint
backs the check), and a rule that does not repeat daily reminds once in all. Reminders are logged and their
messages go to the agency's staff through the notification plugins (integrations).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.access import require
from motcua.core.plugins import Registry
from motcua.core.validity import valid_on
from motcua.integrations import notifications
from motcua.integrations.models import Channel
from motcua.org.models import Agency, User

from .deadlines import DeadlineBook
from .models import (
    OccurrenceStatus,
    PlanStatus,
    Reminder,
    ReminderKind,
    ReminderRule,
    ReportRequest,
    ReportStatus,
    TaskOccurrence,
)


@dataclass(frozen=True)
class DueItem:
    """Something an agency owes by a day, kept by another app (a feedback answer, an opinion on a draft …).

    The sweep reminds about it under the same before-due and overdue rules as a control task, so a province
    sets its reminder policy once and every deadline in the platform follows it.
    """

    agency: Agency
    due_on: date
    subject_key: str  # "feedback:12": what the reminder is about, unique per source
    title: str  # one line naming the item
    details: str = ""


@dataclass(frozen=True)
class ReminderSource:
    """A named function listing the open items with a deadline on a day; apps register one in ready()."""

    name: str
    label: str
    items: Callable[[date], Iterable[DueItem]]


reminder_sources: Registry[ReminderSource] = Registry("reminder source", base=ReminderSource)


def rules_in_force(day: date) -> list[ReminderRule]:
    return list(ReminderRule.objects.filter(valid_on(day)))


def staff_of(agency: Agency, *, on: date) -> list[User]:
    """Active staff holding any role at the agency on that day: they answer for its tasks and reports."""
    ids = (
        active_roles_at(agency, on=on)
        .filter(user__is_active=True)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return list(User.objects.filter(pk__in=ids).order_by("pk"))


def active_roles_at(agency: Agency, *, on: date):
    from motcua.org.models import RoleAssignment

    return RoleAssignment.objects.filter(valid_on(on), agency=agency)


def _send(
    *,
    agency: Agency,
    day: date,
    subject: str,
    message: str,
    subject_key: str,
    rule: ReminderRule | None = None,
    occurrence: TaskOccurrence | None = None,
    report_request: ReportRequest | None = None,
    sent_by=None,
) -> Reminder | None:
    """Log one reminder and queue its messages; None when the rule already reminded (idempotency)."""
    if rule is not None:
        done = Reminder.objects.filter(rule=rule, subject_key=subject_key, agency=agency)
        if done.filter(day=day).exists() or (not rule.repeat_daily and done.exists()):
            return None
    recipients = [user for user in staff_of(agency, on=day) if user.email]
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                rule=rule,
                occurrence=occurrence,
                report_request=report_request,
                agency=agency,
                subject_key=subject_key,
                day=day,
                message=message,
                sent_by=sent_by,
                recipients=len(recipients),
            )
            for user in recipients:
                notifications.send(
                    channel=Channel.EMAIL,
                    recipient=user.email,
                    user=user,
                    subject=subject,
                    body=message,
                    reference=subject_key,
                )
            audit.record(actor=sent_by, action="reminder.send", target=reminder)
    except IntegrityError:
        return None  # another sweep sent the same reminder a moment ago
    return reminder


def _task_message(occurrence: TaskOccurrence, headline: str, extra: str = "") -> tuple[str, str]:
    task = occurrence.task
    subject = f"[MộtCửa] {headline}: {task.plan.number} — {_('nhiệm vụ')} {task.number}"
    body = "\n".join(
        line
        for line in (
            headline,
            f"{_('Kế hoạch')}: {task.plan}",
            f"{_('Nhiệm vụ')} {task.number}: {task.content}",
            f"{_('Kỳ')}: {occurrence.label} — {_('hạn')} {occurrence.due_on:%d/%m/%Y}",
            extra,
        )
        if line
    )
    return subject, body


@transaction.atomic
def urge_task(*, actor: User | None, occurrence: TaskOccurrence, message: str) -> Reminder | None:
    """The plan owner urges the lead agency by hand, with a message; always sent and logged."""
    require(actor, "control.manage_plan", occurrence.task.plan)
    if not message.strip():
        raise ValidationError(_("Cần nhập nội dung đôn đốc. / Write the message."))
    subject, body = _task_message(occurrence, _("Đôn đốc thực hiện nhiệm vụ"), message.strip())
    return _send(
        agency=occurrence.task.lead_agency,
        day=timezone.localdate(),
        subject=subject,
        message=body,
        subject_key=f"occurrence:{occurrence.pk}",
        occurrence=occurrence,
        sent_by=actor,
    )


@transaction.atomic
def urge_report(
    *, actor: User | None, request: ReportRequest, agency: Agency, message: str
) -> Reminder | None:
    require(actor, "control.manage_plan", request.plan)
    if not request.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(_("Cơ quan này không phải báo cáo. / This agency does not owe the report."))
    subject = f"[MộtCửa] {_('Đôn đốc gửi báo cáo')}: {request}"
    body = f"{_('Đôn đốc gửi báo cáo')}: {request} — {_('hạn')} {request.due_on:%d/%m/%Y}\n{message.strip()}"
    return _send(
        agency=agency,
        day=timezone.localdate(),
        subject=subject,
        message=body,
        subject_key=f"request:{request.pk}",
        report_request=request,
        sent_by=actor,
    )


@dataclass
class SweepResult:
    day: date
    task_reminders: int = 0
    report_reminders: int = 0
    messages_sent: int = 0
    item_reminders: int = 0
    skipped_days_off: set[int] = field(default_factory=set)


def sweep(*, day: date | None = None, deliver: bool = True) -> SweepResult:
    """The daily run: remind about tasks near or past their deadline and reports not yet sent."""
    day = day or timezone.localdate()
    book = DeadlineBook(today=day)
    result = SweepResult(day=day)
    rules = rules_in_force(day)
    task_rules = [r for r in rules if r.kind in (ReminderKind.BEFORE_DUE, ReminderKind.OVERDUE)]
    report_rules = [r for r in rules if r.kind == ReminderKind.REPORT_MISSING]
    if task_rules:
        result.task_reminders = _sweep_tasks(book, task_rules, result)
        result.item_reminders = _sweep_sources(book, task_rules, result)
    if report_rules:
        result.report_reminders = _sweep_reports(book, report_rules, result)
    if deliver:
        result.messages_sent = notifications.deliver_pending()
    return result


def _working_day_for(book: DeadlineBook, agency: Agency, result: SweepResult) -> bool:
    """Nobody is reminded on their day off; the next working day's run picks the task up."""
    if book.calendar(agency).is_working_day(book.today):
        return True
    result.skipped_days_off.add(agency.pk)
    return False


def _due_headline(rule: ReminderRule, left: int, *, before: str, overdue: str) -> str | None:
    """The rule's headline for a deadline `left` working days away, or None when the rule does not fire."""
    if rule.kind == ReminderKind.BEFORE_DUE and 0 <= left <= rule.working_days:
        return before % {"n": left}
    if rule.kind == ReminderKind.OVERDUE and left < 0 and -left >= rule.working_days:
        return overdue % {"n": -left}
    return None


def _sweep_sources(book: DeadlineBook, rules: list[ReminderRule], result: SweepResult) -> int:
    """Remind about the registered apps' items with the task rules (before due, overdue)."""
    count = 0
    for source in reminder_sources.all().values():
        for item in source.items(book.today):
            if not _working_day_for(book, item.agency, result):
                continue
            left = book.working_days_left(item.due_on, item.agency)
            for rule in rules:
                headline = _due_headline(
                    rule,
                    left,
                    before=_("Sắp đến hạn (còn %(n)s ngày làm việc)"),
                    overdue=_("Đã quá hạn %(n)s ngày làm việc"),
                )
                if headline is None:
                    continue
                body = "\n".join(
                    line
                    for line in (
                        f"{headline}: {source.label}",
                        item.title,
                        f"{_('Hạn')}: {item.due_on:%d/%m/%Y}",
                        item.details,
                    )
                    if line
                )
                sent = _send(
                    agency=item.agency,
                    day=book.today,
                    subject=f"[MộtCửa] {headline}: {item.title}"[:200],
                    message=body,
                    subject_key=item.subject_key,
                    rule=rule,
                )
                count += sent is not None
    return count


def _sweep_tasks(book: DeadlineBook, rules: list[ReminderRule], result: SweepResult) -> int:
    count = 0
    open_occurrences = TaskOccurrence.objects.filter(
        task__plan__status=PlanStatus.ISSUED,
        status__in=[OccurrenceStatus.OPEN, OccurrenceStatus.RETURNED],
        period_start__lte=book.today,
    ).select_related("task__plan", "task__lead_agency__administrative_unit")
    for occurrence in open_occurrences:
        agency = occurrence.task.lead_agency
        if not _working_day_for(book, agency, result):
            continue
        left = book.working_days_left(occurrence.due_on, agency)
        for rule in rules:
            headline = _due_headline(
                rule,
                left,
                before=_("Nhiệm vụ sắp đến hạn (còn %(n)s ngày làm việc)"),
                overdue=_("Nhiệm vụ đã quá hạn %(n)s ngày làm việc"),
            )
            if headline is None:
                continue
            subject, body = _task_message(occurrence, headline)
            sent = _send(
                agency=agency,
                day=book.today,
                subject=subject,
                message=body,
                subject_key=f"occurrence:{occurrence.pk}",
                rule=rule,
                occurrence=occurrence,
            )
            count += sent is not None
    return count


def _sweep_reports(book: DeadlineBook, rules: list[ReminderRule], result: SweepResult) -> int:
    count = 0
    requests = ReportRequest.objects.filter(plan__status=PlanStatus.ISSUED, period__end__lte=book.today)
    for request in requests.prefetch_related("agencies__administrative_unit"):
        submitted = set(
            request.reports.filter(status=ReportStatus.SUBMITTED).values_list("agency_id", flat=True)
        )
        for agency in request.agencies.all():
            if agency.pk in submitted or not _working_day_for(book, agency, result):
                continue
            left = book.working_days_left(request.due_on, agency)
            for rule in rules:
                if left > rule.working_days:
                    continue
                state = (
                    _("quá hạn %(n)s ngày làm việc") % {"n": -left}
                    if left < 0
                    else _("còn %(n)s ngày làm việc") % {"n": left}
                )
                subject = f"[MộtCửa] {_('Chưa gửi báo cáo')}: {request}"
                body = f"{_('Chưa gửi báo cáo')}: {request} — {_('hạn')} {request.due_on:%d/%m/%Y} ({state})"
                sent = _send(
                    agency=agency,
                    day=book.today,
                    subject=subject,
                    message=body,
                    subject_key=f"request:{request.pk}",
                    rule=rule,
                    report_request=request,
                )
                count += sent is not None
    return count
