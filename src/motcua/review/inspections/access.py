"""Who may see and write inspections and the misconduct register.

Inspections: the plan's managers (the office's control officers) plan them, write the minutes and the
recommendations; the inspected agency's staff (and its divisions) see their inspections and report each
recommendation done with its evidence.

Misconduct register — chosen reading of the law (issue 20 leaves it to us): handling an official's misconduct
is the employing agency head's duty (Luật Cán bộ, công chức; NĐ 112/2020/NĐ-CP on discipline) and the
provincial office follows TTHC handling and inspects it (NĐ 63/2010, NĐ 61/2018/NĐ-CP Art. 31–33). So the
register is visible only to (a) control officers and leaders of a People's Committee office, for the
agencies they see, and (b) the leaders of the official's own agency (agency_leader there or at its parent).
Specialists, one-stop officers, division heads and other agencies see nothing (404).
"""

from django.db.models import QuerySet

from motcua.org.models import Agency, AgencyKind, Role, User
from motcua.org.selectors import active_roles, visible_agencies

from .models import MisconductCase

OFFICE_ROLES = (Role.CONTROL_OFFICER, Role.AGENCY_LEADER)


def register_agency_ids(actor: User | None) -> set[int]:
    """The agencies whose officials' cases the actor may see and record."""
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.is_citizen:
        return set()
    if actor.is_superuser:
        return set(Agency.objects.values_list("pk", flat=True))
    roles = list(active_roles(actor))
    ids: set[int] = set()
    if any(r.role in OFFICE_ROLES and r.agency.kind == AgencyKind.OFFICE for r in roles):
        ids |= set(visible_agencies(actor).values_list("pk", flat=True))
    led = [r.agency_id for r in roles if r.role == Role.AGENCY_LEADER]
    if led:
        ids |= set(led) | set(Agency.objects.filter(parent__in=led).values_list("pk", flat=True))
    return ids


def misconduct_for(actor: User | None) -> QuerySet[MisconductCase]:
    return MisconductCase.objects.filter(agency__in=register_agency_ids(actor))
