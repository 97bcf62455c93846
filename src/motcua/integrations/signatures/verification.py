"""Checking the signatures of a PDF: intact, made with a certificate of a trusted CA, covering the whole file.

Trusted CAs: the local CA (local_ca.py) and the files MOTCUA_SIGNING_TRUST_ROOTS names. Nothing is fetched
from the network while checking (no OCSP/CRL here): the page answers at once and offline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from io import BytesIO

from asn1crypto import pem, x509
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from . import local_ca
from .pades import _outside_any_event_loop


class Verdict(StrEnum):
    VALID = "valid"
    TAMPERED = "tampered"  # the signed bytes were changed
    MODIFIED = "modified"  # something was added after the signature
    UNTRUSTED = "untrusted"  # intact, but the certificate is not from a trusted CA
    UNSIGNED = "unsigned"
    UNREADABLE = "unreadable"


EXPLANATION = {
    Verdict.VALID: _("Chữ ký số hợp lệ, tệp không bị thay đổi sau khi ký."),
    Verdict.TAMPERED: _("Chữ ký số KHÔNG hợp lệ: nội dung tệp đã bị sửa sau khi ký."),
    Verdict.MODIFIED: _("Tệp đã bị thêm nội dung sau khi ký; phần thêm không được chữ ký bảo đảm."),
    Verdict.UNTRUSTED: _("Chữ ký không do tổ chức cung cấp chứng thư số tin cậy cấp."),
    Verdict.UNSIGNED: _("Tệp không có chữ ký số."),
    Verdict.UNREADABLE: _("Không đọc được tệp PDF."),
}


@dataclass(frozen=True)
class SignatureCheck:
    verdict: Verdict
    signer: str = ""
    organisation: str = ""
    signed_at: datetime | None = None
    reason: str = ""

    @property
    def valid(self) -> bool:
        return self.verdict is Verdict.VALID

    @property
    def explanation(self) -> str:
        return str(EXPLANATION[self.verdict])


def verify(content: bytes) -> list[SignatureCheck]:
    """One check per signature, in signing order; a single UNSIGNED or UNREADABLE check when there is none."""
    if not content.startswith(b"%PDF-"):
        return [SignatureCheck(Verdict.UNSIGNED)]  # a scan or another kind of file: nothing to check
    try:
        reader = PdfFileReader(BytesIO(content), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        return [SignatureCheck(Verdict.UNREADABLE)]
    if not embedded:
        return [SignatureCheck(Verdict.UNSIGNED)]
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False)
    return [_check(signature, context) for signature in embedded]


def verdict_of(checks: list[SignatureCheck]) -> Verdict:
    """The file's verdict: valid only when every signature is."""
    for check in checks:
        if not check.valid:
            return check.verdict
    return Verdict.VALID


def trust_roots() -> list[x509.Certificate]:
    roots = [_load(local_ca.authority().cert_path.read_bytes())]
    for path in getattr(settings, "MOTCUA_SIGNING_TRUST_ROOTS", []):
        with open(path, "rb") as handle:
            roots.append(_load(handle.read()))
    return roots


def _load(data: bytes) -> x509.Certificate:
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return x509.Certificate.load(data)


def _check(signature, context: ValidationContext) -> SignatureCheck:
    try:
        status = _outside_any_event_loop(validate_pdf_signature, signature, context)
    except (PdfError, ValueError, KeyError, TypeError):
        return SignatureCheck(Verdict.TAMPERED)
    subject = status.signing_cert.subject.native
    found = SignatureCheck(
        Verdict.VALID,
        signer=str(subject.get("common_name", "")),
        organisation=str(subject.get("organization_name", "")),
        signed_at=status.signer_reported_dt,
        reason=str(signature.sig_object.get("/Reason", "") or ""),
    )
    if not (status.intact and status.valid):
        return replace(found, verdict=Verdict.TAMPERED)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE and not _harmless_update(status):
        return replace(found, verdict=Verdict.MODIFIED)
    if not status.trusted:
        return replace(found, verdict=Verdict.UNTRUSTED)
    return found


def _harmless_update(status) -> bool:
    """A later signature (another incremental update that only adds a signature) leaves earlier ones valid."""
    level = getattr(status, "modification_level", None)
    return level is not None and level.name in ("NONE", "LTA_UPDATES", "FORM_FILLING")
