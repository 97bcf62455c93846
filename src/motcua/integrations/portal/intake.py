"""Dossiers submitted on the National Public Service Portal: what the integrations layer does of the pull.

The dossiers app (`dossiers.national_intake`) drives it, since only it can create a dossier:
- `files_of(plugin, submission, limit)` fetches every file and checks it against the size and SHA-256 the
  portal announced (BadFile otherwise, with a message in both languages);
- `claim(code)` locks the submission's intake row in the caller's transaction (None when it was already
  received: the portal offered it again), `received(row, dossier)` and `failed(code, message)` record the
  outcome, audited;
- `link(dossier)` puts the portal's code on the dossier's first change, so the portal knows which
  province dossier its submission became and shows its status from then on (the status goes back
  through the ordinary sync, `portal.sync`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import audit

from ..models import IntakeState, PortalIntake, PortalSync, SyncTarget
from . import client
from .mapping import NationalSubmission


class BadFile(ValueError):
    """A submitted file that is not what the portal announced (size, hash) or could not be fetched."""


@dataclass(frozen=True)
class FetchedFile:
    document: str  # the paper it belongs to (TenGiayTo)
    content: ContentFile


def files_of(plugin: client.Plugin, submission: NationalSubmission, limit: int) -> list[FetchedFile]:
    """Every file of the submission, checked; client.Transient when the portal cannot be reached."""
    fetched = []
    for document in submission.documents:
        for item in document.files:
            if item.size > limit:
                raise BadFile(
                    _("Tệp %(name)s quá lớn. / The file %(name)s is too large.") % {"name": item.name}
                )
            try:
                content = plugin.download(item.path, limit)
            except client.Rejected as error:
                raise BadFile(
                    _("Không tải được tệp %(name)s (%(error)s). / The file %(name)s could not be fetched.")
                    % {"name": item.name, "error": error}
                ) from error
            if len(content) != item.size or hashlib.sha256(content).hexdigest() != item.sha256:
                raise BadFile(
                    _(
                        "Tệp %(name)s không khớp kích thước hoặc mã băm Cổng gửi. "
                        "/ The file %(name)s does not match the size or hash the portal sent."
                    )
                    % {"name": item.name}
                )
            fetched.append(FetchedFile(document.name, ContentFile(content, name=item.name)))
    return fetched


def claim(national_code: str) -> PortalIntake | None:
    """The submission's row, locked until the caller's transaction ends; None when already received."""
    PortalIntake.objects.get_or_create(national_code=national_code, defaults={"state": IntakeState.FAILED})
    row = PortalIntake.objects.select_for_update().get(national_code=national_code)
    return None if row.state == IntakeState.RECEIVED else row


def received(row: PortalIntake, dossier: Any) -> None:
    before = row.state if row.attempts else None
    row.state, row.dossier_code, row.received_at = IntakeState.RECEIVED, dossier.code, timezone.now()
    row.attempts += 1
    row.last_error = ""
    row.save()
    audit.record(
        actor=None,
        action="portal_intake.received",
        target=row,
        changes={"state": [before, row.state], "dossier": [None, dossier.code]},
    )


@transaction.atomic
def failed(national_code: str, message: str) -> PortalIntake:
    row = claim(national_code)
    if row is None:  # received meanwhile by another pull
        return PortalIntake.objects.get(national_code=national_code)
    row.attempts += 1
    row.last_error = message[:255]
    row.save(update_fields=["attempts", "last_error"])
    audit.record(
        actor=None,
        action="portal_intake.failed",
        target=row,
        changes={"attempts": [row.attempts - 1, row.attempts]},
        reason=row.last_error,
    )
    return row


def link(dossier: Any, national_code: str) -> None:
    """The dossier's first change (written by its creation, not sent before commit) carries MaHoSoQG."""
    row = PortalSync.objects.select_for_update().get(
        target=SyncTarget.DOSSIER, dossier_code=dossier.code, sequence=dossier.version
    )
    row.payload = {**row.payload, "MaHoSoQG": national_code}
    row.save(update_fields=["payload"])
