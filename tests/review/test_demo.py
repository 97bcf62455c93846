"""The demo review plan: every stage of a review, the approved options with their catalog drafts; a second
load writes nothing."""

import pytest
from django.core.management import call_command

from motcua.core.models import AuditEvent
from motcua.review.drafts.models import DraftRegulation
from motcua.review.drafts.workflows import DraftStatus
from motcua.review.inspections.models import Inspection, MisconductCase
from motcua.review.models import ProcedureReview, ReviewItem
from motcua.review.workflows import ReviewStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_reviews_at_every_stage_and_loads_once():
    call_command("load_demo", stdout=None)
    assert set(ProcedureReview.objects.values_list("status", flat=True)) == set(ReviewStatus.values)
    approved = ProcedureReview.objects.filter(status=ReviewStatus.APPROVED)
    assert approved.count() == 2
    assert all(r.catalog_draft_id and r.decision.number == "85/QĐ-UBND" for r in approved)
    assert ReviewItem.objects.filter(reviews__isnull=True).exists()  # an item not started yet
    events = AuditEvent.objects.filter(action__startswith="review").count()
    call_command("load_demo", stdout=None)
    assert AuditEvent.objects.filter(action__startswith="review").count() == events
    assert ProcedureReview.objects.count() == 4
    assert DraftRegulation.objects.count() == 2
    issued = DraftRegulation.objects.get(status=DraftStatus.ISSUED)
    assert issued.answered_late is False
    assert issued.procedures.filter(catalog_draft__isnull=False).count() == 1
    assert DraftRegulation.objects.filter(status=DraftStatus.REGISTERED).count() == 1
    inspection = Inspection.objects.get()
    assert inspection.recommendations.filter(done_on__isnull=False).count() == 1
    assert inspection.recommendations.filter(status="accepted", accepted_on__isnull=False).count() == 1
    assert MisconductCase.objects.filter(inspection=inspection, measures_on__isnull=False).count() == 1
