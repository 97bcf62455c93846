"""Listeners that keep the index's aggregates in the transaction of the change (no dossier service knows).

Dossier services write a dossier with a guarded UPDATE (no `post_save`) and then its audit event; a counter
reception inserts the dossier itself (`post_save`). So the aggregates follow a dossier's own saves and
deletes, every audit event about a dossier (status, verdict, payment, result, papers), ratings, which are
read by name ("evaluation.Rating") because evaluation sits beside this app, not below it, and the timeline
events of feedback raised about a dossier (it counts against "satisfaction with dossier handling").
The feedback aggregate follows a feedback item's own saves and deletes (a follow-up moves the item it
follows up: its answer is no longer satisfying) and every audit event about it (each action, each vote).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from motcua.core.models import AuditEvent
from motcua.dossiers.models import Dossier
from motcua.feedback.models import Feedback

from . import feedback_aggregates
from .aggregates import refresh

DOSSIER_LABEL = Dossier._meta.label_lower
FEEDBACK_LABEL = Feedback._meta.label_lower


@receiver(post_save, sender=Dossier, dispatch_uid="serviceindex.dossier_saved")
@receiver(post_delete, sender=Dossier, dispatch_uid="serviceindex.dossier_deleted")
def dossier_changed(sender, instance: Dossier, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures load rows as they are; `rebuild_index_aggregates` counts them afterwards
        refresh(instance.pk)


@receiver(post_save, sender=AuditEvent, dispatch_uid="serviceindex.dossier_audited")
def dossier_audited(sender, instance: AuditEvent, raw: bool = False, **kwargs) -> None:
    if not raw and instance.target_type == DOSSIER_LABEL and instance.target_id.isdigit():
        refresh(int(instance.target_id))
    elif not raw and instance.target_type == FEEDBACK_LABEL and instance.target_id.isdigit():
        feedback_aggregates.FEEDBACK.refresh(int(instance.target_id))


@receiver(post_save, sender=Feedback, dispatch_uid="serviceindex.feedback_saved")
@receiver(post_delete, sender=Feedback, dispatch_uid="serviceindex.feedback_deleted")
def feedback_changed(sender, instance: Feedback, raw: bool = False, **kwargs) -> None:
    if not raw:
        feedback_aggregates.FEEDBACK.refresh(instance.pk)
        if instance.follow_up_of_id:
            feedback_aggregates.FEEDBACK.refresh(instance.follow_up_of_id)


def rating_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh(instance.dossier_id)


post_save.connect(rating_changed, sender="evaluation.Rating", dispatch_uid="serviceindex.rating_saved")
post_delete.connect(rating_changed, sender="evaluation.Rating", dispatch_uid="serviceindex.rating_deleted")


def feedback_moved(sender, instance, raw: bool = False, **kwargs) -> None:
    """Each feedback action writes a timeline event: a dossier's feedback raised or refused moves it."""
    dossier_id = instance.feedback.dossier_id
    if not raw and dossier_id:
        refresh(dossier_id)


post_save.connect(feedback_moved, sender="feedback.FeedbackEvent", dispatch_uid="serviceindex.feedback_moved")
