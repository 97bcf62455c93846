"""Procedure codes: the national database's shape, local codes marked as such, collisions reported.

A national code is one digit, a dot and six digits (`1.001193`, `2.002345`), as the national TTHC database
assigns them. A ministry or province that publishes a procedure before (or without) a national code uses
its own (`C08_XPHCDB`); such a code is accepted only when the row says it is local, so a mistyped national
code is never taken for a local one.
"""

import re
from collections.abc import Iterable, Mapping

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from .models import CodeKind, Procedure

NATIONAL_CODE = re.compile(r"^\d\.\d{6}$")
LOCAL_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{1,29}$")


def code_problem(code: str, kind: str = CodeKind.NATIONAL) -> str:
    """Why `code` is not a valid code of this kind (empty when it is)."""
    if kind == CodeKind.LOCAL:
        if LOCAL_CODE.match(code or ""):
            return ""
        return _(
            "Mã riêng '%(code)s' chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (2–30 ký tự). "
            "/ The local code '%(code)s' may only hold letters, digits, '.', '_', '-' (2–30 characters)."
        ) % {"code": code}
    if NATIONAL_CODE.match(code or ""):
        return ""
    return _(
        "Mã '%(code)s' không đúng dạng mã CSDL quốc gia (ví dụ 1.001193); mã riêng của bộ, ngành, địa "
        "phương phải ghi loại mã là 'local'. / '%(code)s' is not a national code (e.g. 1.001193); a "
        "ministry's or province's own code must be marked 'local'."
    ) % {"code": code}


def collision(code: str, kind: str, stored: Mapping[str, Procedure] | None = None) -> str:
    """Why `code` would clash with a stored procedure (empty when it is new or the same procedure).

    The same spelling and kind is the same procedure (an update). A code that differs only by case or
    surrounding spaces, or the same code stored with the other kind, names another procedure: it is
    reported, never renamed or overwritten. `stored` (`stored_codes` of a whole file) saves the query.
    """
    if stored is None:
        same = Procedure.objects.filter(national_code__iexact=code.strip()).first()
    else:
        same = stored.get(code.strip().lower())
    if same is None:
        return ""
    if same.national_code != code:
        return _(
            "Mã '%(code)s' trùng với thủ tục đã có '%(other)s' (%(name)s). / The code '%(code)s' clashes "
            "with the stored procedure '%(other)s' (%(name)s)."
        ) % {"code": code, "other": same.national_code, "name": same.name}
    if same.code_kind != kind:
        return _(
            "Mã '%(code)s' đã dùng cho thủ tục %(name)s với loại mã '%(stored)s'. / The code '%(code)s' "
            "already names %(name)s as a '%(stored)s' code."
        ) % {"code": code, "name": same.name, "stored": same.code_kind}
    return ""


def stored_codes(codes: Iterable[str]) -> dict[str, Procedure]:
    """The stored procedures whose code is one of `codes` up to case and spaces, by lower-case code."""
    folded = {code.strip().lower() for code in codes}
    found: dict[str, Procedure] = {}
    for procedure in Procedure.objects.annotate(folded=Lower("national_code")).filter(folded__in=folded):
        found.setdefault(procedure.national_code.lower(), procedure)  # the first by code, as `collision`
    return found
