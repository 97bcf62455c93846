"""Every write on citizens' questions: ask, route, decline, return, draft the answer, approve, send back,
publish. One transaction each, moved only through the status table (workflows.QUESTION), with an optimistic
lock (`expected_version`) and one audit event that never holds the asker's name, contacts or words.

Publishing turns the question into an entry of the public Q&A (models.Faq), with personal data masked:
the FAQ is where every answer the public reads lives, typed by an officer or asked by a citizen.
"""

import secrets
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure
from motcua.core import audit
from motcua.core.audited import audited_save
from motcua.core.errors import Conflict
from motcua.core.identifiers import normalise_phone
from motcua.core.text import required_text
from motcua.core.versioning import locked
from motcua.feedback.masking import mask_text
from motcua.integrations import notifications
from motcua.org.models import Agency, User

from . import qa_deadlines
from .models import Faq, FaqTopic, Question, QuestionStage
from .qa_rules import Actor, intake_roles, roles_on
from .workflows import QUESTION, QuestionAction

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone
# What the audit trail may hold of a question: never the asker's name, contacts or words.
AUDITED = ("status", "version", "agency", "procedure", "due_at", "answered_late", "faq")


class QuestionConflict(Conflict):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Câu hỏi vừa được người khác cập nhật; vui lòng tải lại trang và thực hiện lại. "
                "/ Someone else has just updated this question; reload it and try again."
            )
        )


def _contacts(email: str, phone: str) -> tuple[str, str]:
    email, phone = (email or "").strip(), (phone or "").strip()
    if not email and not phone:
        raise ValidationError(
            {
                "email": _(
                    "Cần thư điện tử hoặc số điện thoại để nhận trả lời. / An e-mail or a phone is required."
                )
            }
        )
    if phone:
        try:
            phone = normalise_phone(phone)
        except ValidationError as error:
            raise ValidationError({"phone": error.messages}) from None
    return email, phone


def _save_new(question: Question) -> Question:
    question.full_clean(exclude=["code"])
    for _attempt in range(5):
        question.code = "HD" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        try:
            with transaction.atomic():
                question.save()
            return question
        except IntegrityError:
            if not Question.objects.filter(code=question.code).exists():
                raise
            question.pk = None
    raise Conflict(_("Không cấp được mã câu hỏi; vui lòng gửi lại. / Please send again."))


@transaction.atomic
def ask(
    *,
    actor: Actor,
    name: str,
    title: str,
    body: str,
    email: str = "",
    phone: str = "",
    procedure: Procedure | None = None,
    at: datetime | None = None,
) -> Question:
    """From the portal (a procedure's page or the Q&A page), with or without an account."""
    at = at or timezone.now()
    email, phone = _contacts(email, phone)
    question = Question(
        asker_name=required_text(name, _("họ tên")),
        asker_email=email,
        asker_phone=phone,
        asker_user=actor if isinstance(actor, User) and actor.is_citizen else None,
        title=required_text(title, _("tiêu đề")),
        body=required_text(body, _("nội dung câu hỏi")),
        procedure=procedure,
        asked_at=at,
        due_at=qa_deadlines.due(at, QuestionStage.ROUTE),
    )
    QUESTION.start(question, QuestionAction.ASK, intake_roles(actor) if actor is not None else {"system"})
    _save_new(question)
    audit.record(
        actor=actor if isinstance(actor, User) else None,
        action="question.ask",
        target=question,
        before={},
        after=audit.snapshot(question, AUDITED),
    )
    return question


def _fresh(question: Question, expected_version: int) -> Question:
    rows = Question.objects.select_for_update(of=("self",)).select_related("agency")
    return locked(rows, question.pk, expected_version, QuestionConflict)


def _move(
    actor: Actor, question: Question, action: str, *, note: str = "", changes: dict[str, Any] | None = None
) -> Question:
    """Apply the table's transition, the changes, the version; save and audit (without personal data)."""
    QUESTION.apply(question, action, roles_on(actor, question))
    for field, value in (changes or {}).items():
        setattr(question, field, value)
    if note:
        question.note = note
    question.version += 1
    return audited_save(
        question,
        actor=actor if isinstance(actor, User) else None,
        action=f"question.{action}",
        fields=AUDITED,
    )


@transaction.atomic
def route(
    *, actor: Actor, question: Question, expected_version: int, agency: Agency, at: datetime | None = None
) -> Question:
    """The desk sends the question to the agency competent for the procedure; the answer clock starts."""
    at = at or timezone.now()
    question = _fresh(question, expected_version)
    return _move(
        actor,
        question,
        QuestionAction.ROUTE,
        changes={"agency": agency, "due_at": qa_deadlines.due(at, QuestionStage.ANSWER)},
    )


@transaction.atomic
def decline(*, actor: Actor, question: Question, expected_version: int, reason: str) -> Question:
    """Not a question on procedures (a complaint, a denunciation, abuse): closed with the reason."""
    question = _fresh(question, expected_version)
    reason = required_text(reason, _("lý do"))
    question = _move(actor, question, QuestionAction.DECLINE, note=reason, changes={"due_at": None})
    _notify(question, _("Câu hỏi %(code)s không được trả lời trên chuyên mục hỏi đáp"), reason)
    return question


@transaction.atomic
def return_to_desk(*, actor: Actor, question: Question, expected_version: int, reason: str) -> Question:
    """Not this agency's competence: back to the desk to route elsewhere."""
    question = _fresh(question, expected_version)
    reason = required_text(reason, _("lý do"))
    return _move(actor, question, QuestionAction.RETURN_TO_DESK, note=reason, changes={"agency": None})


@transaction.atomic
def draft_answer(*, actor: Actor, question: Question, expected_version: int, answer: str) -> Question:
    question = _fresh(question, expected_version)
    answer = required_text(answer, _("nội dung trả lời"))
    return _move(
        actor,
        question,
        QuestionAction.DRAFT_ANSWER,
        changes={"answer": answer, "answered_by": actor if isinstance(actor, User) else None},
    )


@transaction.atomic
def approve(
    *, actor: Actor, question: Question, expected_version: int, at: datetime | None = None
) -> Question:
    """The leader approves; an answer approved after the answer deadline is late, and stays counted so."""
    at = at or timezone.now()
    question = _fresh(question, expected_version)
    late = question.due_at is not None and at > question.due_at
    return _move(
        actor,
        question,
        QuestionAction.APPROVE,
        changes={
            "approved_by": actor if isinstance(actor, User) else None,
            "answered_late": late,
            "due_at": qa_deadlines.due(at, QuestionStage.PUBLISH),
        },
    )


@transaction.atomic
def send_back(*, actor: Actor, question: Question, expected_version: int, note: str) -> Question:
    question = _fresh(question, expected_version)
    return _move(
        actor, question, QuestionAction.SEND_BACK, note=required_text(note, _("ý kiến của lãnh đạo"))
    )


def masked(question: Question, text: str) -> str:
    """`text` without the asker's name, e-mail, phone or ID numbers."""
    return mask_text(text, names=(question.asker_name,))


@transaction.atomic
def publish(
    *,
    actor: Actor,
    question: Question,
    expected_version: int,
    topic: FaqTopic,
    published_question: str = "",
    published_answer: str = "",
    at: datetime | None = None,
) -> Question:
    """Into the public Q&A under `topic`: the desk may shorten the wording; personal data is masked
    whatever it types, and the entry links to the procedure."""
    at = at or timezone.now()
    question = _fresh(question, expected_version)
    wording = masked(question, (published_question or question.title).strip())[:500]
    answer = masked(question, (published_answer or question.answer).strip())
    if question.agency is None:
        raise ValidationError(_("Câu hỏi chưa có cơ quan trả lời. / The question has no answering agency."))
    faq = Faq(
        topic=topic,
        agency=question.agency,
        question=required_text(wording, _("câu hỏi công khai")),
        answer=required_text(answer, _("trả lời công khai")),
        procedure=question.procedure,
        published=True,
        updated_by=actor if isinstance(actor, User) else None,
    )
    faq.full_clean()
    faq.save()
    question = _move(
        actor, question, QuestionAction.PUBLISH, changes={"faq": faq, "published_at": at, "due_at": None}
    )
    _notify(question, _("Câu hỏi %(code)s đã được trả lời"), question.answer)
    return question


def _notify(question: Question, subject: str, text: str) -> None:
    """To the asker's e-mail, else their phone: the code and the agency's words only."""
    notifications.send_to_contact(
        email=question.asker_email,
        phone=question.asker_phone,
        subject=subject % {"code": question.code},
        body=_("Mã câu hỏi: %(code)s\n\n%(text)s") % {"code": question.code, "text": text},
        user=question.asker_user,
        reference=f"question:{question.code}",
    )
