"""Control of draft regulations as an inspector checks it: the opinion's deadline in working days across
Tết from the dated time limit, the impact assessment priced like a review, the opinion completing the
control task, the explanation, the issued document's procedures reaching the catalog and the publication
decision traced back; who may do what; another department sees nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from motcua.control.models import OccurrenceStatus
from motcua.core.models import AuditEvent
from motcua.review.drafts import selectors, services
from motcua.review.drafts.models import DraftRegulation, OpinionTimeLimit
from motcua.review.drafts.workflows import DraftStatus
from tests.catalog.factories import decide

from .conftest import AFTER, BEFORE


def register(world, *, received_on=date(2026, 2, 10), procedures=None):
    return services.register_draft(
        actor=world.officer,
        plan=world.plan,
        kind="committee_decision",
        title="Quyết định quy định thủ tục đăng ký kết hôn có yếu tố nước ngoài",
        issuing_body="UBND tỉnh",
        drafting_agency=world.justice,
        sent_on=received_on,
        received_on=received_on,
        procedures=procedures
        if procedures is not None
        else [
            {"change": "amend", "procedure": world.procedure},
            {"change": "new", "name": "Cấp giấy xác nhận tình trạng hôn nhân trực tuyến"},
        ],
    )


def test_the_opinion_deadline_counts_working_days_across_tet(world):
    # Received Tue 10/02/2026. Ten working days: 11, 12, 13 Feb; Tết (14–22 Feb, weekends around it) is off;
    # 23, 24, 25, 26, 27 Feb; 2, 3 March. Counted in calendar days it would have been 24/02.
    draft = register(world)
    assert draft.time_limit.working_days == 10
    assert "Nghị định 63/2010/NĐ-CP" in draft.time_limit.legal_basis
    assert draft.opinion_due_on == date(2026, 3, 3)
    assert draft.task.due_on == date(2026, 3, 3)
    assert draft.task.lead_agency == world.office
    assert draft.status == DraftStatus.REGISTERED


def test_a_new_time_limit_applies_from_its_own_day_only(world):
    OpinionTimeLimit.objects.create(valid_from=date(2026, 6, 1), working_days=7, legal_basis="Thử nghiệm")
    before = register(world, received_on=date(2026, 5, 29), procedures=[])
    after = register(world, received_on=date(2026, 6, 2), procedures=[])
    assert before.time_limit.working_days == 10
    assert before.opinion_due_on == date(2026, 6, 12)  # Fri 29/05 + 10 working days
    assert after.time_limit.working_days == 7
    assert after.opinion_due_on == date(2026, 6, 11)  # Tue 02/06 + 7 working days


def assess(world, draft):
    amended, new = list(draft.procedures.order_by("pk"))
    services.save_assessment_actions(actor=world.reviewer, row=amended, phase="before", actions=BEFORE)
    services.save_assessment_actions(actor=world.reviewer, row=amended, phase="after", actions=AFTER)
    services.save_assessment(
        actor=world.reviewer,
        row=amended,
        data={
            "necessity": "Cần thiết để quản lý hộ tịch",
            "reasonableness": "Bỏ bản sao chứng thực",
            "legality": "Phù hợp Luật Hộ tịch",
            "times_before": "1",
            "times_after": "1",
            "subjects": "1200",
        },
    )
    services.save_assessment_actions(actor=world.reviewer, row=new, phase="after", actions=AFTER)
    services.save_assessment(actor=world.reviewer, row=new, data={"subjects": "100", "times_after": "1"})
    return amended, new


def test_the_impact_assessment_is_priced_like_a_review(world):
    amended, new = assess(world, register(world))
    amended.refresh_from_db()
    # By hand, 43 750 đ/h: before 195 000 + 117 500 + 65 625 + 100 000 = 478 125 đ; after 87 500 + 50 000.
    assert amended.hourly_income == Decimal(43750)
    assert (amended.cost_before, amended.cost_after) == (Decimal(478125), Decimal(137500))
    assert (amended.annual_before, amended.annual_after) == (Decimal(573750000), Decimal(165000000))
    new.refresh_from_db()
    assert (new.annual_before, new.annual_after) == (Decimal(0), Decimal(13750000))


def opinions(draft):
    return {row.pk: f"Đề nghị làm rõ {row.name[:20]}" for row in draft.procedures.all()}


def test_draft_to_issue_to_publication_is_traced(world):
    draft = register(world)
    assess(world, draft)
    services.answer(
        actor=world.officer,
        draft=draft,
        number="15/VP-KSTT",
        answered_on=date(2026, 3, 3),
        text="Cơ bản thống nhất",
        opinions=opinions(draft),
    )
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ANSWERED
    assert draft.answered_late is False
    occurrence = draft.task.occurrences.get()
    assert occurrence.status == OccurrenceStatus.DONE
    assert occurrence.completed_on == date(2026, 3, 3)
    amended, new = draft.procedures.order_by("pk")
    with pytest.raises(ValidationError):  # not accepting without a word of explanation
        services.explain(
            actor=world.reviewer,
            draft=draft,
            received_on=date(2026, 3, 10),
            text="Tiếp thu",
            answers={amended.pk: {"acceptance": "accepted"}, new.pk: {"acceptance": "not_accepted"}},
        )
    services.explain(
        actor=world.reviewer,
        draft=draft,
        received_on=date(2026, 3, 10),
        text="Tiếp thu phần lớn",
        answers={
            amended.pk: {"acceptance": "accepted"},
            new.pk: {"acceptance": "not_accepted", "explanation": "Đã có trong Luật"},
        },
    )
    services.record_issue(
        actor=world.officer, draft=draft, number="12/2026/QĐ-UBND", issued_on=date(2026, 4, 1)
    )
    amended.refresh_from_db()
    catalog_draft = amended.catalog_draft
    assert catalog_draft is not None
    assert catalog_draft.is_draft
    assert "12/2026/QĐ-UBND" in catalog_draft.notes
    assert list(catalog_draft.draft_regulation_requests.all()) == [amended]
    publication = decide(publish=[world.procedure], effective_from=date(2026, 6, 1), number="301/QĐ-UBND")
    services.link_publication(actor=world.officer, draft=draft, decision=publication)
    assert DraftRegulation.objects.get(publication_decision=publication) == draft
    amended.refresh_from_db()
    assert amended.catalog_draft.decision == publication
    counts = selectors.counts(world.officer, year=2026)
    assert (counts.drafts, counts.answered, counts.answered_late, counts.procedures) == (1, 1, 0, 2)
    assert (counts.accepted, counts.not_accepted, counts.issued, counts.published) == (1, 1, 1, 1)
    actions = set(AuditEvent.objects.filter(target_id=str(draft.pk)).values_list("action", flat=True))
    assert {"draft_regulation.register", "draft_regulation.answer", "draft_regulation.issue"} <= actions


def test_a_late_opinion_is_late_and_overdue_drafts_lead_the_queue(world):
    late = register(world)
    waiting = register(world, received_on=date(2026, 11, 2), procedures=[])
    queue = selectors.opinion_queue(world.officer, today=date(2026, 3, 5))
    assert [row.draft for row in queue] == [late, waiting]
    assert queue[0].overdue
    assert queue[0].working_days_left == -2
    services.answer(
        actor=world.officer,
        draft=late,
        number="20/VP-KSTT",
        answered_on=date(2026, 3, 5),
        text="Ý kiến",
        opinions=opinions(late),
    )
    late.refresh_from_db()
    assert late.answered_late is True
    assert selectors.counts(world.officer, year=2026).answered_late == 1


def test_who_may_do_what(world):
    draft = register(world)
    with pytest.raises(PermissionDenied):  # the drafting agency does not answer its own draft
        services.answer(
            actor=world.reviewer,
            draft=draft,
            number="1",
            answered_on=date(2026, 3, 1),
            text="x",
            opinions=opinions(draft),
        )
    with pytest.raises(PermissionDenied):
        services.register_draft(
            actor=world.reviewer,
            plan=world.plan,
            kind="committee_decision",
            title="x",
            issuing_body="UBND tỉnh",
            drafting_agency=world.justice,
            sent_on=date(2026, 2, 10),
            received_on=date(2026, 2, 10),
        )
    with pytest.raises(ValidationError):  # an opinion must cover every procedure
        services.answer(
            actor=world.officer,
            draft=draft,
            number="1",
            answered_on=date(2026, 3, 1),
            text="x",
            opinions={},
        )


def test_another_department_sees_nothing(world):
    draft = register(world)
    assert not selectors.drafts_for(world.outsider).exists()
    with pytest.raises(Http404):
        selectors.draft_for(world.outsider, draft.pk)
    with pytest.raises(Http404):
        selectors.row_for(world.outsider, draft.procedures.first().pk)
    assert selectors.draft_for(world.reviewer, draft.pk) == draft
    assert selectors.counts(world.outsider).drafts == 0
