"""Electronic copies certified from originals at the counter (chứng thực bản sao điện tử từ bản chính).

The holder presents the original at the one-stop desk; the officer scans it, compares the scan with the
original and certifies it (Decree 23/2015/ND-CP, Art. 2(2) and Art. 20, as amended; Decree 45/2020/ND-CP,
Art. 10). The copy is:
- numbered in the centre's certification register for the year, without gaps (the counter row is locked
  until the certification commits; one that fails takes its number back);
- a PDF: a scanned PDF as it is, scanned images laid out one a page, the last page carrying the
  certification statement (lời chứng); then signed (PAdES) by the certifying officer through the signing
  plugin, the statement as the signature's reason, like a result (dossiers.signing);
- audited without the holder's personal data, downloaded only by staff of the certifying centre (the
  holder downloads it from their data store, where portal.store copies it after commit).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.audited import audited_save
from motcua.core.uploads import DOSSIER_DOCUMENT, JPEG, PDF, PNG, check_upload
from motcua.integrations import signatures
from motcua.org.models import Agency, User
from motcua.org.selectors import active_roles

from .codes import next_certification_number
from .lifecycle import ONE_STOP
from .models import CertifiedCopy
from .signing import signer_name

FOR_COUNTER = gettext_lazy(
    "Chỉ công chức Bộ phận Một cửa của trung tâm được chứng thực bản sao. "
    "/ Only the centre's one-stop officers certify copies."
)
MAX_SCANS = 20
# The trail names the register entry and the paper, never the holder (personal data).
AUDITED = ("agency", "year", "number", "title", "pages", "certified_by", "sha256")
_ID_NUMBER = re.compile(r"\d{12}")


@dataclass(frozen=True)
class Request:
    """What the officer enters at the counter."""

    title: str
    issuer: str
    holder_name: str
    holder_id_number: str


def counter_agencies(actor: User) -> QuerySet[Agency]:
    """The centres where the actor certifies: those where they hold the one-stop role today."""
    ids = active_roles(actor).filter(role=ONE_STOP).values_list("agency_id", flat=True)
    return Agency.objects.filter(pk__in=ids).order_by("name")


def register(actor: User, agency_ids: list[int] | None = None) -> QuerySet[CertifiedCopy]:
    """The register entries of the centres the actor works at (any active role there)."""
    mine = active_roles(actor).values_list("agency_id", flat=True)
    rows = CertifiedCopy.objects.filter(agency_id__in=mine)
    if agency_ids is not None:
        rows = rows.filter(agency_id__in=agency_ids)
    return rows.select_related("agency", "certified_by")


def copy_for(actor: User, pk: int) -> CertifiedCopy:
    """One copy, for the staff of its centre; DoesNotExist for anyone else."""
    return register(actor).get(pk=pk)


def certify(*, actor: User, agency: Agency, request: Request, scans: list) -> CertifiedCopy:
    """Certify the scans of one original as an electronic copy; PermissionDenied, or ValidationError by
    field (nothing stored, no number taken) when the request or a scan is refused or signing fails."""
    if not counter_agencies(actor).filter(pk=agency.pk).exists():
        raise PermissionDenied(FOR_COUNTER)
    request = _checked(request)
    kinds = _checked_scans(scans)
    now = timezone.now()
    with transaction.atomic():
        year = timezone.localtime(now).year
        copy = CertifiedCopy(
            agency=agency,
            year=year,
            number=next_certification_number(agency, year),
            title=request.title,
            issuer=request.issuer,
            holder_name=request.holder_name,
            holder_id_number=request.holder_id_number,
            certified_by=actor,
            certified_at=now,
            pages=len(scans) if kinds[0] != PDF else 1,
        )
        content = _signed(actor, copy, _as_pdf(copy, scans, kinds))
        copy.size, copy.sha256 = len(content), hashlib.sha256(content).hexdigest()
        copy.file.save(f"{copy.year}-{copy.number}.pdf", ContentFile(content), save=False)
        return audited_save(copy, actor=actor, action="certified_copy.certify", fields=AUDITED)


def statement(copy: CertifiedCopy) -> str:
    """The certification statement (lời chứng) the copy carries, on its last page and in its signature."""
    return _(
        "Chứng thực bản sao điện tử này đúng với bản chính. Số chứng thực: %(number)s. Ngày %(day)s. "
        "Người chứng thực: %(officer)s, %(agency)s."
    ) % {
        "number": copy.register_number,
        "day": f"{timezone.localtime(copy.certified_at):%d/%m/%Y}",
        "officer": signer_name(copy.certified_by),
        "agency": copy.agency.name,
    }


def _checked(request: Request) -> Request:
    errors: dict[str, str] = {}
    title, holder = _clean(request.title, 255), _clean(request.holder_name, 200)
    id_number = _clean(request.holder_id_number, 20)
    if not title:
        errors["title"] = _("Nhập tên giấy tờ. / Enter the paper's title.")
    if not holder:
        errors["holder_name"] = _("Nhập họ tên người yêu cầu. / Enter the holder's name.")
    if not _ID_NUMBER.fullmatch(id_number):
        errors["holder_id_number"] = _(
            "Số định danh cá nhân gồm 12 chữ số. / The personal identification number has 12 digits."
        )
    if errors:
        raise ValidationError(errors)
    return Request(title, _clean(request.issuer, 255), holder, id_number)


def _clean(value: str, limit: int) -> str:
    return (value or "").replace("\x00", "").strip()[:limit]


def _checked_scans(scans: list) -> list:
    if not scans:
        raise ValidationError(
            {"scans": _("Tải lên bản quét của bản chính. / Upload the scan of the original.")}
        )
    if len(scans) > MAX_SCANS:
        raise ValidationError(
            {"scans": _("Tối đa %(n)s trang ảnh. / At most %(n)s image pages.") % {"n": MAX_SCANS}}
        )
    try:
        kinds = [check_upload(scan, DOSSIER_DOCUMENT).kind for scan in scans]
    except ValidationError as error:
        raise ValidationError({"scans": error.messages}) from None
    if PDF in kinds and len(kinds) > 1:
        raise ValidationError(
            {
                "scans": _(
                    "Một bản quét PDF, hoặc các trang ảnh JPEG/PNG, không trộn lẫn. "
                    "/ One scanned PDF, or JPEG/PNG image pages, not both."
                )
            }
        )
    return kinds


def _read(scan) -> bytes:
    scan.seek(0)
    content = scan.read()
    scan.seek(0)
    return content


def _as_pdf(copy: CertifiedCopy, scans: list, kinds: list) -> bytes:
    if kinds[0] == PDF:
        return _read(scans[0])
    from weasyprint import HTML  # imported here: it loads pango, which only this rendering needs

    pages = [
        f"data:{(JPEG if kind == JPEG else PNG).content_type};base64,{base64.b64encode(_read(scan)).decode()}"
        for scan, kind in zip(scans, kinds, strict=True)
    ]
    html = render_to_string(
        "dossiers/certified_copy.html", {"copy": copy, "pages": pages, "statement": statement(copy)}
    )
    return HTML(string=html).write_pdf()


def _signed(actor: User, copy: CertifiedCopy, content: bytes) -> bytes:
    who = signatures.Signatory(account_id=actor.pk, name=signer_name(actor), organisation=copy.agency.name)
    try:
        return signatures.sign(content, who, reason=statement(copy)[:250], location=copy.agency.name)
    except signatures.SigningFailed as error:
        raise ValidationError({"scans": str(error)}) from error
