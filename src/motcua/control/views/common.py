"""What every control page shares: the staff-only guard, the agencies an officer manages, exports."""

from motcua.core.access import staff_required
from motcua.org.models import Agency

from ..rules import managing_agency_ids

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Citizens have nothing to do here: every page is for logged-in officers.
staff_only = staff_required()


def _managed_agencies(user):
    if user.is_superuser:
        return Agency.objects.order_by("code")
    return Agency.objects.filter(pk__in=managing_agency_ids(user)).order_by("code")
