"""What the applicant brings: the applicant's particulars and the document lines, checked and saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from motcua.catalog.models import RequiredDocument
from motcua.core import identifiers
from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload
from motcua.org.models import AdministrativeUnit

from ..models import Dossier, DossierDocument


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str
    email: str = ""
    address: str = ""
    commune: AdministrativeUnit | None = None
    user: object | None = None

    def cleaned(self) -> Applicant:
        """The particulars as stored, by the platform's one rule per kind (core.identifiers): a new dossier
        takes the 12-digit personal ID number only (the 9-digit CMND expired on 1/1/2025) and a Vietnamese
        phone number in any usual spelling."""
        errors: dict[str, list[str]] = {}
        if not self.name.strip():
            errors["applicant_name"] = [_("Nhập họ tên người nộp. / Enter the applicant's name.")]
        id_number, phone = identifiers.normalise_id_number(self.id_number), self.phone
        try:
            identifiers.validate_id_number(id_number)
        except ValidationError as invalid:
            errors["applicant_id_number"] = invalid.messages
        try:
            phone = identifiers.normalise_phone(self.phone)
        except ValidationError as invalid:
            errors["applicant_phone"] = invalid.messages
        if self.email:
            try:
                validate_email(self.email)
            except ValidationError:
                errors["applicant_email"] = [_("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")]
        if errors:
            raise ValidationError(errors)
        return Applicant(
            self.name.strip(),
            id_number,
            phone,
            self.email.strip(),
            self.address.strip(),
            self.commune,
            self.user,
        )


@dataclass(frozen=True)
class DocumentLine:
    name: str
    originals: int = 0
    copies: int = 0
    required_document: RequiredDocument | None = None
    file: object | None = field(default=None, compare=False)
    # Taken from the citizen's document store instead of uploaded again (digitisation: reuse).
    reused: bool = False
    # The declaration form, filled in online instead of uploaded: the answers are the paper.
    declared_online: bool = False


def check_postal_address(result_by_post: bool, address: str) -> None:
    """A result sent by post needs the address to send it to (issue 17): refused at reception, online or
    at the counter, rather than discovered by the desk on the day of return."""
    if result_by_post and not (address or "").strip():
        raise ValidationError(
            {
                "applicant_address": _(
                    "Nhập địa chỉ nhận kết quả qua bưu chính. "
                    "/ Enter the address the result is to be posted to."
                )
            }
        )


def _check_documents(mandatory: dict[int, str], lines: Sequence[DocumentLine]) -> None:
    given = {
        line.required_document.pk for line in lines if line.required_document and line.originals + line.copies
    }
    missing = [name for pk, name in mandatory.items() if pk not in given]
    if missing:
        raise ValidationError(
            _("Thiếu thành phần hồ sơ bắt buộc: %(names)s. / Mandatory documents are missing.")
            % {"names": "; ".join(missing)}
        )
    for line in lines:
        if line.file is not None:
            check_upload(line.file, DOSSIER_DOCUMENT)


def _save_documents(dossier: Dossier, lines: Sequence[DocumentLine], *, supplemented: bool = False) -> None:
    DossierDocument.objects.bulk_create(_document_rows(dossier, lines, supplemented=supplemented))


def _document_rows(
    dossier: Dossier, lines: Sequence[DocumentLine], *, supplemented: bool = False
) -> list[DossierDocument]:
    documents = []
    for line in lines:
        document = DossierDocument(
            dossier=dossier,
            required_document=line.required_document,
            name=line.name[:500],
            originals=line.originals,
            copies=line.copies,
            supplemented=supplemented,
            reused=line.reused,
            declared_online=line.declared_online,
        )
        if line.file is not None:
            document.file.save(line.file.name, line.file, save=False)
        documents.append(document)
    return documents
