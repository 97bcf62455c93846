"""Is a procedure complete enough to publish? Its constituent parts under NĐ 63/2010 Art. 8.

Khoản 2 Điều 8 Nghị định 63/2010/NĐ-CP, as amended by Nghị định 92/2017/NĐ-CP: a procedure is only fully
regulated when it has its basic constituent parts — name; sequence; methods (channels); documents and their
number; time limit; applicants; the agency that settles it — and, where the procedure has them, forms,
result, requirements and conditions, fees and charges. The platform asks for the result, the fees (which
may say "Không") and the legal basis of every procedure as well, because the publication decision prints
them for every procedure; forms and requirements stay optional ("nếu có").

`missing_parts` works on a content dict (catalog.content), so an import can tell what a row lacks before
anything is written, and the publication service and the service index count the same thing.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ProcedureVersion, TimeUnit

NO_AMOUNT_UNITS = (TimeUnit.SAME_DAY, TimeUnit.IMMEDIATE)


@dataclass(frozen=True)
class Part:
    code: str
    label: Promise


PARTS = {
    "name": Part("name", _("tên thủ tục")),
    "sequence": Part("sequence", _("trình tự thực hiện")),
    "channels": Part("channels", _("cách thức thực hiện")),
    "documents": Part("documents", _("thành phần, số lượng hồ sơ")),
    "time_limit": Part("time_limit", _("thời hạn giải quyết")),
    "applicants": Part("applicants", _("đối tượng thực hiện")),
    "agency": Part("agency", _("cơ quan giải quyết")),
    "result": Part("result", _("kết quả thực hiện")),
    "fees": Part("fees", _("phí, lệ phí")),
    "legal_basis": Part("legal_basis", _("căn cứ pháp lý")),
}


def _text(content: dict[str, Any], key: str) -> str:
    return str(content.get(key) or "").strip()


def _has_limit(channel: dict[str, Any]) -> bool:
    if channel.get("time_unit") in NO_AMOUNT_UNITS:
        return True
    try:
        return Decimal(str(channel.get("time_limit") or 0)) > 0
    except InvalidOperation:
        return False


def missing_parts(content: dict[str, Any]) -> list[Part]:
    """The constituent parts the procedure lacks, in the order of the decree (empty when complete)."""
    channels = content.get("channels") or []
    documents = content.get("documents") or []
    counted = all(int(d.get("originals") or 0) + int(d.get("copies") or 0) > 0 for d in documents)
    checks = {
        "name": bool(_text(content, "name")),
        "sequence": bool(_text(content, "sequence")),
        "channels": bool(channels),
        "documents": bool(documents) and counted,
        "time_limit": bool(channels) and all(_has_limit(c) for c in channels),
        "applicants": bool(content.get("applicants")),
        "agency": bool(_text(content, "implementing_agency") or _text(content, "competent_agency")),
        "result": bool(_text(content, "result")),
        "fees": bool(_text(content, "fees") or content.get("fee_items")),
        "legal_basis": bool(_text(content, "legal_basis")),
    }
    return [PARTS[code] for code, present in checks.items() if not present]


def is_complete(content: dict[str, Any]) -> bool:
    return not missing_parts(content)


def incomplete_in_force(at: date | datetime | None = None) -> list[tuple[ProcedureVersion, list[Part]]]:
    """Versions in force on the day of `at` that lack constituent parts, with what each lacks (versions
    published before this check existed, or imported as published): what the service index counts."""
    from .content import version_content
    from .search import in_force

    found = []
    for version in in_force(at).select_related("procedure", "sector").order_by("procedure__national_code"):
        missing = missing_parts(version_content(version))
        if missing:
            found.append((version, missing))
    return found
