"""Writes to communication activities (record, correct, remove; by the agency's own staff) and to the public
Q&A (by communication officers for the agencies they see); each audited."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure
from motcua.control.models import Task
from motcua.core.access import require
from motcua.core.audited import audited_delete, audited_save
from motcua.org.models import Agency, User

from .models import CommunicationActivity, Faq, FaqTopic

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
    actor: User | None,
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
        activity.evidence = evidence  # checked by the field's upload policy
    _check(activity)
    return audited_save(activity, actor=actor, action="activity.record")


@transaction.atomic
def update_activity(
    *, actor: User | None, activity: CommunicationActivity, **changes
) -> CommunicationActivity:
    require(actor, "outreach.record_for", activity.agency)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(
            _("Không sửa được: %(f)s / Not editable: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    for field, value in changes.items():
        setattr(activity, field, value)
    _check(activity)
    return audited_save(activity, actor=actor, action="activity.update")


@transaction.atomic
def delete_activity(*, actor: User | None, activity: CommunicationActivity, reason: str = "") -> None:
    require(actor, "outreach.record_for", activity.agency)
    audited_delete(activity, actor=actor, action="activity.delete", reason=reason)


# ------------------------------------------------------------------------------------------------ FAQ

FAQ_EDITABLE = frozenset({"topic", "agency", "question", "answer", "procedure", "published", "order"})


@transaction.atomic
def create_faq_topic(*, actor: User | None, name: str, order: int = 0) -> FaqTopic:
    require(actor, "outreach.manage_faq_topics")
    topic = FaqTopic(name=name.strip(), order=order)
    return audited_save(topic, actor=actor, action="faq_topic.create")


@transaction.atomic
def update_faq_topic(*, actor: User | None, topic: FaqTopic, name: str, order: int) -> FaqTopic:
    require(actor, "outreach.manage_faq_topics")
    topic.name, topic.order = name.strip(), order
    return audited_save(topic, actor=actor, action="faq_topic.update")


@transaction.atomic
def delete_faq_topic(*, actor: User | None, topic: FaqTopic) -> None:
    require(actor, "outreach.manage_faq_topics")
    if topic.entries.exists():
        raise ValidationError(
            _("Chủ đề còn câu hỏi, hãy chuyển hoặc xóa chúng trước. / The topic still has questions.")
        )
    audited_delete(topic, actor=actor, action="faq_topic.delete")


@transaction.atomic
def create_faq(
    *,
    actor: User | None,
    topic: FaqTopic,
    agency: Agency,
    question: str,
    answer: str,
    procedure: Procedure | None = None,
    published: bool = False,
    order: int = 0,
) -> Faq:
    require(actor, "outreach.manage_faq_for", agency)
    faq = Faq(
        topic=topic,
        agency=agency,
        question=question.strip(),
        answer=answer.strip(),
        procedure=procedure,
        published=published,
        order=order,
        updated_by=actor,
    )
    return audited_save(faq, actor=actor, action="faq.create")


@transaction.atomic
def update_faq(*, actor: User | None, faq: Faq, **changes: Any) -> Faq:
    """Edit, publish or withdraw an entry; moving it to another agency needs the right over both."""
    require(actor, "outreach.manage_faq_for", faq.agency)
    unknown = set(changes) - FAQ_EDITABLE
    if unknown:
        raise ValidationError(
            _("Không sửa được: %(f)s / Not editable: %(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    if "agency" in changes:
        require(actor, "outreach.manage_faq_for", changes["agency"])
    for field, value in changes.items():
        setattr(faq, field, value.strip() if isinstance(value, str) else value)
    faq.updated_by = actor
    return audited_save(faq, actor=actor, action="faq.update")


@transaction.atomic
def delete_faq(*, actor: User | None, faq: Faq) -> None:
    require(actor, "outreach.manage_faq_for", faq.agency)
    audited_delete(faq, actor=actor, action="faq.delete")
