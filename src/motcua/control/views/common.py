"""What every control page shares: the staff-only guard, the agencies an officer manages, exports."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

from motcua.core.access import staff_required
from motcua.core.readonce import read_once
from motcua.org.models import Agency

from ..rules import managing_agency_ids

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Citizens have nothing to do here: every page is for logged-in officers. The officer's roles and
    scope are read once per page (`read_once`): a dashboard asks for them again for every target, report
    request and plan it shows."""
    guarded = staff_required()(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with read_once(request.user):
            return guarded(request, *args, **kwargs)

    return wrapper


def _managed_agencies(user):
    if user.is_superuser:
        return Agency.objects.order_by("code")
    return Agency.objects.filter(pk__in=managing_agency_ids(user)).order_by("code")
