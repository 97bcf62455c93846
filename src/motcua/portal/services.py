"""Online submission, one function per citizen action: start a draft, save a page, attach or pick files,
remove them, delete the draft, and submit it as a dossier.

Only citizen accounts act here, each on their own drafts. Audit events name the draft and the step, never
the answers (personal data stays in the draft and the dossier).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Any
from uuid import uuid4

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.catalog.fees import FeeChoice
from motcua.catalog.models import LimitCase, Procedure, RequiredDocument
from motcua.core import audit
from motcua.core.access import not_allowed_message, require_citizen
from motcua.core.audited import audited_delete, audited_save
from motcua.core.uploads import DOSSIER_DOCUMENT, CheckedFile, FileKind, check_upload
from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier, SubmissionChannel
from motcua.org.models import Agency, User

from . import selectors
from .models import Draft, DraftFile, OnlineForm, StoredDocument, StoredKind, Submission

PARTS = ("applicant", "fields", "case")
LAST_STEP = 4
# What an officer is told on the submission pages and by these services (citizens act here, on their own).
FOR_CITIZENS = gettext_lazy(
    "Chức năng nộp hồ sơ trực tuyến dành cho tài khoản công dân, tổ chức. Cán bộ tiếp nhận hồ sơ tại "
    "trang Tiếp nhận hồ sơ. / Online submission is for citizen accounts; officers use the reception page."
)


def require_owner(actor: User, owner_id: int) -> None:
    """The actor is the citizen who owns the draft or paper."""
    require_citizen(actor, FOR_CITIZENS)
    if owner_id != actor.pk:
        raise PermissionDenied(not_allowed_message())


def store_name(kind: FileKind | None) -> str:
    """A file name of our own: the citizen's file name may hold personal data or odd characters."""
    return f"{uuid4().hex}{kind.extension if kind else ''}"


# ------------------------------------------------------------------------------------------ drafts


# The audit trail names the draft, its procedure and the step reached, never the answers (personal data).
DRAFT_AUDITED = ("procedure", "step")


@transaction.atomic
def start_draft(*, actor: User, procedure: Procedure) -> Draft:
    """A new draft for a procedure offered online (full or partial) today."""
    require_citizen(actor, FOR_CITIZENS)
    if selectors.online_version(procedure) is None:
        raise ValidationError(
            _("Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online.")
        )
    draft = Draft(owner=actor, procedure=procedure, answers={}, step=1)
    return audited_save(draft, actor=actor, action="draft.start", fields=DRAFT_AUDITED)


@transaction.atomic
def save_answers(
    *, actor: User, draft: Draft, part: str, values: Mapping[str, Any], reached: int | None = None
) -> Draft:
    """Keep one page's answers as typed; `reached` moves the draft on when the page was valid."""
    require_owner(actor, draft.owner_id)
    if part not in PARTS:
        raise ValueError(part)
    draft.answers = {**draft.answers, part: dict(values)}
    if reached is not None:
        draft.step = min(LAST_STEP, max(draft.step, reached))
    return audited_save(draft, actor=actor, action="draft.save", fields=DRAFT_AUDITED, reason=part)


@transaction.atomic
def reach_step(*, actor: User, draft: Draft, step: int) -> Draft:
    require_owner(actor, draft.owner_id)
    draft.step = min(LAST_STEP, max(draft.step, step))
    return audited_save(draft, actor=actor, action="draft.save", fields=DRAFT_AUDITED)


class _Room:
    """What the draft may still take: files per required document and per dossier, counting what it holds
    and what this request has already accepted."""

    def __init__(self, draft: Draft) -> None:
        self.held: dict[int, int] = {}
        for doc_id in draft.files.values_list("required_document_id", flat=True):
            self.held[doc_id] = self.held.get(doc_id, 0) + 1
        self.per_document = selectors.max_files_per_document()
        self.per_dossier = selectors.max_files_per_dossier()

    def refusal(self, doc_id: int) -> str | None:
        """Why one more file for `doc_id` does not fit, or None (and then it is counted)."""
        if self.held.get(doc_id, 0) + 1 > self.per_document:
            return _(
                "Mỗi thành phần hồ sơ có tối đa %(n)s tệp. / At most %(n)s files per required document."
            ) % {"n": self.per_document}
        if sum(self.held.values()) + 1 > self.per_dossier:
            return _("Mỗi hồ sơ có tối đa %(n)s tệp. / At most %(n)s files per dossier.") % {
                "n": self.per_dossier
            }
        self.held[doc_id] = self.held.get(doc_id, 0) + 1
        return None


def _documents_of(draft: Draft) -> dict[int, RequiredDocument]:
    version = selectors.online_version(draft.procedure)
    if version is None:
        raise ValidationError(
            _("Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online.")
        )
    return {doc.pk: doc for doc in selectors.documents_of(version)}


@dataclass
class Attached:
    """What an upload request kept (`rows`) and why the other files were refused (`errors`, one
    bilingual message per file keyed `doc_<id>`, or `__all__`)."""

    rows: list[DraftFile] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)


@transaction.atomic
def attach_files(*, actor: User, draft: Draft, uploads: Mapping[int, Sequence[UploadedFile]]) -> Attached:
    """Files for required documents ({document id: [uploaded files]}): every file that passes the content
    check and still fits the limits is kept, the others are listed with their reason, so one refused file
    never costs the citizen the valid ones sent beside it (issue 17). Nothing refused reaches the disk."""
    require_owner(actor, draft.owner_id)
    documents = _documents_of(draft)
    outcome = Attached()
    room = _Room(draft)
    for doc_id, files in uploads.items():
        document = documents.get(doc_id)
        if document is None:
            outcome.errors.setdefault("__all__", []).append(
                _("Thành phần hồ sơ không thuộc thủ tục. / The document is not part of this procedure.")
            )
            continue
        for upload in files:
            try:
                checked = check_upload(upload, DOSSIER_DOCUMENT)
            except ValidationError as error:
                problems = error.messages
            else:
                refusal = room.refusal(doc_id)
                if refusal is None:
                    outcome.rows.append(_keep(draft, document, upload, checked))
                    continue
                problems = [refusal]
            outcome.errors.setdefault(f"doc_{doc_id}", []).extend(f"{upload.name}: {m}" for m in problems)
    if outcome.rows:
        draft.save(update_fields=["updated_at"])
        # Not an audited_save: one event on the draft lists the files it gained (rows of another table).
        audit.record(
            actor=actor,
            action="draft.attach",
            target=draft,
            changes={"files": [None, [r.pk for r in outcome.rows]]},
        )
    return outcome


def _keep(draft: Draft, document: RequiredDocument, upload: UploadedFile, checked: CheckedFile) -> DraftFile:
    row = DraftFile(
        draft=draft,
        required_document=document,
        original_name=(upload.name or "")[:255],
        content_type=checked.content_type,
        size=upload.size or 0,
    )
    row.file.save(store_name(checked.kind), upload, save=False)
    row.save()
    return row


@transaction.atomic
def pick_stored(*, actor: User, draft: Draft, document_id: int, stored: StoredDocument) -> DraftFile:
    """Reuse a paper from the citizen's own store for a required document ("chọn từ kho dữ liệu")."""
    require_owner(actor, draft.owner_id)
    require_owner(actor, stored.owner_id)
    documents = _documents_of(draft)
    if document_id not in documents:
        raise ValidationError(
            _("Thành phần hồ sơ không thuộc thủ tục. / The document is not part of this procedure.")
        )
    if draft.files.filter(required_document_id=document_id, stored=stored).exists():
        raise ValidationError(
            {f"doc_{document_id}": _("Giấy tờ này đã được chọn. / This paper is already chosen.")}
        )
    refusal = _Room(draft).refusal(document_id)
    if refusal is not None:
        raise ValidationError({f"doc_{document_id}": refusal})
    row = DraftFile.objects.create(draft=draft, required_document=documents[document_id], stored=stored)
    draft.save(update_fields=["updated_at"])
    audit.record(actor=actor, action="draft.reuse", target=draft, changes={"stored": [None, stored.pk]})
    return row


def _forget_file(row: DraftFile) -> None:
    if row.file:
        row.file.delete(save=False)


@transaction.atomic
def remove_file(*, actor: User, draft_file: DraftFile) -> None:
    draft = draft_file.draft
    require_owner(actor, draft.owner_id)
    # The event is the draft's, like the one that added the file.
    audit.record(
        actor=actor, action="draft.remove_file", target=draft, changes={"files": [draft_file.pk, None]}
    )
    _forget_file(draft_file)
    draft_file.delete()
    draft.save(update_fields=["updated_at"])


@transaction.atomic
def delete_draft(*, actor: User, draft: Draft) -> None:
    require_owner(actor, draft.owner_id)
    for row in draft.files.all():
        _forget_file(row)
    audited_delete(draft, actor=actor, action="draft.delete", fields=DRAFT_AUDITED)


# ------------------------------------------------------------------------------------------ submission


def _lines(
    draft: Draft, documents: dict[int, RequiredDocument], declared: set[int]
) -> list[dossier_services.DocumentLine]:
    """One dossier line per file: each is an electronic copy of the paper (originals come in person,
    when the procedure asks, at the step the online form names). The declaration form filled in online is
    its own line, the original, with the answers as its content."""
    rows = list(selectors.draft_files(draft))
    lines = []
    for document in documents.values():
        mine = [r for r in rows if r.required_document_id == document.pk]
        if document.pk in declared and not mine:
            lines.append(
                dossier_services.DocumentLine(
                    name=document.name, originals=1, required_document=document, declared_online=True
                )
            )
        for number, row in enumerate(mine, start=1):
            source = row.stored.file if row.stored is not None else row.file
            name = document.name if number == 1 else f"{document.name} ({number})"
            lines.append(
                dossier_services.DocumentLine(
                    name=name,
                    copies=1,
                    required_document=document,
                    file=File(source.open("rb"), name=PurePath(source.name or "").name),
                    reused=row.stored_id is not None,
                )
            )
    return lines


def declared_documents(draft: Draft, form: OnlineForm | None = None) -> set[int]:
    """The required documents the procedure's online form stands for: filled in at step 2, not uploaded."""
    form = form if form is not None else selectors.online_form(draft.procedure)
    return selectors.declared_document_ids(form, _documents_of(draft).values())


def missing_documents(draft: Draft, form: OnlineForm | None = None) -> list[RequiredDocument]:
    """Mandatory documents with neither an upload, a paper picked from the store, nor the online form
    standing for them."""
    documents = _documents_of(draft)
    given = set(draft.files.values_list("required_document_id", flat=True))
    given |= declared_documents(draft, form)
    return [d for d in documents.values() if d.mandatory and d.pk not in given]


@transaction.atomic
def submit_draft(
    *,
    actor: User,
    draft: Draft,
    applicant: dossier_services.Applicant,
    centre: Agency,
    result_by_post: bool,
    online_form: OnlineForm | None,
    form_fields: list[dict[str, Any]],
    answers: dict[str, Any],
    at: datetime | None = None,
    limit_case: LimitCase | None = None,
    fees: Sequence[FeeChoice] = (),
) -> Dossier:
    """The draft becomes a dossier (status submitted, channel online); its uploads enter the store.

    `limit_case` and `fees`: the time-limit case and fee rows the citizen chose (the counter's choice)."""
    require_owner(actor, draft.owner_id)
    documents = _documents_of(draft)
    missing = missing_documents(draft, online_form)
    if missing:
        raise ValidationError(
            _("Thiếu thành phần hồ sơ bắt buộc: %(names)s. / Mandatory documents are missing.")
            % {"names": "; ".join(d.name for d in missing)}
        )
    profile = selectors.applicant_profile(actor)
    lines = _lines(draft, documents, declared_documents(draft, online_form))
    try:
        dossier = dossier_services.submit(
            actor=actor,
            centre=centre,
            procedure=draft.procedure,
            applicant=applicant,
            documents=lines,
            channel=SubmissionChannel.ONLINE,
            result_by_post=result_by_post,
            at=at,
            identity_verified=bool(getattr(profile, "identity_verified", False)),
            limit_case=limit_case,
            fees=fees,
        )
    finally:
        for line in lines:
            if isinstance(line.file, File):
                line.file.close()
    Submission.objects.create(
        dossier=dossier, online_form=online_form, form_fields=form_fields, answers=answers
    )
    # The uploads move into the citizen's store as they are (same private storage): no copy is made.
    for row in selectors.draft_files(draft).filter(stored__isnull=True):
        StoredDocument.objects.create(
            owner=actor,
            title=row.required_document.name[:255],
            file=row.file.name,
            content_type=row.content_type,
            size=row.size,
            kind=StoredKind.DOSSIER_DOCUMENT,
            source_dossier=dossier,
        )
    # Not an audited_delete: the draft's last event says which dossier it became.
    audit.record(
        actor=actor,
        action="draft.submit",
        target=draft,
        changes={"dossier": [None, dossier.pk]},
    )
    draft.delete()
    return dossier
