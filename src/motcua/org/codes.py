"""Agency electronic codes (mã định danh điện tử) under QĐ 20/2020/QĐ-TTg, amended by QĐ 09/2025.

Four dotted groups, lowest level first: level 4 (3 characters), level 3 (2), level 2 (2), level 1
(a letter and two digits, e.g. H41 for a province). `000.00.00.H41` is the provincial People's Committee.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

AGENCY_CODE_RE = re.compile(r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$")


def validate_agency_code(value: str) -> None:
    if not AGENCY_CODE_RE.match(value or ""):
        raise ValidationError(
            _(
                "Mã định danh điện tử không đúng định dạng QĐ 20/2020 (ví dụ 000.00.00.H41). "
                "/ The agency code does not follow QĐ 20/2020 (e.g. 000.00.00.H41)."
            ),
            code="agency_code",
        )


def level1_code(value: str) -> str:
    """The top-level group (the province's or ministry's code), e.g. 'H41'."""
    return value.rsplit(".", 1)[-1]
