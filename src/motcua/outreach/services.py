"""Writes to communication activities: record, correct, remove; each audited, by the agency's own staff."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.control.models import Task
from motcua.control.services import check_upload, require
from motcua.core import audit
from motcua.org.models import Agency

from .models import CommunicationActivity

EDITABLE = frozenset(
    {"kind", "title", "held_on", "channel", "audience", "reach", "evidence", "evidence_link", "task"}
)


def _check(activity: CommunicationActivity) -> None:
    if activity.held_on > timezone.localdate():
        raise ValidationError(_("Ngày thực hiện không được sau hôm nay. / The date cannot be in the future."))
    task = activity.task
    if task is not None and not (
        task.lead_agency_id == activity.agency_id
        or task.supporting_agencies.filter(pk=activity.agency_id).exists()
    ):
        raise ValidationError(
            _("Nhiệm vụ này không giao cho cơ quan thực hiện. / The task was not given to this agency.")
        )


@transaction.atomic
def record_activity(
    *,
    actor,
    agency: Agency,
    kind: str,
    title: str,
    held_on: date,
    channel: str = "",
    audience: str = "",
    reach: int = 0,
    evidence: UploadedFile | None = None,
    evidence_link: str = "",
    task: Task | None = None,
) -> CommunicationActivity:
    require(actor, "outreach.record_for", agency)
    activity = CommunicationActivity(
        agency=agency,
        kind=kind,
        title=title,
        held_on=held_on,
        channel=channel,
        audience=audience,
        reach=reach,
        evidence_link=evidence_link,
        task=task,
        recorded_by=actor,
    )
    if evidence is not None:
        check_upload(evidence)
        activity.evidence = evidence
    activity.full_clean()
    _check(activity)
    activity.save()
    audit.record(actor=actor, action="activity.record", target=activity)
    return activity


@transaction.atomic
def update_activity(*, actor, activity: CommunicationActivity, **changes) -> CommunicationActivity:
    require(actor, "outreach.record_for", activity.agency)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(
            _("Không sửa được: %(f)s / Not editable: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    before = audit.snapshot(activity)
    for field, value in changes.items():
        if field == "evidence" and value:
            check_upload(value)
        setattr(activity, field, value)
    activity.full_clean()
    _check(activity)
    activity.save()
    audit.record(actor=actor, action="activity.update", target=activity, before=before)
    return activity


@transaction.atomic
def delete_activity(*, actor, activity: CommunicationActivity, reason: str = "") -> None:
    require(actor, "outreach.record_for", activity.agency)
    audit.record(
        actor=actor,
        action="activity.delete",
        target=activity,
        before=audit.snapshot(activity),
        after={},
        reason=reason,
    )
    activity.delete()
