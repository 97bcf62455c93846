"""The citizen's document store (kho dữ liệu): upload, rename, delete; and results copied in.

Results are copied into the store after an officer's "attach result" commits (a post_save hook on the
dossier's timeline, connected in `apps.py`), so that every paper the citizen holds is one kind of row, can be
reused in a later submission, and is downloaded through the same ownership check.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.dossiers.models import Dossier
from motcua.dossiers.uploads import check_upload

from .models import StoredDocument, StoredKind
from .services import _require_owner, require_citizen, store_name

log = logging.getLogger(__name__)
RESULT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def _title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Nhập tên giấy tờ. / Enter a title.")})
    return title[:255]


@transaction.atomic
def upload_to_store(*, actor, title: str, upload) -> StoredDocument:
    require_citizen(actor)
    title = _title(title)
    try:
        content_type = check_upload(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    document = StoredDocument(
        owner=actor, title=title, content_type=content_type, size=upload.size, kind=StoredKind.UPLOADED
    )
    document.file.save(store_name(content_type), upload, save=False)
    document.save()
    audit.record(actor=actor, action="store.upload", target=document, changes={"kind": [None, document.kind]})
    return document


@transaction.atomic
def rename_stored(*, actor, document: StoredDocument, title: str) -> StoredDocument:
    _require_owner(actor, document.owner_id)
    before = audit.snapshot(document, ["title"])
    document.title = _title(title)
    document.save(update_fields=["title"])
    audit.record(actor=actor, action="store.rename", target=document, before=before)
    return document


@transaction.atomic
def delete_stored(*, actor, document: StoredDocument) -> None:
    """Only the citizen's own uploads go: papers handed in and results are records of their dossiers."""
    _require_owner(actor, document.owner_id)
    if document.kind != StoredKind.UPLOADED:
        raise PermissionDenied(
            _("Chỉ xóa được giấy tờ do bạn tự tải lên. / Only papers you uploaded yourself can be deleted.")
        )
    audit.record(actor=actor, action="store.delete", target=document, changes={"kind": [document.kind, None]})
    document.file.delete(save=False)
    document.delete()


def collect_result(*, dossier: Dossier) -> StoredDocument | None:
    """Copy a dossier's electronic result into its applicant's store (once); None when there is nothing
    to copy: no file, no citizen account behind the dossier, or already there."""
    user = dossier.applicant_user
    if not dossier.result_file or user is None or not getattr(user, "is_citizen", False):
        return None
    if StoredDocument.objects.filter(source_dossier=dossier, kind=StoredKind.RESULT).exists():
        return None
    extension = (
        "." + dossier.result_file.name.rsplit(".", 1)[-1].lower() if "." in dossier.result_file.name else ""
    )
    content_type = RESULT_TYPES.get(extension, "application/octet-stream")
    title = _("Kết quả hồ sơ %(code)s") % {"code": dossier.code}
    if dossier.result_number:
        title = f"{title} — {dossier.result_number}"
    document = StoredDocument(
        owner=user,
        title=title[:255],
        content_type=content_type,
        kind=StoredKind.RESULT,
        source_dossier=dossier,
    )
    with transaction.atomic():
        with dossier.result_file.open("rb") as source:
            document.size = source.size
            document.file.save(store_name(content_type), source, save=False)
        document.save()
        audit.record(
            actor=None, action="store.result", target=document, changes={"dossier": [None, dossier.pk]}
        )
    return document


def on_dossier_event(sender, instance, created: bool, **kwargs) -> None:
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
