"""The chain an inspector follows: review → option → approved by the chairman's decision → draft of the
procedure's next version in the catalog → publication decision, traced both ways; and who may do what."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from motcua.catalog import selectors as catalog_selectors
from motcua.catalog.models import ChangeKind
from motcua.core.models import AuditEvent
from motcua.review import selectors, services
from motcua.review.models import ProcedureReview
from motcua.review.workflows import ReviewStatus
from tests.catalog.factories import decide

from .conftest import filled_review


def approve(world, review, number="120/QĐ-UBND"):
    return services.approve(
        actor=world.officer,
        plan=world.plan,
        number=number,
        signed_on=date(2026, 4, 10),
        signer="Chủ tịch UBND tỉnh",
        reviews=[review],
    )


def test_review_to_publication_is_traced_both_ways(world, client):
    review = filled_review(world)
    services.submit(actor=world.reviewer, review=review)
    decision = approve(world, review)
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED
    assert review.decision == decision
    draft = review.catalog_draft
    assert draft is not None
    assert draft.is_draft
    assert draft.procedure == world.procedure
    assert "120/QĐ-UBND" in draft.notes
    # From the catalog's side: the draft knows the review that asked for it.
    assert list(draft.review_requests.all()) == [review]
    assert catalog_selectors.open_draft(world.procedure) == draft

    publication = decide(publish=[world.procedure], effective_from=date(2026, 6, 1), number="300/QĐ-UBND")
    draft.refresh_from_db()
    assert draft.decision == publication
    assert draft.change_kind == ChangeKind.AMENDED
    traced = ProcedureReview.objects.get(catalog_draft__decision=publication)
    assert traced == review
    assert traced.decision.number == "120/QĐ-UBND"
    actions = set(AuditEvent.objects.filter(target_id=str(review.pk)).values_list("action", flat=True))
    assert {"review.start", "review.submit", "review.approve"} <= actions
    # The public catalog page names the approving decision; only staff who see the review get its link.
    page = client.get(f"/thu-tuc/{world.procedure.national_code}/").content.decode()
    assert "phương án đơn giản hóa được phê duyệt tại Quyết định 120/QĐ-UBND" in page
    assert f"/ra-soat/phieu/{review.pk}/" not in page
    client.force_login(world.officer)
    page = client.get(f"/thu-tuc/{world.procedure.national_code}/").content.decode()
    assert f"/ra-soat/phieu/{review.pk}/" in page


def test_an_abolishing_option_opens_no_draft(world):
    review = filled_review(world)
    services.save_form(actor=world.reviewer, review=review, data={"proposal": "abolish"})
    services.submit(actor=world.reviewer, review=review)
    approve(world, review)
    review.refresh_from_db()
    assert review.catalog_draft is None
    assert review.status == ReviewStatus.APPROVED


def test_an_unfinished_form_cannot_be_sent(world):
    review = services.start_review(
        actor=world.reviewer, item=world.item, procedure=world.procedure, today=date(2026, 3, 2)
    )
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=world.reviewer, review=review)
    assert "constituent part" in str(refused.value)


def test_a_sent_form_no_longer_changes_and_goes_back_with_a_reason(world):
    review = filled_review(world)
    services.submit(actor=world.reviewer, review=review)
    with pytest.raises(ValidationError):
        services.save_form(actor=world.reviewer, review=review, data={"subjects": "1"})
    with pytest.raises(ValidationError):
        services.send_back(actor=world.officer, review=review, comment=" ")
    services.send_back(actor=world.officer, review=review, comment="Bổ sung số liệu hồ sơ")
    review.refresh_from_db()
    assert review.status == ReviewStatus.DRAFT
    assert review.return_comment == "Bổ sung số liệu hồ sơ"


def test_only_the_reviewing_agency_fills_and_only_the_plan_managers_approve(world):
    review = filled_review(world)
    with pytest.raises(PermissionDenied):
        services.save_form(actor=world.outsider, review=review, data={"subjects": "1"})
    with pytest.raises(PermissionDenied):
        services.submit(actor=world.officer, review=review)
    services.submit(actor=world.reviewer, review=review)
    with pytest.raises(PermissionDenied):
        services.approve(
            actor=world.reviewer,
            plan=world.plan,
            number="1/QĐ",
            signed_on=date(2026, 4, 1),
            signer="x",
            reviews=[review],
        )


def test_another_department_sees_nothing(world):
    review = filled_review(world)
    assert selectors.items_for(world.outsider).count() == 0
    assert not selectors.review_plans(world.outsider).exists()
    with pytest.raises(Http404):
        selectors.review_for(world.outsider, review.pk)
    assert selectors.review_for(world.reviewer, review.pk) == review
    assert selectors.review_for(world.officer, review.pk) == review


def test_the_province_summary_sums_approved_options(world):
    review = filled_review(world)
    services.submit(actor=world.reviewer, review=review)
    before = selectors.summary(world.officer, plan=world.plan)
    assert before.total.procedures == 1
    assert before.total.options == 1
    assert before.total.approved == 0
    assert before.total.annual_before == 0
    approve(world, review)
    after = selectors.summary(world.officer, plan=world.plan)
    assert after.total.approved == 1
    assert after.amend == 1
    assert after.total.annual_before == Decimal("573750000")
    assert after.total.annual_after == Decimal("165000000")
    assert after.total.saving == Decimal("408750000")
    assert after.total.percent == Decimal("71.24")
    assert selectors.summary(world.outsider).total.procedures == 0


def test_the_item_is_a_control_task_with_its_deadline(world):
    task = world.item.task
    assert task.lead_agency == world.justice
    assert task.due_on == date(2026, 9, 30)
    assert task.occurrences.get().due_on == date(2026, 9, 30)


def test_a_division_of_the_reviewing_department_fills_its_form(world):
    from motcua.org.models import AgencyKind, Role
    from tests.factories import AgencyFactory

    from .conftest import staff

    division = AgencyFactory(
        code="000.13.00.H99",
        name="Phòng Hành chính tư pháp",
        kind=AgencyKind.DIVISION,
        administrative_unit=world.justice.administrative_unit,
        parent=world.justice,
    )
    drafter = staff("phong.tuphap", division, Role.SPECIALIST)
    review = services.start_review(
        actor=drafter, item=world.item, procedure=world.procedure, today=date(2026, 3, 2)
    )
    services.save_form(actor=drafter, review=review, data={"subjects": "10"})
    assert selectors.review_for(drafter, review.pk) == review
