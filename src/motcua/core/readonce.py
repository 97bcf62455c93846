"""Reads made once per request about the acting user: their roles and the scope those roles give.

A page may ask "which agencies does this officer see?" once per row it shows (each target, each report
request, each plan checks it again); the answer cannot change within one request unless the request itself
changes roles, so a view wraps its work in `read_once(user)` and the selectors fetch through `remembered`.
Outside such a block `remembered` computes every time: a service called from a script or a task sees roles
as they are now, and a role given or taken is seen by the next request.

    with read_once(request.user):
        data = dashboards.dashboard(request.user, ...)

    def visible_agency_ids(actor):
        return remembered(actor, ("visible_agency_ids", day), lambda: ...)
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_MEMO = "_read_once"


@contextmanager
def read_once(actor: Any) -> Iterator[None]:
    """Within the block, reads through `remembered` for `actor` are made once; nested blocks share it."""
    if not getattr(actor, "is_authenticated", False) or hasattr(actor, _MEMO):
        yield
        return
    setattr(actor, _MEMO, {})
    try:
        yield
    finally:
        delattr(actor, _MEMO)


def remembered(actor: Any, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept for the rest of the `read_once` block around `actor` if there is one."""
    memo: dict | None = getattr(actor, _MEMO, None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
