"""Reads from a PostgreSQL streaming replica, writes to the primary (docs/operators.md).

With REPLICA_DATABASE_URL set, settings add the `replica` database, this router and this middleware. The
pages named in MOTCUA_REPLICA_ROUTES (public pages, the service index, dashboards, scorecards, exports) read
the replica when asked with GET or HEAD; everything else, every write and every background job reads and
writes the primary, as without a replica.

A user who has just written reads the primary for MOTCUA_REPLICA_STICKY_SECONDS: any request that writes
(a POST, or a GET that happens to save something) sets a short-lived cookie, and while it lasts the user's
reads stay on the primary, so nobody misses their own change while the replica catches up (usually well
under a second). Within one request, reads after its first write, and reads inside a transaction, go to the
primary too, so a view never reads older rows than it has just written or locked."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from fnmatch import fnmatchcase

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

PRIMARY = "default"
REPLICA = "replica"
STICKY_COOKIE = "motcua_primary"
SAFE_METHODS = ("GET", "HEAD")
# Writes that do not change what a user reads: the session row itself.
UNMARKED_APPS = frozenset({"sessions"})


@dataclass
class _Request:
    """What the router knows of the request being served in this thread or task."""

    reads_replica: bool = False
    wrote: bool = False


_current: ContextVar[_Request | None] = ContextVar("motcua_replica_request", default=None)


def configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    """Routes reads to the replica only where the middleware allowed it for the current request."""

    def db_for_read(self, model, **hints) -> str:
        state = _current.get()
        if state is None or not state.reads_replica or state.wrote or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        state = _current.get()
        if state is not None and model._meta.app_label not in UNMARKED_APPS:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # one database, two copies

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == PRIMARY  # a physical replica follows the primary's schema; it is never migrated


def replica_route(request: HttpRequest) -> bool:
    """True when this request may read the replica: a GET of a listed page by a user who has not just
    written."""
    if request.method not in SAFE_METHODS or STICKY_COOKIE in request.COOKIES:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return False
    return any(fnmatchcase(match.view_name, pattern) for pattern in settings.MOTCUA_REPLICA_ROUTES)


class ReplicaMiddleware:
    """Chooses the database of each request's reads and marks a writer's next seconds for the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = _Request()
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if state.wrote or request.method not in SAFE_METHODS:
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.MOTCUA_REPLICA_STICKY_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        state = _current.get()
        if state is not None:
            state.reads_replica = replica_route(request)
        return None
