"""Every write on feedback: one function per business action, in one transaction, with one audit event.

Each action checks the actor's roles against the status table (workflows.FEEDBACK), changes the row under
the optimistic lock (`expected_version`, as dossiers do), adds a timeline event and an audit event (never
the sender's contacts or words: only status, agency, version and the like), and notifies the sender through
the notification outbox where the law expects an answer.
"""

import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure, Sector
from motcua.core import audit
from motcua.core.errors import Conflict
from motcua.core.identifiers import normalise_phone
from motcua.core.text import required_text
from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload
from motcua.core.versioning import commit_versioned, locked
from motcua.core.workflow import acting_roles
from motcua.dossiers.models import Dossier
from motcua.integrations import national_feedback, notifications
from motcua.integrations.portal import sync as outbox
from motcua.org.models import Agency, User

from . import deadlines
from .models import Attachment, Category, Channel, Feedback, FeedbackDesk, FeedbackEvent, Kind, Stage, Vote
from .rules import receiving_desks, roles_on
from .workflows import FEEDBACK, RECEIVER, SENDER, Action, Status

Actor = User | AnonymousUser | None
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone
MAX_FILES = 5
# Fields the audit trail may hold: never the sender's contacts or words (personal data).
AUDITED = ("status", "version", "agency", "category", "sector", "procedure", "due_at", "handled_late")


class FeedbackConflict(Conflict):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Phản ánh vừa được người khác cập nhật; vui lòng tải lại trang và thực hiện lại. "
                "/ Someone else has just updated this feedback; reload it and try again."
            )
        )


def _now(at: datetime | None) -> datetime:
    return at or timezone.now()


def _new_code() -> str:
    return "PA" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def default_desk() -> Agency:
    desk = FeedbackDesk.objects.select_related("agency").filter(is_default=True).first()
    if desk is None:
        raise ValidationError(
            _(
                "Chưa có nơi tiếp nhận phản ánh; vui lòng liên hệ trực tiếp cơ quan. "
                "/ No feedback desk is configured yet; please contact the agency directly."
            )
        )
    return desk.agency


# --------------------------------------------------------------------------------------------- intake


def _sender_fields(sender: dict[str, Any]) -> dict[str, Any]:
    phone = (sender.get("phone") or "").strip()
    email = (sender.get("email") or "").strip()
    if not phone and not email:
        raise ValidationError(
            {
                "phone": _(
                    "Cần số điện thoại hoặc thư điện tử để nhận trả lời. / A phone or an e-mail is required."
                )
            }
        )
    if phone:
        try:
            phone = normalise_phone(phone)
        except ValidationError as error:
            raise ValidationError({"phone": error.messages}) from None
    return {
        "sender_kind": sender.get("kind") or "person",
        "sender_name": required_text(sender.get("name", ""), _("họ tên")),
        "sender_address": (sender.get("address") or "").strip(),
        "sender_phone": phone,
        "sender_email": email,
    }


def _content_fields(content: dict[str, Any]) -> dict[str, Any]:
    procedure = content.get("procedure")
    if isinstance(procedure, int):
        procedure = Procedure.objects.filter(pk=procedure).first()
    return {
        "kind": content.get("kind") or Kind.REPORT,
        "title": required_text(content.get("title", ""), _("tiêu đề")),
        "content": required_text(content.get("content", ""), _("nội dung")),
        "proposal": (content.get("proposal") or "").strip(),
        "regulation": (content.get("regulation") or "").strip(),
        "regulation_article": (content.get("regulation_article") or "").strip(),
        "procedure": procedure,
        "sector": procedure.sector if procedure else None,
    }


def _checked_files(files: Sequence[UploadedFile]) -> list[UploadedFile]:
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Tối đa %(n)s tệp. / At most %(n)s files.") % {"n": MAX_FILES}})
    for upload in files:
        try:
            check_upload(upload, DOSSIER_DOCUMENT)
        except ValidationError as error:
            raise ValidationError({"files": error.messages}) from None
    return list(files)


def _attach(feedback: Feedback, files: Iterable[UploadedFile]) -> None:
    for upload in files:
        Attachment.objects.create(feedback=feedback, file=upload, name=(upload.name or "")[:255])


def _create(
    actor: Actor,
    action: str,
    held: frozenset[str],
    *,
    fields: dict[str, Any],
    files: Sequence[UploadedFile],
    at: datetime,
) -> Feedback:
    files = _checked_files(files)
    feedback = Feedback(received_at=at, version=1, **fields)
    feedback.agency = feedback.receiving_agency
    FEEDBACK.start(feedback, action, held)
    feedback.due_at = deadlines.due(at, Stage.COMPLETE)
    feedback.full_clean(exclude=["code"])
    for _attempt in range(5):
        feedback.code = _new_code()
        try:
            with transaction.atomic():
                feedback.save()
            break
        except IntegrityError:
            if Feedback.objects.filter(code=feedback.code).exists():
                feedback.pk = None
                continue
            raise
    _attach(feedback, files)
    _record(actor, feedback, action, before="", at=at, to_agency=feedback.receiving_agency)
    return feedback


@transaction.atomic
def send(
    *,
    actor: Actor,
    sender: dict[str, Any],
    content: dict[str, Any],
    files: Sequence[UploadedFile] = (),
    dossier: Dossier | None = None,
    follow_up_of: Feedback | None = None,
    at: datetime | None = None,
) -> Feedback:
    """From the portal, with or without an account. A dossier must be the citizen's own; a follow-up must be
    about a published answer."""
    account = actor if isinstance(actor, User) and actor.is_citizen else None
    if isinstance(actor, User) and not actor.is_citizen:
        raise ValidationError(
            _("Cán bộ nhập phản ánh tại trang tiếp nhận. / Officers record feedback on the intake page.")
        )
    if dossier is not None and (account is None or dossier.applicant_user_id != account.pk):
        raise ValidationError({"dossier": _("Không tìm thấy hồ sơ của bạn. / Not one of your dossiers.")})
    if follow_up_of is not None and follow_up_of.status != Status.PUBLISHED:
        raise ValidationError(
            _("Chỉ phản ánh về kết quả đã công khai. / Only a published answer can be followed up.")
        )
    fields = {
        **_sender_fields(sender),
        **_content_fields(content),
        "channel": Channel.PORTAL,
        "sender_user": account,
        "dossier": dossier,
        "follow_up_of": follow_up_of,
        "receiving_agency": default_desk(),
    }
    return _create(actor, Action.SEND, frozenset({SENDER}), fields=fields, files=files, at=_now(at))


@transaction.atomic
def record(
    *,
    actor: User | None,
    channel: str,
    sender: dict[str, Any],
    content: dict[str, Any],
    receiving_agency: Agency | None = None,
    files: Sequence[UploadedFile] = (),
    external_id: str = "",
    at: datetime | None = None,
) -> Feedback:
    """Feedback received by letter, phone, e-mail or in person (an officer of a desk), or imported from the
    national portal (`actor=None`, channel NATIONAL_PORTAL, at the default desk)."""
    if channel not in Channel.values or channel == Channel.PORTAL:
        raise ValidationError({"channel": _("Kênh tiếp nhận không hợp lệ. / Invalid channel.")})
    desk: Agency | None
    if actor is None:
        desk = receiving_agency or default_desk()
    else:
        desks = {a.pk: a for a in receiving_desks(actor)}
        desk = receiving_agency or (next(iter(desks.values())) if len(desks) == 1 else None)
        if desk is None or desk.pk not in desks:
            raise ValidationError(
                {"receiving_agency": _("Bạn không tiếp nhận phản ánh tại cơ quan này. / Not your desk.")}
            )
    action = Action.IMPORT if channel == Channel.NATIONAL_PORTAL else Action.RECORD
    fields = {
        **_sender_fields(sender),
        **_content_fields(content),
        "channel": channel,
        "receiving_agency": desk,
        "external_id": external_id.strip()[:60],
    }
    return _create(actor, action, acting_roles(actor, RECEIVER), fields=fields, files=files, at=_now(at))


# -------------------------------------------------------------------------------------------- actions


def _fresh(feedback: Feedback | int, expected_version: int) -> Feedback:
    pk = feedback.pk if isinstance(feedback, Feedback) else feedback
    rows = Feedback.objects.select_for_update().select_related("agency", "receiving_agency")
    return locked(rows, pk, expected_version, FeedbackConflict)


def _commit(feedback: Feedback, expected_version: int, fields: Sequence[str]) -> None:
    commit_versioned(feedback, expected_version, fields, FeedbackConflict)


def _record(
    actor: Actor,
    feedback: Feedback,
    action: str,
    *,
    before: str,
    at: datetime,
    note: str = "",
    from_agency: Agency | None = None,
    to_agency: Agency | None = None,
    late: bool = False,
) -> None:
    user = actor if isinstance(actor, User) else None
    FeedbackEvent.objects.create(
        feedback=feedback,
        occurred_at=at,
        actor=user,
        actor_label=str(user) if user else ("" if actor is not None else "system"),
        action=action,
        from_status=before,
        to_status=feedback.status,
        from_agency=from_agency,
        to_agency=to_agency,
        note=note,
        late=late,
    )
    if not before:  # a new item: its classification fields, never the sender's data
        audit.record(
            actor=actor, action=f"feedback.{action}", target=feedback, after=audit.snapshot(feedback, AUDITED)
        )
        return
    changes: dict[str, list[Any]] = {
        "status": [before, feedback.status],
        "version": [feedback.version - 1, feedback.version],
    }
    if to_agency is not None and from_agency is not None:
        changes["agency"] = [from_agency.pk, to_agency.pk]
    audit.record(actor=actor, action=f"feedback.{action}", target=feedback, changes=changes)


def _move(
    actor: Actor,
    feedback: Feedback,
    expected_version: int,
    action: str,
    *,
    tracked: bool = False,
    fields: Sequence[str] = (),
    note: str = "",
    to_agency: Agency | None = None,
    at: datetime,
    late: bool = False,
) -> Feedback:
    """The common part of every action: roles, the table, the locked write, the events."""
    before = feedback.status
    from_agency = feedback.agency
    FEEDBACK.apply(feedback, action, roles_on(actor, feedback, tracked=tracked))
    if to_agency is not None:
        feedback.agency = to_agency
    feedback.full_clean(exclude=["code", "status"])
    _commit(feedback, expected_version, ["status", *fields, *(["agency"] if to_agency else [])])
    _record(
        actor,
        feedback,
        action,
        before=before,
        at=at,
        note=note,
        from_agency=from_agency if to_agency else None,
        to_agency=to_agency,
        late=late,
    )
    return feedback


def _late(feedback: Feedback, at: datetime, stage: str) -> bool:
    """Whether an intake decision comes after its own limit, counted from reception."""
    return at > deadlines.due(feedback.received_at, stage)


@transaction.atomic
def refuse(
    *, actor: Actor, feedback: Feedback, expected_version: int, reason: str, at: datetime | None = None
) -> Feedback:
    """Out of scope (a complaint or a denunciation, which other laws govern): say where to go."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    feedback.refusal_reason = required_text(reason, _("lý do và nơi có thẩm quyền"))
    feedback.due_at = None
    late = _late(feedback, at, Stage.REFUSE)
    _move(
        actor,
        feedback,
        expected_version,
        Action.REFUSE,
        fields=["refusal_reason", "due_at"],
        note=feedback.refusal_reason,
        at=at,
        late=late,
    )
    _notify(feedback, _("Phản ánh %(code)s không thuộc phạm vi xử lý"), feedback.refusal_reason)
    return feedback


@transaction.atomic
def ask_to_complete(
    *, actor: Actor, feedback: Feedback, expected_version: int, missing: str, at: datetime | None = None
) -> Feedback:
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    feedback.missing_content = required_text(missing, _("nội dung cần bổ sung"))
    feedback.due_at = None  # the sender's time does not count against the agency
    late = _late(feedback, at, Stage.COMPLETE)
    _move(
        actor,
        feedback,
        expected_version,
        Action.ASK_TO_COMPLETE,
        fields=["missing_content", "due_at"],
        note=feedback.missing_content,
        at=at,
        late=late,
    )
    _notify(feedback, _("Đề nghị bổ sung nội dung phản ánh %(code)s"), feedback.missing_content)
    return feedback


@transaction.atomic
def supplement(
    *,
    actor: Actor,
    feedback: Feedback,
    expected_version: int,
    text: str,
    files: Sequence[UploadedFile] = (),
    tracked: bool = False,
    at: datetime | None = None,
) -> Feedback:
    """The sender completes the content; the intake check starts again."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    text = required_text(text, _("nội dung bổ sung"))
    files = _checked_files(files)
    feedback.content = f"{feedback.content}\n\n[{_('Bổ sung')} {timezone.localtime(at):%d/%m/%Y}]\n{text}"
    feedback.missing_content = ""
    feedback.received_at = at
    feedback.due_at = deadlines.due(at, Stage.COMPLETE)
    _move(
        actor,
        feedback,
        expected_version,
        Action.SUPPLEMENT,
        tracked=tracked,
        fields=["content", "missing_content", "received_at", "due_at"],
        at=at,
    )
    _attach(feedback, files)
    return feedback


@transaction.atomic
def accept(
    *,
    actor: Actor,
    feedback: Feedback,
    expected_version: int,
    category: str,
    sector: Sector | None = None,
    procedure: Procedure | None = None,
    kind: str = "",
    at: datetime | None = None,
) -> Feedback:
    """In scope: classify it; the handling clock starts."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    if category not in Category.values:
        raise ValidationError({"category": _("Chọn phân loại. / Choose a category.")})
    feedback.category = category
    feedback.procedure = procedure or feedback.procedure
    feedback.sector = sector or (feedback.procedure.sector if feedback.procedure else feedback.sector)
    if kind:
        feedback.kind = kind
    feedback.handle_due_at = deadlines.due(at, Stage.HANDLE)
    feedback.due_at = feedback.handle_due_at
    _move(
        actor,
        feedback,
        expected_version,
        Action.ACCEPT,
        fields=["category", "procedure", "sector", "kind", "handle_due_at", "due_at"],
        at=at,
    )
    return feedback


def _other_agency(feedback: Feedback, agency: Agency | None) -> Agency:
    if agency is None:
        raise ValidationError({"agency": _("Chọn cơ quan. / Choose an agency.")})
    if agency.pk == feedback.agency_id:
        raise ValidationError({"agency": _("Phản ánh đang ở cơ quan này. / It is already there.")})
    return agency


@transaction.atomic
def route(
    *,
    actor: Actor,
    feedback: Feedback,
    expected_version: int,
    agency: Agency | None,
    note: str = "",
    at: datetime | None = None,
) -> Feedback:
    """To the competent agency (the desk may route to itself when it is competent)."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    if agency is None:
        raise ValidationError({"agency": _("Chọn cơ quan. / Choose an agency.")})
    return _move(actor, feedback, expected_version, Action.ROUTE, to_agency=agency, note=note.strip(), at=at)


@transaction.atomic
def transfer(
    *,
    actor: Actor,
    feedback: Feedback,
    expected_version: int,
    agency: Agency | None,
    note: str,
    at: datetime | None = None,
) -> Feedback:
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    agency = _other_agency(feedback, agency)
    note = required_text(note, _("lý do chuyển"))
    return _move(actor, feedback, expected_version, Action.TRANSFER, to_agency=agency, note=note, at=at)


@transaction.atomic
def return_to_desk(
    *, actor: Actor, feedback: Feedback, expected_version: int, note: str, at: datetime | None = None
) -> Feedback:
    """Not this agency's matter: back to the receiving desk to route again."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    note = required_text(note, _("lý do trả lại"))
    return _move(
        actor,
        feedback,
        expected_version,
        Action.RETURN_TO_DESK,
        to_agency=feedback.receiving_agency,
        note=note,
        at=at,
    )


@transaction.atomic
def draft_answer(
    *, actor: Actor, feedback: Feedback, expected_version: int, answer: str, at: datetime | None = None
) -> Feedback:
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    feedback.answer = required_text(answer, _("nội dung trả lời"))
    feedback.answered_by = actor if isinstance(actor, User) else None
    return _move(
        actor, feedback, expected_version, Action.DRAFT_ANSWER, fields=["answer", "answered_by"], at=at
    )


@transaction.atomic
def approve(
    *, actor: Actor, feedback: Feedback, expected_version: int, at: datetime | None = None
) -> Feedback:
    """The leader approves: handling ends here (on time or late); publication has its own limit."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    feedback.approved_at = at
    feedback.approved_by = actor if isinstance(actor, User) else None
    feedback.handled_late = feedback.handle_due_at is not None and at > feedback.handle_due_at
    feedback.due_at = deadlines.due(at, Stage.PUBLISH)
    return _move(
        actor,
        feedback,
        expected_version,
        Action.APPROVE,
        fields=["approved_at", "approved_by", "handled_late", "due_at"],
        at=at,
        late=feedback.handled_late,
    )


@transaction.atomic
def send_back(
    *, actor: Actor, feedback: Feedback, expected_version: int, note: str, at: datetime | None = None
) -> Feedback:
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    note = required_text(note, _("ý kiến của lãnh đạo"))
    feedback.due_at = feedback.handle_due_at
    return _move(actor, feedback, expected_version, Action.SEND_BACK, fields=["due_at"], note=note, at=at)


@transaction.atomic
def publish(
    *, actor: Actor, feedback: Feedback, expected_version: int, at: datetime | None = None
) -> Feedback:
    """On the public page, and the sender is told where to read it."""
    at = _now(at)
    feedback = _fresh(feedback, expected_version)
    late = feedback.due_at is not None and at > feedback.due_at
    feedback.published_at = at
    feedback.due_at = None
    _move(
        actor, feedback, expected_version, Action.PUBLISH, fields=["published_at", "due_at"], at=at, late=late
    )
    _notify(feedback, _("Đã có kết quả xử lý phản ánh %(code)s"), feedback.answer)
    _answer_national_system(feedback, at)
    return feedback


def _answer_national_system(feedback: Feedback, at: datetime) -> None:
    """An item the national PAKN system forwarded gets its answer back there, through the outbox of the
    national connections (written in this transaction, sent with retries by the task worker)."""
    if feedback.channel != Channel.NATIONAL_PORTAL or not feedback.external_id:
        return
    public_url = getattr(settings, "MOTCUA_PUBLIC_BASE_URL", "").rstrip("/") + reverse(
        "feedback:public_item", args=[feedback.pk]
    )
    row = national_feedback.answer_row(feedback, at=at, public_url=public_url)
    row.save()
    outbox.send_after_commit(row)


@transaction.atomic
def vote(*, actor: Actor, feedback: Feedback, agrees: bool, tracked: bool = False) -> Vote:
    """Agree or disagree with a published answer: the sender once, and each citizen account once."""
    feedback = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.status != Status.PUBLISHED:
        raise ValidationError(
            _("Chỉ cho ý kiến về kết quả đã công khai. / Only a published answer can be rated.")
        )
    is_sender = SENDER in roles_on(actor, feedback, tracked=tracked)
    user = actor if isinstance(actor, User) and actor.is_authenticated else None
    if not is_sender and (user is None or not user.is_citizen):
        raise ValidationError(
            _("Đăng nhập bằng tài khoản công dân để cho ý kiến. / Log in with a citizen account to vote.")
        )
    if (is_sender and feedback.votes.filter(by_sender=True).exists()) or (
        user is not None and feedback.votes.filter(user=user).exists()
    ):
        raise ValidationError(_("Bạn đã cho ý kiến. / You have already voted."))
    ballot = Vote.objects.create(feedback=feedback, user=user, by_sender=is_sender, agrees=agrees)
    counter = "agree_count" if agrees else "disagree_count"
    Feedback.objects.filter(pk=feedback.pk).update(**{counter: F(counter) + 1})
    audit.record(
        actor=actor if user else None,
        action="feedback.vote",
        target=feedback,
        changes={counter: [getattr(feedback, counter), getattr(feedback, counter) + 1]},
    )
    return ballot


# ------------------------------------------------------------------------------------- notifications


def _notify(feedback: Feedback, subject: str, text: str) -> None:
    """To the sender's e-mail, else their phone; the body holds the code and the agency's words only."""
    notifications.send_to_contact(
        email=feedback.sender_email,
        phone=feedback.sender_phone,
        subject=subject % {"code": feedback.code},
        body=_("Mã phản ánh: %(code)s\n\n%(text)s\n\nTra cứu: /phan-anh/tra-cuu/")
        % {
            "code": feedback.code,
            "text": text,
        },
        user=feedback.sender_user,
        reference=f"feedback:{feedback.code}",
    )
