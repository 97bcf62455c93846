"""The feedback services: intake, routing, answer, approval, publication, votes, locks, audit, notices."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from motcua.core.models import AuditEvent
from motcua.core.workflow import ActionNotAllowed, ActionNotPossible
from motcua.feedback import selectors, services
from motcua.feedback.models import Feedback, FeedbackEvent
from motcua.integrations.models import OutboxMessage
from tests.factories import CitizenFactory

from .conftest import CONTENT, SENDER, published, send, vn

pytestmark = pytest.mark.django_db


def test_a_citizen_sends_and_gets_a_code_and_an_intake_deadline(world):
    item = send(world)
    assert item.code.startswith("PA")
    assert len(item.code) == 10
    assert item.status == "received"
    assert item.version == 1
    assert item.receiving_agency == world.office == item.agency
    assert item.sender_phone == "0912345678"
    assert item.sender_user == world.citizen
    # Tuesday 1/12/2026 + 5 working days (the limit to ask for completion): the close of Tuesday 8/12.
    assert item.due_at == vn(2026, 12, 8, 17, 0)
    event = AuditEvent.objects.get(action="feedback.send", target_id=str(item.pk))
    assert "sender_phone" not in event.changes
    assert "content" not in event.changes
    assert event.changes["status"] == [None, "received"]


def test_an_anonymous_visitor_may_send_without_an_account(world):
    from django.contrib.auth.models import AnonymousUser

    item = send(world, actor=AnonymousUser(), sender={"email": "", "phone": "0912345678"})
    assert item.sender_user is None
    assert item.channel == "portal"


@pytest.mark.parametrize(
    ("sender", "content", "field"),
    [
        ({"phone": "", "email": ""}, {}, "phone"),
        ({"phone": "12ab"}, {}, "phone"),
        ({"name": "  "}, {}, None),
        ({}, {"content": ""}, None),
    ],
)
def test_bad_input_is_refused_with_a_bilingual_message(world, sender, content, field):
    with pytest.raises(ValidationError) as caught:
        send(world, sender=sender, content=content)
    text = " ".join(caught.value.messages)
    assert " / " in text
    if field:
        assert field in caught.value.message_dict
    assert not Feedback.objects.exists()


def test_the_full_walk_leaves_a_timeline_and_one_audit_event_per_action(world):
    item = published(world)
    assert item.status == "published"
    assert item.published_at is not None
    actions = list(FeedbackEvent.objects.filter(feedback=item).values_list("action", flat=True))
    assert actions == ["send", "accept", "route", "draft_answer", "approve", "publish"]
    audited = AuditEvent.objects.filter(target_type="feedback.feedback", target_id=str(item.pk))
    assert audited.count() == 6
    assert item.version == 6
    route = AuditEvent.objects.get(action="feedback.route", target_id=str(item.pk))
    assert route.changes["agency"] == [world.office.pk, world.justice.pk]
    # The sender is told where to read the answer; the message carries the code, not their words.
    message = OutboxMessage.objects.get(reference=f"feedback:{item.code}")
    assert message.recipient == "an@example.vn"
    assert item.code in message.body


def test_refusal_says_where_to_go_and_is_flagged_late_after_two_working_days(world):
    item = send(world, at=vn(2026, 12, 1, 9, 0))
    item = services.refuse(
        actor=world.receiver,
        feedback=item,
        expected_version=1,
        reason="Đây là khiếu nại; gửi theo Luật Khiếu nại tới UBND xã A.",
        at=vn(2026, 12, 4, 9, 0),
    )
    assert item.status == "refused"
    assert item.due_at is None
    assert FeedbackEvent.objects.get(feedback=item, action="refuse").late is True
    assert OutboxMessage.objects.filter(reference=f"feedback:{item.code}").exists()
    with pytest.raises(ValidationError):
        services.refuse(actor=world.receiver, feedback=send(world), expected_version=1, reason=" ")


def test_ask_to_complete_then_the_sender_supplements_and_the_check_starts_again(world):
    item = send(world)
    item = services.ask_to_complete(
        actor=world.receiver, feedback=item, expected_version=1, missing="Nêu rõ văn bản quy định."
    )
    assert item.status == "incomplete"
    assert item.due_at is None
    item = services.supplement(
        actor=world.citizen,
        feedback=item,
        expected_version=2,
        text="Nghị định 123/2015/NĐ-CP, Điều 9.",
        at=vn(2026, 12, 2, 10, 0),
    )
    assert item.status == "received"
    assert "Điều 9." in item.content
    assert item.due_at == vn(2026, 12, 9, 17, 0)


def test_someone_else_may_not_supplement(world):
    item = send(world)
    item = services.ask_to_complete(actor=world.receiver, feedback=item, expected_version=1, missing="x")
    with pytest.raises(ActionNotAllowed):
        services.supplement(actor=CitizenFactory(), feedback=item, expected_version=2, text="y")


def test_only_the_desk_classifies_and_only_the_leader_approves(world):
    item = send(world)
    with pytest.raises(PermissionDenied):
        services.accept(actor=world.specialist, feedback=item, expected_version=1, category="regulation")
    item = services.accept(actor=world.receiver, feedback=item, expected_version=1, category="regulation")
    item = services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)
    with pytest.raises(PermissionDenied):
        services.draft_answer(actor=world.other_specialist, feedback=item, expected_version=3, answer="x")
    item = services.draft_answer(actor=world.specialist, feedback=item, expected_version=3, answer="Trả lời")
    with pytest.raises(PermissionDenied):
        services.approve(actor=world.specialist, feedback=item, expected_version=4)
    with pytest.raises(ActionNotPossible):
        services.publish(actor=world.receiver, feedback=item, expected_version=4)


def test_transfer_between_agencies_and_back_to_the_desk(world):
    item = send(world)
    item = services.accept(actor=world.receiver, feedback=item, expected_version=1, category="conduct")
    item = services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)
    item = services.transfer(
        actor=world.specialist,
        feedback=item,
        expected_version=3,
        agency=world.health,
        note="Thuộc ngành y tế",
    )
    assert item.agency == world.health
    # The first agency no longer sees it; the new one does.
    with pytest.raises(Http404):
        selectors.get_for(world.specialist, item.pk)
    assert selectors.get_for(world.other_specialist, item.pk) == item
    item = services.return_to_desk(
        actor=world.other_specialist, feedback=item, expected_version=4, note="Không thuộc thẩm quyền"
    )
    assert item.status == "accepted"
    assert item.agency == world.office
    with pytest.raises(ValidationError):
        services.transfer(
            actor=world.receiver, feedback=item, expected_version=5, agency=world.health, note=""
        )


def test_a_stale_version_is_a_conflict_and_nothing_is_overwritten(world):
    from motcua.core.errors import Conflict

    item = send(world)
    services.accept(actor=world.receiver, feedback=item, expected_version=1, category="regulation")
    with pytest.raises(Conflict):
        services.refuse(actor=world.receiver, feedback=item, expected_version=1, reason="Khiếu nại")
    item.refresh_from_db()
    assert item.status == "accepted"
    assert item.refusal_reason == ""


def test_leader_sends_back_a_draft_and_the_handling_deadline_returns(world):
    item = send(world)
    item = services.accept(actor=world.receiver, feedback=item, expected_version=1, category="regulation")
    item = services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)
    item = services.draft_answer(actor=world.specialist, feedback=item, expected_version=3, answer="Dự thảo")
    item = services.send_back(actor=world.leader, feedback=item, expected_version=4, note="Nêu căn cứ")
    assert item.status == "processing"
    assert item.due_at == item.handle_due_at


def test_handling_across_tet_2027_counts_working_days_only(world):
    # Accepted on Wednesday 3/2/2027, the eve of the Tết break (Thu 4/2 – Wed 10/2 off): 15 working days
    # run from 11/2 and end at the close of Wednesday 3/3/2027, not on 24/2 as calendar days would.
    item = send(world, at=vn(2027, 2, 3, 8, 0))
    item = services.accept(
        actor=world.receiver,
        feedback=item,
        expected_version=1,
        category="regulation",
        at=vn(2027, 2, 3, 9, 0),
    )
    assert item.handle_due_at == vn(2027, 3, 3, 17, 0)
    item = services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)
    item = services.draft_answer(actor=world.specialist, feedback=item, expected_version=3, answer="Trả lời")
    item = services.approve(actor=world.leader, feedback=item, expected_version=4, at=vn(2027, 3, 4, 9, 0))
    assert item.handled_late is True


def test_sent_after_hours_on_the_eve_of_tet_starts_after_the_break(world):
    item = send(world, at=vn(2027, 2, 3, 20, 0))
    # Received after hours on the eve of the break, it counts as received on Thursday 11/2; the 5 working
    # days (12, 15, 16, 17, 18/2) end at the close of office on Thursday 18/2.
    due = item.due_at.astimezone(vn(2027, 1, 1).tzinfo)
    assert due.date().isoformat() == "2027-02-18"
    assert due.hour >= 16


def test_the_limit_in_force_is_read_on_the_day_in_vietnam_not_in_utc(world):
    """Sent at 00:30 on 1/1/2027 in Vietnam (17:30 on 31/12/2026 in UTC): the limit that takes effect on
    1/1/2027 applies. Reading the row on the UTC day picked the old limit."""
    from datetime import UTC, date

    from motcua.feedback import deadlines
    from motcua.feedback.models import FeedbackLimit, Stage
    from motcua.workdays.loader import working_days_from

    old = deadlines.limit(Stage.REFUSE, date(2026, 12, 31))
    FeedbackLimit.objects.filter(pk=old.pk).update(valid_to=date(2026, 12, 31))
    FeedbackLimit.objects.create(
        stage=Stage.REFUSE, working_days=old.working_days + 3, valid_from=date(2027, 1, 1), legal_basis="thử"
    )
    sent = vn(2027, 1, 1, 0, 30).astimezone(UTC)  # as timezone.now() gives it
    assert sent.date() == date(2026, 12, 31)
    assert deadlines.limit(Stage.REFUSE, date(2027, 1, 1)).working_days == old.working_days + 3
    assert deadlines.due(sent, Stage.REFUSE) == working_days_from(sent, old.working_days + 3)


def test_votes_count_once_per_sender_and_per_account(world):
    item = published(world)
    services.vote(actor=world.citizen, feedback=item, agrees=False)
    with pytest.raises(ValidationError):
        services.vote(actor=world.citizen, feedback=item, agrees=True)
    services.vote(actor=CitizenFactory(), feedback=item, agrees=True)
    services.vote(actor=CitizenFactory(), feedback=item, agrees=False)
    item.refresh_from_db()
    assert (item.agree_count, item.disagree_count) == (1, 2)
    assert item.unsatisfied
    with pytest.raises(ValidationError):
        services.vote(actor=world.specialist, feedback=item, agrees=True)


def test_a_vote_on_an_unpublished_answer_is_refused(world):
    with pytest.raises(ValidationError):
        services.vote(actor=world.citizen, feedback=send(world), agrees=True)


def test_feedback_about_a_dossier_must_be_about_ones_own(world):
    from motcua.dossiers.models import Dossier

    with pytest.raises(ValidationError):
        send(world, dossier=Dossier(pk=999, applicant_user=CitizenFactory()))


def test_officers_record_offline_feedback_at_their_desk_only(world):
    item = services.record(
        actor=world.receiver, channel="letter", sender=SENDER, content=CONTENT, at=vn(2026, 12, 1, 9, 0)
    )
    assert item.channel == "letter"
    assert item.receiving_agency == world.office
    with pytest.raises(ValidationError):
        services.record(actor=world.specialist, channel="phone", sender=SENDER, content=CONTENT)
    with pytest.raises(ValidationError):
        services.record(actor=world.receiver, channel="portal", sender=SENDER, content=CONTENT)


def test_a_departments_division_drafts_its_answers_but_never_sees_the_provinces_items(world):
    from motcua.org.models import AgencyKind
    from tests.factories import AgencyFactory

    from .conftest import staff

    division = AgencyFactory(
        name="Phòng Hành chính tư pháp",
        kind=AgencyKind.DIVISION,
        parent=world.justice,
        administrative_unit=world.justice.administrative_unit,
    )
    clerk = staff("chuyenvien.phong", division, "specialist")
    item = send(world)
    item = services.accept(actor=world.receiver, feedback=item, expected_version=1, category="regulation")
    with pytest.raises(Http404):
        selectors.get_for(clerk, item.pk)  # still at the provincial office
    item = services.route(actor=world.receiver, feedback=item, expected_version=2, agency=world.justice)
    assert selectors.get_for(clerk, item.pk) == item
    item = services.draft_answer(actor=clerk, feedback=item, expected_version=3, answer="Dự thảo của phòng")
    assert item.status == "awaiting_approval"
