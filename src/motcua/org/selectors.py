"""Every read of organisation data, scoped to the acting user.

The pattern every later selector follows:

    def dossiers_for(actor):
        return Dossier.objects.filter(agency__in=visible_agencies(actor))

Scope rules:
- TTHC-control officers, communication officers and administrators see every agency in the
  administrative unit of their agency and the units below it (a provincial officer sees the province).
- Roles held at a People's Committee, its office or a service centre see the agencies of that
  administrative unit (a commune's one-stop officer sees the commune's agencies, nothing of another commune).
- Any other role sees its agency and the agencies below it.
- Predecessors (units and agencies merged into the visible ones) stay visible, so history stays readable.
- Citizens and anonymous visitors see no agency data through this selector.
"""

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from motcua.core.readonce import remembered
from motcua.core.trees import closure
from motcua.core.validity import valid_on

from .models import (
    SERVICE_CENTRE_KINDS,
    AdministrativeUnit,
    Agency,
    AgencyKind,
    FeedbackChannel,
    Role,
    RoleAssignment,
    User,
)

# Who reads: a logged-in user or an anonymous visitor (who sees no agency data).
Actor = User | AnonymousUser

UNIT_WIDE_ROLES = frozenset({Role.CONTROL_OFFICER, Role.COMMUNICATION_OFFICER, Role.ADMINISTRATOR})
UNIT_LEVEL_KINDS = frozenset({AgencyKind.PEOPLES_COMMITTEE, AgencyKind.OFFICE, *SERVICE_CENTRE_KINDS})


def active_roles(actor: Actor | None, *, on: date | None = None) -> QuerySet[RoleAssignment]:
    """The actor's role assignments in force on a day (today by default)."""
    if not isinstance(actor, User) or actor.is_citizen:
        return RoleAssignment.objects.none()
    day = on or timezone.localdate()
    return RoleAssignment.objects.filter(valid_on(day), user=actor).select_related("agency")


def visible_agencies(actor: Actor | None, *, on: date | None = None) -> QuerySet[Agency]:
    """Agencies whose data the actor may see."""
    if not isinstance(actor, User) or actor.is_citizen or not actor.is_active:
        return Agency.objects.none()
    if actor.is_superuser:
        return Agency.objects.all()
    day = on or timezone.localdate()
    units, agencies = remembered(actor, ("scope", day), lambda: _scope(actor, day))
    if not units and not agencies:
        return Agency.objects.none()
    return Agency.objects.filter(Q(administrative_unit__in=units) | Q(pk__in=agencies))


def visible_agency_ids(actor: Actor | None, *, on: date | None = None) -> frozenset[int]:
    """The ids of `visible_agencies`, for pages that test row after row whether an agency is shown."""
    day = on or timezone.localdate()
    return remembered(
        actor,
        ("scope_ids", day),
        lambda: frozenset(visible_agencies(actor, on=day).order_by().values_list("pk", flat=True)),
    )


def _scope(actor: User, day: date) -> tuple[frozenset[int], frozenset[int]]:
    """The administrative units whose agencies the actor sees whole, and single agencies (with those below
    them): the closures over parents and successors that `visible_agencies` filters on."""
    subtree_units: set[int] = set()
    same_units: set[int] = set()
    agency_roots: set[int] = set()
    for assignment in active_roles(actor, on=day):
        agency = assignment.agency
        if assignment.role in UNIT_WIDE_ROLES:
            subtree_units.add(agency.administrative_unit_id)
        elif agency.kind in UNIT_LEVEL_KINDS:
            same_units.add(agency.administrative_unit_id)
        else:
            agency_roots.add(agency.pk)
    units = closure(
        AdministrativeUnit, closure(AdministrativeUnit, subtree_units, link="parent"), link="successor"
    )
    units |= closure(AdministrativeUnit, same_units, link="successor")
    agencies = closure(Agency, closure(Agency, agency_roots, link="parent"), link="successor")
    return frozenset(units), frozenset(agencies)


def visible_units(actor: Actor | None, *, on: date | None = None) -> QuerySet[AdministrativeUnit]:
    """Administrative units of the agencies the actor may see."""
    return AdministrativeUnit.objects.filter(agencies__in=visible_agencies(actor, on=on)).distinct()


def public_service_centres(*, on: date | None = None) -> QuerySet[Agency]:
    """Service centres in operation: public contact information shown to everyone."""
    day = on or timezone.localdate()
    return (
        Agency.objects.filter(valid_on(day), kind__in=SERVICE_CENTRE_KINDS)
        .select_related("administrative_unit")
        .order_by("kind", "name")
    )


def public_agency_tree(*, on: date | None = None) -> QuerySet[Agency]:
    """Agencies in operation with their units: the public directory (no personal data)."""
    day = on or timezone.localdate()
    return (
        Agency.objects.filter(valid_on(day)).select_related("administrative_unit", "parent").order_by("code")
    )


def unit_lineage(unit: AdministrativeUnit) -> list[AdministrativeUnit]:
    """The unit and the units it replaced, oldest last: readable history after merges and renames."""
    ids = closure(AdministrativeUnit, {unit.pk}, link="successor")
    return list(AdministrativeUnit.objects.filter(pk__in=ids).order_by("-valid_from", "code"))


def feedback_channels(agency: Agency | None) -> list[FeedbackChannel]:
    """Where to send feedback about what `agency` does (public data): its own channels, else those of the
    nearest agency above it that lists some (a commune's service centre promotes its committee's)."""
    current = agency
    while current is not None:  # a few levels at most: centre, committee, province
        rows = list(FeedbackChannel.objects.filter(agency=current).order_by("position", "pk"))
        if rows:
            return rows
        current = current.parent
    return []
