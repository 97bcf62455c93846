"""What the applicant brings: the applicant's particulars and the document lines, checked and saved."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from motcua.catalog.models import RequiredDocument
from motcua.org.models import AdministrativeUnit

from ..models import Dossier, DossierDocument
from ..uploads import check_upload

ID_NUMBER = re.compile(r"^(\d{9}|\d{12})$")
PHONE = re.compile(r"^0\d{9,10}$")


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
        errors: dict[str, str] = {}
        phone = re.sub(r"[\s.\-]", "", self.phone).replace("+84", "0", 1)
        if not self.name.strip():
            errors["applicant_name"] = _("Nhập họ tên người nộp. / Enter the applicant's name.")
        if not ID_NUMBER.match(self.id_number.strip()):
            errors["applicant_id_number"] = _(
                "Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND). "
                "/ The ID number has 12 (or 9) digits."
            )
        if not PHONE.match(phone):
            errors["applicant_phone"] = _(
                "Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0. / The phone number has 10 or 11 digits."
            )
        if self.email:
            try:
                validate_email(self.email)
            except ValidationError:
                errors["applicant_email"] = _("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")
        if errors:
            raise ValidationError(errors)
        return Applicant(
            self.name.strip(),
            self.id_number.strip(),
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
            check_upload(line.file)


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
        )
        if line.file is not None:
            document.file.save(line.file.name, line.file, save=False)
        documents.append(document)
    return documents
