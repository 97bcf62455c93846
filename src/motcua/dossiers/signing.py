"""Who signs a dossier's result, and when (issue 17, blocker 2).

The process names one step that approves and signs the result (`signs_result`, copied onto the dossier's
steps at reception). Only at that step, and only by an account holding that step's role for the dossier,
may the result be attached: a specialist cannot issue it and the approval cannot be skipped. The signer is
that account, never a typed name. The signing day is neither after today nor before the reception day: a
result cannot be signed before the dossier it decides was received.

A result attached as a PDF is stored signed (PAdES) by that account through the signing plugin
(integrations.signatures), so that what the applicant downloads carries the leader's digital signature; a
scan (JPEG, PNG) is kept as it is and shows as unsigned.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.integrations import signatures

from .lifecycle import ONE_STOP
from .models import Dossier, DossierStep
from .rules import roles_on


def signing_step(steps: list[DossierStep]) -> DossierStep | None:
    """The step marked as signing; for a dossier whose steps mark none, the last step not done by the
    one-stop desk (the step before the result goes back to the desk)."""
    marked = [s for s in steps if s.signs_result]
    if marked:
        return marked[0]
    others = [s for s in steps if s.role != ONE_STOP]
    return others[-1] if others else None


def refusal(actor, dossier: Dossier, steps: list[DossierStep]) -> str:
    """Why `actor` may not attach the result now ('' when they may)."""
    signing = signing_step(steps)
    if signing is None or dossier.current_step_id != signing.pk:
        return _(
            "Chỉ bước “%(step)s” được cập nhật kết quả: hãy chuyển hồ sơ đến bước đó để lãnh đạo ký duyệt. "
            "/ Only the approval step may attach the result: hand the dossier over to it first."
        ) % {"step": signing.name if signing else "—"}
    if signing.role not in roles_on(actor, dossier):
        return _(
            "Chỉ người giữ vai trò “%(role)s” của bước “%(step)s” được ký và cập nhật kết quả. "
            "/ Only the holder of the approval step's role may sign and attach the result."
        ) % {"role": signing.get_role_display(), "step": signing.name}
    return ""


def may_sign(actor, dossier: Dossier, steps: list[DossierStep]) -> bool:
    return not refusal(actor, dossier, steps)


def check(actor, dossier: Dossier, steps: list[DossierStep], signed_on: date | None, at: datetime) -> None:
    """PermissionDenied when the actor may not sign here; ValidationError when the signing day is absurd."""
    reason = refusal(actor, dossier, steps)
    if reason:
        raise PermissionDenied(reason)
    if signed_on is None:
        raise ValidationError(
            {"signed_on": _("Cần nhập ngày ký (dd/mm/yyyy). / The signing date is required.")}
        )
    today = timezone.localtime(at).date()
    if signed_on > today:
        raise ValidationError(
            {"signed_on": _("Ngày ký không thể sau hôm nay. / The signing date cannot be in the future.")}
        )
    received = timezone.localtime(dossier.received_at).date() if dossier.received_at else None
    if received is not None and signed_on < received:
        raise ValidationError(
            {
                "signed_on": _(
                    "Ngày ký không thể trước ngày tiếp nhận hồ sơ (%(day)s). "
                    "/ The signing date cannot be before the dossier was received."
                )
                % {"day": f"{received:%d/%m/%Y}"}
            }
        )


def signer_name(actor) -> str:
    """The name the result carries: the signing account's, as it is today."""
    return (actor.get_full_name() or actor.get_username())[:150]


def signed_result(actor, dossier: Dossier, step: DossierStep, upload, number: str):
    """The uploaded result as it is stored: a PDF signed by `actor` at `step`'s agency, a scan unchanged.
    ValidationError (nothing stored) when the PDF cannot be signed."""
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not content.startswith(b"%PDF-"):
        return upload
    who = signatures.Signatory(
        account_id=actor.pk, name=signer_name(actor), organisation=step.agency.name if step.agency_id else ""
    )
    reason = _("Ký duyệt kết quả hồ sơ %(code)s, số %(number)s") % {"code": dossier.code, "number": number}
    try:
        signed = signatures.sign(content, who, reason=reason, location=who.organisation)
    except signatures.SigningFailed as error:
        raise ValidationError({"file": str(error)}) from error
    return ContentFile(signed, name=upload.name)


def result_checks(dossier: Dossier) -> list[signatures.SignatureCheck]:
    """The stored result file's signatures as checked now ([] without a file): a file changed on the disk
    after signing shows as tampered."""
    if not dossier.result_file:
        return []
    try:
        with dossier.result_file.open("rb") as stored:
            content = stored.read()
    except OSError:
        return [signatures.SignatureCheck(signatures.Verdict.UNREADABLE)]
    return signatures.verify(content)
