"""Feedback deadlines in control's reminder sweep: the agency handling an item is reminded before and after
its stage deadline by the same rules as a control task (one reminder policy for the province)."""

from collections.abc import Iterator
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.control.reminders import DueItem, ReminderSource, reminder_sources

from .models import Feedback
from .workflows import OPEN_STATUSES


def items_due(day: date) -> Iterator[DueItem]:
    """Open items waiting on an agency (not on the sender) with a stage deadline; the sender's name and
    contacts stay out of the message, which goes by e-mail."""
    rows = (
        Feedback.objects.filter(status__in=OPEN_STATUSES, due_at__isnull=False)
        .select_related("agency__administrative_unit")
        .only("pk", "code", "title", "status", "due_at", "agency")
        .order_by("due_at", "pk")
    )
    for item in rows.iterator(chunk_size=500):
        yield DueItem(
            agency=item.agency,
            due_on=timezone.localdate(item.due_at),
            subject_key=f"feedback:{item.pk}",
            title=f"{_('Phản ánh, kiến nghị')} {item.code}",
            details=f"{item.get_status_display()} — {item.title}"[:300],
        )


reminder_sources.register(
    ReminderSource(name="feedback", label=gettext_lazy("Xử lý phản ánh, kiến nghị"), items=items_due)
)
