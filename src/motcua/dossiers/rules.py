"""Who may act on a dossier: the lifecycle table names roles; this module says which roles an actor holds
*for this dossier* (django-rules predicates, loaded by autodiscovery).

- The applicant: the citizen account that submitted it.
- A one-stop officer: at the receiving centre or at the agency where the dossier now is.
- A specialist, division head or leader: at the agency where the dossier now is, or above it (a leader
  may act on what sits in a division of the agency).
"""

from __future__ import annotations

import rules

from motcua.core.readonce import read_once, remembered
from motcua.core.trees import ancestors
from motcua.org.models import Agency, Role
from motcua.org.rules import can_manage_organisation
from motcua.org.selectors import active_roles

from .lifecycle import APPLICANT, ONE_STOP, PROCESSORS


def roles_on(actor, dossier) -> set[str]:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return set()
    if actor.is_citizen:
        return {APPLICANT} if dossier.applicant_user_id == actor.pk else set()
    held: set[str] = set()
    above = ancestors(Agency, dossier.current_agency_id)
    for assignment in _assignments(actor):
        if assignment.role == ONE_STOP and assignment.agency_id in {
            dossier.receiving_agency_id,
            dossier.current_agency_id,
        }:
            held.add(ONE_STOP)
        elif assignment.role in PROCESSORS and assignment.agency_id in above:
            held.add(assignment.role)
    return held


def _assignments(actor) -> list:
    return remembered(actor, "dossier_assignments", lambda: list(active_roles(actor)))


# Within the block, `roles_on` reads the actor's role assignments once: an action asks before it acts
# (may they?) and its answer asks again (what may they do now?), and the roles did not change in between.
assignments_read_once = read_once


def roles_at(actor, agency: Agency) -> set[str]:
    """Roles held at one agency: for acts that create a dossier there."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return set()
    if actor.is_citizen:
        return {APPLICANT}
    return set(active_roles(actor).filter(agency=agency).order_by().values_list("role", flat=True))


@rules.predicate
def holds_dossier_role(user) -> bool:
    return active_roles(user).filter(role__in=[ONE_STOP, *PROCESSORS]).exists()


@rules.predicate
def acts_on(user, dossier) -> bool:
    return dossier is not None and bool(roles_on(user, dossier))


is_one_stop_officer = rules.predicate(
    lambda user: active_roles(user).filter(role=Role.ONE_STOP_OFFICER).exists()
)

rules.add_perm("dossiers.work_queue", holds_dossier_role)
rules.add_perm("dossiers.receive", is_one_stop_officer)
rules.add_perm("dossiers.act", acts_on)
# The admin shows dossiers and forms to administrators; the forms are legal templates they maintain.
rules.add_perm("dossiers", can_manage_organisation)
for model in ("dossier", "dossierevent", "formtemplate"):
    rules.add_perm(f"dossiers.view_{model}", can_manage_organisation)
rules.add_perm("dossiers.change_formtemplate", can_manage_organisation)
rules.add_perm("dossiers.add_formtemplate", can_manage_organisation)
