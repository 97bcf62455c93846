"""Who an actor is to one feedback item: the roles of the status table (workflows.py).

A desk row (models.FeedbackDesk) says which role receives at an agency; without one, the TTHC-control
officer and the one-stop officer of the receiving agency are its receivers. Handlers and leaders are the
staff of the agency the item is routed to; nobody else acts on it.
"""

import rules as django_rules
from django.contrib.auth.models import AnonymousUser

from motcua.core.workflow import SYSTEM
from motcua.org.models import Agency, Role, User
from motcua.org.rules import can_manage_organisation
from motcua.org.selectors import active_roles

from .models import Feedback, FeedbackDesk
from .workflows import HANDLER, LEADER, RECEIVER, SENDER

DEFAULT_DESK_ROLES = frozenset({Role.CONTROL_OFFICER.value, Role.ONE_STOP_OFFICER.value})
HANDLER_ROLES = frozenset({Role.SPECIALIST.value, Role.DIVISION_HEAD.value})
STAFF_ROLES = frozenset({RECEIVER, HANDLER, LEADER})


def desk_roles(agency_id: int) -> frozenset[str]:
    desk = FeedbackDesk.objects.filter(agency_id=agency_id).first()
    return frozenset({desk.role}) if desk else DEFAULT_DESK_ROLES


def roles_on(
    actor: User | AnonymousUser | None, feedback: Feedback, *, tracked: bool = False
) -> frozenset[str]:
    """`tracked`: the visitor proved they sent it (tracking code plus verification) in this session."""
    if actor is None:
        return frozenset({SYSTEM})
    held: set[str] = set()
    if tracked or (isinstance(actor, User) and actor.is_citizen and feedback.sender_user_id == actor.pk):
        held.add(SENDER)
    if isinstance(actor, User) and not actor.is_citizen:
        receiving = desk_roles(feedback.receiving_agency_id)
        for assignment in active_roles(actor):
            if assignment.agency_id == feedback.receiving_agency_id and assignment.role in receiving:
                held.add(RECEIVER)
            if feedback.agency_id in _handled_from(assignment.agency):
                if assignment.role in HANDLER_ROLES:
                    held.add(HANDLER)
                elif assignment.role == Role.AGENCY_LEADER:
                    held.add(LEADER)
    return frozenset(held)


def _handled_from(agency: Agency) -> set[int]:
    """A role handles the items routed to its agency, and those routed to the agency's parent in the same
    administrative unit: a department's division drafts the department's answers, a commune's division the
    commune's. Never higher, so a commune's staff never see the province's items."""
    found = {agency.pk}
    parent = agency.parent
    if parent is not None and parent.administrative_unit_id == agency.administrative_unit_id:
        found.add(parent.pk)
    return found


def handling_agencies(actor: User | AnonymousUser | None) -> set[int]:
    """Agencies whose items the actor handles as a specialist, head or leader."""
    if not isinstance(actor, User) or actor.is_citizen:
        return set()
    found: set[int] = set()
    for assignment in active_roles(actor).select_related("agency__parent"):
        if assignment.role in HANDLER_ROLES or assignment.role == Role.AGENCY_LEADER:
            found |= _handled_from(assignment.agency)
    return found


def receiving_desks(actor: User | AnonymousUser | None) -> list[Agency]:
    """The agencies where the actor receives feedback (where they may record and import it)."""
    if not isinstance(actor, User) or actor.is_citizen:
        return []
    found = {}
    for assignment in active_roles(actor):
        if assignment.role in desk_roles(assignment.agency_id):
            found[assignment.agency_id] = assignment.agency
    return list(found.values())


def handles(actor: User | AnonymousUser | None, feedback: Feedback) -> bool:
    """Officers acting on the item see the sender's contacts; others in scope see them masked."""
    return bool(roles_on(actor, feedback) & STAFF_ROLES)


# Admin (django-rules, loaded by autodiscovery): administrators keep the time limits and the desks; the
# feedback itself is read there, never edited (every change goes through the services).
django_rules.add_perm("feedback", can_manage_organisation)
for _model in ("feedbacklimit", "feedbackdesk"):
    for _action in ("view", "add", "change"):
        django_rules.add_perm(f"feedback.{_action}_{_model}", can_manage_organisation)
django_rules.add_perm("feedback.view_feedback", can_manage_organisation)
