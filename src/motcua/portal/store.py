"""The citizen's document store (kho dữ liệu): upload, rename, delete; and results copied in.

Results are copied into the store after an officer's "attach result" commits (a post_save hook on the
dossier's timeline, connected in `apps.py`), so that every paper the citizen holds is one kind of row, can be
reused in a later submission, and is downloaded through the same ownership check.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.accounts.models import CitizenProfile
from motcua.core.access import require_citizen
from motcua.core.audited import audited_delete, audited_save
from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload, sniff
from motcua.dossiers.models import CertifiedCopy, Dossier
from motcua.org.models import User

from .models import StoredDocument, StoredKind
from .services import FOR_CITIZENS, require_owner, store_name

log = logging.getLogger(__name__)
# The trail says what kind of paper came or went, never its title or content (personal data).
STORED_AUDITED = ("kind", "source_dossier", "source_copy")


def _title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Nhập tên giấy tờ. / Enter a title.")})
    return title[:255]


def download_name(document: StoredDocument) -> str:
    """The name a paper is saved under: its title, with no slash to be read as a folder ("12/TLKS")."""
    return document.title.replace("/", "-").replace("\\", "-")


@transaction.atomic
def upload_to_store(*, actor: User, title: str, upload: UploadedFile) -> StoredDocument:
    require_citizen(actor, FOR_CITIZENS)
    title = _title(title)
    try:
        checked = check_upload(upload, DOSSIER_DOCUMENT)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = StoredDocument(
        owner=actor,
        title=title,
        content_type=checked.content_type,
        size=upload.size or 0,
        kind=StoredKind.UPLOADED,
    )
    document.file.save(store_name(checked.kind), upload, save=False)
    return audited_save(document, actor=actor, action="store.upload", fields=STORED_AUDITED)


@transaction.atomic
def rename_stored(*, actor: User, document: StoredDocument, title: str) -> StoredDocument:
    require_owner(actor, document.owner_id)
    document.title = _title(title)
    return audited_save(document, actor=actor, action="store.rename", fields=["title"])


@transaction.atomic
def delete_stored(*, actor: User, document: StoredDocument) -> None:
    """Only the citizen's own uploads go: papers handed in and results are records of their dossiers."""
    require_owner(actor, document.owner_id)
    if document.kind != StoredKind.UPLOADED:
        raise PermissionDenied(
            _("Chỉ xóa được giấy tờ do bạn tự tải lên. / Only papers you uploaded yourself can be deleted.")
        )
    document.file.delete(save=False)
    audited_delete(document, actor=actor, action="store.delete", fields=STORED_AUDITED)


def collect_result(*, dossier: Dossier) -> StoredDocument | None:
    """Copy a dossier's electronic result into its applicant's store (once); None when there is nothing
    to copy: no file, no citizen account behind the dossier, or already there."""
    user = dossier.applicant_user
    if not dossier.result_file or user is None or not getattr(user, "is_citizen", False):
        return None
    if StoredDocument.objects.filter(source_dossier=dossier, kind=StoredKind.RESULT).exists():
        return None
    title = _("Kết quả hồ sơ %(code)s") % {"code": dossier.code}
    if dossier.result_number:
        title = f"{title} — {dossier.result_number}"
    document = StoredDocument(owner=user, title=title[:255], kind=StoredKind.RESULT, source_dossier=dossier)
    with transaction.atomic():
        with dossier.result_file.open("rb") as source:
            kind = sniff(source)  # by its bytes, as every stored file
            document.content_type = kind.content_type if kind else "application/octet-stream"
            document.size = source.size
            document.file.save(store_name(kind), source, save=False)
        audited_save(document, actor=None, action="store.result", fields=STORED_AUDITED)
    return document


def collect_certified_copy(*, copy: CertifiedCopy) -> StoredDocument | None:
    """Put a copy certified at the counter into its holder's store (once): the account whose identity an
    identity provider verified under the copy's personal identification number; None without one (a
    self-declared number is no proof that the paper is theirs) or when it is already there."""
    profile = (
        CitizenProfile.objects.filter(identity_verified=True, id_number=copy.holder_id_number)
        .select_related("user")
        .first()
    )
    if profile is None or StoredDocument.objects.filter(source_copy=copy).exists():
        return None
    title = _("%(title)s (bản sao chứng thực số %(number)s)") % {
        "title": copy.title,
        "number": copy.register_number,
    }
    document = StoredDocument(
        owner=profile.user,
        title=title[:255],
        kind=StoredKind.CERTIFIED_COPY,
        source_copy=copy,
        content_type="application/pdf",
    )
    with transaction.atomic():
        with copy.file.open("rb") as source:
            document.size = source.size
            document.file.save(store_name(sniff(source)), source, save=False)
        audited_save(document, actor=None, action="store.certified_copy", fields=STORED_AUDITED)
    return document


def on_certified_copy(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """post_save of CertifiedCopy: after the certification commits, the copy enters the holder's store; a
    failure is logged (ids only) and leaves the certification standing."""
    if created:
        copy_id = instance.pk
        transaction.on_commit(lambda: _collect_copy_committed(copy_id))


def _collect_copy_committed(copy_id: int) -> None:
    try:
        collect_certified_copy(copy=CertifiedCopy.objects.get(pk=copy_id))
    except Exception:  # the certification stands whatever happens to the store's copy
        log.warning("certified copy %s not copied to the citizen store", copy_id, exc_info=True)


def on_dossier_event(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """post_save of DossierEvent: a result attached to a citizen's dossier enters their store.

    The copy runs after the officer's transaction commits, so it neither holds the dossier's row lock while a
    file is copied nor can undo the officer's action: a failure is logged (ids only) and the store can be
    filled later with `collect_result`."""
    from motcua.dossiers.lifecycle import Action

    if created and instance.action == Action.ATTACH_RESULT:
        dossier_id = instance.dossier_id
        transaction.on_commit(lambda: _collect_committed(dossier_id))


def _collect_committed(dossier_id: int) -> None:
    try:
        collect_result(dossier=Dossier.objects.get(pk=dossier_id))
    except Exception:  # the officer's action stands whatever happens to the copy
        log.warning("result of dossier %s not copied to the citizen store", dossier_id, exc_info=True)
