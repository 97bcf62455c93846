"""Q&A on procedures: a visitor asks on a procedure's page, the provincial desk routes the question to the
commune, the commune's specialist answers, its leader approves, the desk publishes; the public Q&A then
shows the entry with the asker's personal data masked and a link to the procedure. Deadlines run in
working days from dated limits; roles are enforced by the status table; audit events hold no personal data."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from motcua.core.models import AuditEvent
from motcua.core.workflow import NEW, assert_walk
from motcua.integrations.models import OutboxMessage
from motcua.org.models import Role
from motcua.outreach import questions, selectors, services
from motcua.outreach.models import Faq, Question, QuestionLimit
from motcua.outreach.workflows import QUESTION, QuestionStatus
from tests.catalog.factories import published
from tests.factories import CitizenFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def qa(province, make_staff):
    commune = province.communes["Xã A"]["committee"]
    return {
        "desk": make_staff(province.department, Role.COMMUNICATION_OFFICER, username="banbientap"),
        "commune": commune,
        "specialist": make_staff(commune, Role.SPECIALIST, username="cv-xa-a"),
        "leader": make_staff(commune, Role.AGENCY_LEADER, username="ct-xa-a"),
        "other_commune": make_staff(province.communes["Xã B"]["committee"], Role.SPECIALIST, username="cv-b"),
        "topic": services.create_faq_topic(actor=None, name="Hộ tịch", order=1),
    }


def ask(**overrides):
    values = {
        "actor": None,
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "title": "Khai sinh cho con khi bố mẹ chưa đăng ký kết hôn?",
        "body": "Tôi là Nguyễn Văn An, số điện thoại 0912 345 678. Con tôi sinh tháng trước.",
        "at": datetime(2026, 12, 4, 9, 0, tzinfo=VN),  # a Friday
    }
    values.update(overrides)
    return questions.ask(**values)


def walk_to_approved(qa, question):
    question = questions.route(
        actor=qa["desk"], question=question, expected_version=question.version, agency=qa["commune"]
    )
    question = questions.draft_answer(
        actor=qa["specialist"],
        question=question,
        expected_version=question.version,
        answer=(
            "Anh An nộp tờ khai tại UBND xã; gọi 0912345678 nếu cần. Bố mẹ chưa kết hôn vẫn khai sinh được."
        ),
    )
    return questions.approve(actor=qa["leader"], question=question, expected_version=question.version)


def test_the_table_gives_each_action_to_its_roles():
    table = {(t.source, t.action): t for t in QUESTION.table}

    def expected(source, action, held):
        found = table.get((source, action))
        return found.target if found and found.roles & held else None

    assert assert_walk(QUESTION, expected) > 0
    assert table[(NEW, "ask")].target == QuestionStatus.RECEIVED
    assert "answerer" not in table[("awaiting_approval", "approve")].roles


def test_a_question_goes_from_the_portal_to_the_public_qa_masked(qa):
    question = ask()
    assert question.status == QuestionStatus.RECEIVED
    # Asked on Friday 4/12 at 9:00: two working days, the day of asking not counted → Tuesday 8/12.
    assert question.due_at.astimezone(VN).date().isoformat() == "2026-12-08"
    question = walk_to_approved(qa, question)
    assert question.status == QuestionStatus.APPROVED
    assert not question.answered_late
    question = questions.publish(
        actor=qa["desk"], question=question, expected_version=question.version, topic=qa["topic"]
    )
    faq = Faq.objects.get(pk=question.faq_id)
    assert (faq.published, faq.agency, faq.topic) == (True, qa["commune"], qa["topic"])
    assert "0912345678" not in faq.answer
    assert "Anh N. V. A." not in faq.answer
    assert "***" in faq.answer
    assert faq in selectors.published_faqs("khai sinh")
    # The asker is told by e-mail.
    told = OutboxMessage.objects.filter(recipient="an@example.vn", reference=f"question:{question.code}")
    assert told.exists()


def test_the_audit_trail_holds_no_personal_data(qa):
    question = walk_to_approved(qa, ask())
    events = AuditEvent.objects.filter(target_type="outreach.question", target_id=str(question.pk))
    assert [e.action for e in events.order_by("id")] == [
        "question.ask",
        "question.route",
        "question.draft_answer",
        "question.approve",
    ]
    dumped = str(list(events.values_list("changes", flat=True)))
    for secret in ("Nguyễn", "an@example.vn", "0912", "Khai sinh"):
        assert secret not in dumped


def test_roles_are_enforced(qa):
    question = ask()
    with pytest.raises(PermissionDenied):  # the commune cannot route; only the desk
        questions.route(
            actor=qa["specialist"], question=question, expected_version=question.version, agency=qa["commune"]
        )
    question = questions.route(
        actor=qa["desk"], question=question, expected_version=question.version, agency=qa["commune"]
    )
    with pytest.raises(PermissionDenied):  # another commune's staff
        questions.draft_answer(
            actor=qa["other_commune"], question=question, expected_version=question.version, answer="x"
        )
    question = questions.draft_answer(
        actor=qa["specialist"], question=question, expected_version=question.version, answer="Trả lời"
    )
    with pytest.raises(PermissionDenied):  # a specialist does not approve his own answer
        questions.approve(actor=qa["specialist"], question=question, expected_version=question.version)
    with pytest.raises(ValidationError):  # the desk cannot publish what is not approved
        questions.publish(
            actor=qa["desk"], question=question, expected_version=question.version, topic=qa["topic"]
        )


def test_a_stale_version_is_a_conflict_not_a_lost_update(qa):
    question = ask()
    questions.route(actor=qa["desk"], question=question, expected_version=1, agency=qa["commune"])
    with pytest.raises(questions.QuestionConflict):
        questions.route(actor=qa["desk"], question=question, expected_version=1, agency=qa["commune"])


def test_an_answer_approved_after_the_deadline_is_late(qa):
    question = ask()
    question = questions.route(
        actor=qa["desk"],
        question=question,
        expected_version=1,
        agency=qa["commune"],
        at=datetime(2026, 12, 4, 10, 0, tzinfo=VN),
    )
    # Five working days from Monday 7/12: the end of Friday 11/12.
    assert question.due_at.astimezone(VN).date().isoformat() == "2026-12-11"
    question = questions.draft_answer(
        actor=qa["specialist"], question=question, expected_version=question.version, answer="Trả lời"
    )
    question = questions.approve(
        actor=qa["leader"],
        question=question,
        expected_version=question.version,
        at=datetime(2026, 12, 14, 9, 0, tzinfo=VN),
    )
    assert question.answered_late


def test_the_limit_is_the_row_in_force_on_the_day(qa):
    from datetime import date

    QuestionLimit.objects.create(
        stage="route", working_days=1, valid_from=date(2026, 12, 1), legal_basis="QĐ thử"
    )
    question = ask()
    assert question.due_at.astimezone(VN).date().isoformat() == "2026-12-07"  # one working day: Monday


def test_ask_needs_a_contact_and_says_so(qa):
    with pytest.raises(ValidationError) as raised:
        ask(email="", phone="")
    assert "An e-mail or a phone is required." in str(raised.value)
    assert Question.objects.count() == 0


def test_the_queue_is_scoped(client, qa):
    question = questions.route(actor=qa["desk"], question=ask(), expected_version=1, agency=qa["commune"])
    client.force_login(qa["other_commune"])
    assert client.get(reverse("outreach:question", args=[question.pk])).status_code == 404
    assert question.code not in client.get(reverse("outreach:questions")).content.decode()
    client.force_login(qa["specialist"])
    page = client.get(reverse("outreach:question", args=[question.pk])).content.decode()
    assert "an@example.vn" in page
    assert "Trình dự thảo trả lời" in page
    client.force_login(CitizenFactory())
    assert client.get(reverse("outreach:questions")).status_code in (302, 403)


def test_the_whole_journey_over_http(client, qa):
    procedure = published(name="Đăng ký khai sinh")
    ask_url = reverse("outreach:ask") + f"?thu-tuc={procedure.national_code}"
    page = client.get(ask_url)
    assert page.status_code == 200
    assert "Đăng ký khai sinh" in page.content.decode()
    bad = client.post(ask_url, {"name": "An", "title": "?", "body": "?"})
    assert bad.status_code == 200
    assert Question.objects.count() == 0
    sent = client.post(
        ask_url,
        {
            "name": "Trần Thị Bình",
            "phone": "0987 654 321",
            "title": "Cần giấy gì?",
            "body": "Tôi cần giấy gì?",
        },
    )
    assert sent.status_code == 302
    question = Question.objects.get()
    assert question.procedure == procedure
    assert question.asker_phone
    assert question.code in client.get(sent["Location"]).content.decode()

    def act(user, action, data):
        client.force_login(user)
        question.refresh_from_db()
        url = reverse("outreach:question_act", args=[question.pk, action])
        payload = {f"{action}-version": question.version, **{f"{action}-{k}": v for k, v in data.items()}}
        return client.post(url, payload)

    assert act(qa["desk"], "route", {"agency": qa["commune"].pk}).status_code == 302
    assert act(qa["specialist"], "draft_answer", {"answer": "Tờ khai và giấy chứng sinh."}).status_code == 302
    refused = act(qa["specialist"], "approve", {})
    assert refused.status_code == 400
    assert act(qa["leader"], "approve", {}).status_code == 302
    assert (
        act(
            qa["desk"],
            "publish",
            {
                "topic": qa["topic"].pk,
                "published_question": "Chị Trần Thị Bình hỏi: cần giấy gì?",
                "published_answer": "Tờ khai và giấy chứng sinh.",
            },
        ).status_code
        == 302
    )
    client.logout()
    public = client.get(reverse("portal:faq")).content.decode()
    assert "cần giấy gì?" in public
    assert "Trần Thị Bình" not in public
    assert "T. T. B." in public
    answered = client.get(ask_url).content.decode()
    assert "Tờ khai và giấy chứng sinh." in answered


def test_an_unknown_procedure_or_action_is_a_404(client, qa):
    assert client.get(reverse("outreach:ask") + "?thu-tuc=9.999999").status_code == 404
    question = ask()
    client.force_login(qa["desk"])
    assert client.post(reverse("outreach:question_act", args=[question.pk, "explode"])).status_code == 404
