"""The year filter of the review's pages and API (`?nam=` on pages, `?year=` in the API): a whole year
between 2000 and 2100, else core.params' 400 naming the parameter."""

from collections.abc import Mapping
from typing import Any

from motcua.core import params

FIRST_YEAR, LAST_YEAR = 2000, 2100


def year(data: Mapping[str, Any], name: str) -> int | None:
    found = params.integer(data, name)
    if found is not None and not FIRST_YEAR <= found <= LAST_YEAR:
        raise params.InvalidParameter(name)
    return found
