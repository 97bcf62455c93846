"""The one authorised download of stored files: /tep/<kind>/<pk>/ (see `core.uploads`)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.decorators.http import require_safe

from .plugins import UnknownPlugin
from .uploads import download_kinds, serve_private


@require_safe
def download(request: HttpRequest, kind: str, pk: int) -> HttpResponseBase:
    """Anonymous → login; an unknown kind, or a file the actor may not see → 404 (never 403: the number
    of another agency's file tells nothing)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        entry = download_kinds.get(kind)
    except UnknownPlugin:
        raise Http404 from None
    found = entry.resolve(request.user, pk)
    field_file, filename = found if isinstance(found, tuple) else (found, None)
    return serve_private(request, field_file, filename=filename, inline=entry.inline)
