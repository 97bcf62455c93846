"""Online submission, one function per citizen action: start a draft, save a page, attach or pick files,
remove them, delete the draft, and submit it as a dossier.

Only citizen accounts act here, each on their own drafts. Audit events name the draft and the step, never
the answers (personal data stays in the draft and the dossier).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from uuid import uuid4

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core import audit
from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier, SubmissionChannel
from motcua.dossiers.uploads import SIGNATURES, check_upload
from motcua.org.models import Agency

from . import selectors
from .models import Draft, DraftFile, OnlineForm, StoredDocument, StoredKind, Submission

PARTS = ("applicant", "fields")
LAST_STEP = 4
EXTENSION = dict(SIGNATURES.values())


def not_citizen_message() -> str:
    return _(
        "Chức năng nộp hồ sơ trực tuyến dành cho tài khoản công dân, tổ chức. Cán bộ tiếp nhận hồ sơ tại "
        "trang Tiếp nhận hồ sơ. / Online submission is for citizen accounts; officers use the reception page."
    )


def require_citizen(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_citizen", False):
        raise PermissionDenied(not_citizen_message())


def _require_owner(actor, owner_id: int) -> None:
    require_citizen(actor)
    if owner_id != actor.pk:
        raise PermissionDenied(
            _("Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this.")
        )


def store_name(content_type: str) -> str:
    """A file name of our own: the citizen's file name may hold personal data or odd characters."""
    return f"{uuid4().hex}{EXTENSION.get(content_type, '')}"


# ------------------------------------------------------------------------------------------ drafts


@transaction.atomic
def start_draft(*, actor, procedure: Procedure) -> Draft:
    """A new draft for a procedure offered online (full or partial) today."""
    require_citizen(actor)
    if selectors.online_version(procedure) is None:
        raise ValidationError(
            _("Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online.")
        )
    draft = Draft.objects.create(owner=actor, procedure=procedure, answers={}, step=1)
    audit.record(actor=actor, action="draft.start", target=draft, changes={"procedure": [None, procedure.pk]})
    return draft


@transaction.atomic
def save_answers(*, actor, draft: Draft, part: str, values: Mapping, reached: int | None = None) -> Draft:
    """Keep one page's answers as typed; `reached` moves the draft on when the page was valid."""
    _require_owner(actor, draft.owner_id)
    if part not in PARTS:
        raise ValueError(part)
    before = draft.step
    draft.answers = {**draft.answers, part: dict(values)}
    if reached is not None:
        draft.step = min(LAST_STEP, max(draft.step, reached))
    draft.save(update_fields=["answers", "step", "updated_at"])
    audit.record(
        actor=actor, action="draft.save", target=draft, changes={"step": [before, draft.step]}, reason=part
    )
    return draft


@transaction.atomic
def reach_step(*, actor, draft: Draft, step: int) -> Draft:
    _require_owner(actor, draft.owner_id)
    before = draft.step
    draft.step = min(LAST_STEP, max(draft.step, step))
    draft.save(update_fields=["step", "updated_at"])
    audit.record(actor=actor, action="draft.save", target=draft, changes={"step": [before, draft.step]})
    return draft


def _limits_errors(draft: Draft, adding: Mapping[int, int]) -> dict[str, list[str]]:
    """Per-document and per-dossier file limits, counting what the draft already holds."""
    errors: dict[str, list[str]] = {}
    held: dict[int, int] = {}
    for doc_id in draft.files.values_list("required_document_id", flat=True):
        held[doc_id] = held.get(doc_id, 0) + 1
    per_document, per_dossier = selectors.max_files_per_document(), selectors.max_files_per_dossier()
    for doc_id, count in adding.items():
        if count and held.get(doc_id, 0) + count > per_document:
            errors.setdefault(f"doc_{doc_id}", []).append(
                _("Mỗi thành phần hồ sơ có tối đa %(n)s tệp. / At most %(n)s files per required document.")
                % {"n": per_document}
            )
    if sum(held.values()) + sum(adding.values()) > per_dossier:
        errors.setdefault("__all__", []).append(
            _("Mỗi hồ sơ có tối đa %(n)s tệp. / At most %(n)s files per dossier.") % {"n": per_dossier}
        )
    return errors


def _documents_of(draft: Draft) -> dict[int, RequiredDocument]:
    version = selectors.online_version(draft.procedure)
    if version is None:
        raise ValidationError(
            _("Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online.")
        )
    return {doc.pk: doc for doc in selectors.documents_of(version)}


@transaction.atomic
def attach_files(*, actor, draft: Draft, uploads: Mapping[int, Sequence]) -> list[DraftFile]:
    """Files for required documents ({document id: [uploaded files]}): all accepted, or none stored.

    Every problem comes back at once (one bilingual message each, keyed `doc_<id>`), so the citizen
    fixes them in one go; nothing reaches the disk unless every file passes."""
    _require_owner(actor, draft.owner_id)
    documents = _documents_of(draft)
    errors: dict[str, list[str]] = {}
    accepted: list[tuple[RequiredDocument, object, str]] = []
    for doc_id, files in uploads.items():
        document = documents.get(doc_id)
        if document is None:
            errors.setdefault("__all__", []).append(
                _("Thành phần hồ sơ không thuộc thủ tục. / The document is not part of this procedure.")
            )
            continue
        for upload in files:
            try:
                content_type = check_upload(upload)
            except ValidationError as error:
                errors.setdefault(f"doc_{doc_id}", []).extend(f"{upload.name}: {m}" for m in error.messages)
            else:
                accepted.append((document, upload, content_type))
    for key, messages in _limits_errors(draft, {k: len(v) for k, v in uploads.items()}).items():
        errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    rows = []
    for document, upload, content_type in accepted:
        row = DraftFile(
            draft=draft,
            required_document=document,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
        )
        row.file.save(store_name(content_type), upload, save=False)
        row.save()
        rows.append(row)
    draft.save(update_fields=["updated_at"])
    audit.record(
        actor=actor, action="draft.attach", target=draft, changes={"files": [None, [r.pk for r in rows]]}
    )
    return rows


@transaction.atomic
def pick_stored(*, actor, draft: Draft, document_id: int, stored: StoredDocument) -> DraftFile:
    """Reuse a paper from the citizen's own store for a required document ("chọn từ kho dữ liệu")."""
    _require_owner(actor, draft.owner_id)
    _require_owner(actor, stored.owner_id)
    documents = _documents_of(draft)
    if document_id not in documents:
        raise ValidationError(
            _("Thành phần hồ sơ không thuộc thủ tục. / The document is not part of this procedure.")
        )
    if draft.files.filter(required_document_id=document_id, stored=stored).exists():
        raise ValidationError(
            {f"doc_{document_id}": _("Giấy tờ này đã được chọn. / This paper is already chosen.")}
        )
    errors = _limits_errors(draft, {document_id: 1})
    if errors:
        raise ValidationError(errors)
    row = DraftFile.objects.create(draft=draft, required_document=documents[document_id], stored=stored)
    draft.save(update_fields=["updated_at"])
    audit.record(actor=actor, action="draft.reuse", target=draft, changes={"stored": [None, stored.pk]})
    return row


def _forget_file(row: DraftFile) -> None:
    if row.file:
        row.file.delete(save=False)


@transaction.atomic
def remove_file(*, actor, draft_file: DraftFile) -> None:
    draft = draft_file.draft
    _require_owner(actor, draft.owner_id)
    audit.record(
        actor=actor, action="draft.remove_file", target=draft, changes={"files": [draft_file.pk, None]}
    )
    _forget_file(draft_file)
    draft_file.delete()
    draft.save(update_fields=["updated_at"])


@transaction.atomic
def delete_draft(*, actor, draft: Draft) -> None:
    _require_owner(actor, draft.owner_id)
    audit.record(actor=actor, action="draft.delete", target=draft, changes={"step": [draft.step, None]})
    for row in draft.files.all():
        _forget_file(row)
    draft.delete()


# ------------------------------------------------------------------------------------------ submission


def _lines(draft: Draft, documents: dict[int, RequiredDocument]) -> list[dossier_services.DocumentLine]:
    """One dossier line per file: each is an electronic copy of the paper (originals come in person,
    when the procedure asks, at the step the online form names)."""
    rows = list(selectors.draft_files(draft))
    lines = []
    for document in documents.values():
        mine = [r for r in rows if r.required_document_id == document.pk]
        for number, row in enumerate(mine, start=1):
            source = row.stored.file if row.stored_id else row.file
            name = document.name if number == 1 else f"{document.name} ({number})"
            lines.append(
                dossier_services.DocumentLine(
                    name=name,
                    copies=1,
                    required_document=document,
                    file=File(source.open("rb"), name=source.name.rsplit("/", 1)[-1]),
                    reused=row.stored_id is not None,
                )
            )
    return lines


def missing_documents(draft: Draft) -> list[RequiredDocument]:
    """Mandatory documents with neither an upload nor a paper picked from the store."""
    documents = _documents_of(draft)
    given = set(draft.files.values_list("required_document_id", flat=True))
    return [d for d in documents.values() if d.mandatory and d.pk not in given]


@transaction.atomic
def submit_draft(
    *,
    actor,
    draft: Draft,
    applicant: dossier_services.Applicant,
    centre: Agency,
    result_by_post: bool,
    online_form: OnlineForm | None,
    form_fields: list[dict],
    answers: dict,
    at: datetime | None = None,
) -> Dossier:
    """The draft becomes a dossier (status submitted, channel online); its uploads enter the store."""
    _require_owner(actor, draft.owner_id)
    documents = _documents_of(draft)
    missing = missing_documents(draft)
    if missing:
        raise ValidationError(
            _("Thiếu thành phần hồ sơ bắt buộc: %(names)s. / Mandatory documents are missing.")
            % {"names": "; ".join(d.name for d in missing)}
        )
    profile = selectors.applicant_profile(actor)
    lines = _lines(draft, documents)
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
        )
    finally:
        for line in lines:
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
    audit.record(
        actor=actor,
        action="draft.submit",
        target=draft,
        changes={"dossier": [None, dossier.pk]},
    )
    draft.delete()
    return dossier
