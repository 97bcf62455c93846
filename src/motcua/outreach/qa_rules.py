"""Who an actor is to one citizen's question (the roles of workflows.QUESTION).

The Q&A desk is the province's: communication officers and administrators at an agency of the top
administrative unit (the Department of Home Affairs, the provincial office) receive every question and
route it. The answerers are the staff who handle what is routed to the agency (as for feedback: the
agency's own specialists, heads and leaders, and its divisions'); the approver is the agency's leader.
"""

from django.contrib.auth.models import AnonymousUser

from motcua.core.workflow import SYSTEM
from motcua.feedback.rules import handling_agencies
from motcua.org.models import Role, User
from motcua.org.selectors import active_roles

from .models import Question
from .rules import FAQ_ROLES
from .workflows import ANSWERER, APPROVER, ASKER, DESK

Actor = User | AnonymousUser | None


def is_desk(actor: Actor) -> bool:
    if not isinstance(actor, User) or actor.is_citizen or not actor.is_active:
        return False
    if actor.is_superuser:
        return True
    return (
        active_roles(actor)
        .filter(role__in=FAQ_ROLES, agency__administrative_unit__parent__isnull=True)
        .exists()
    )


def led_agencies(actor: Actor) -> set[int]:
    return set(active_roles(actor).filter(role=Role.AGENCY_LEADER).values_list("agency_id", flat=True))


def roles_on(actor: Actor, question: Question) -> frozenset[str]:
    if actor is None:
        return frozenset({SYSTEM})
    held: set[str] = set()
    if isinstance(actor, User) and actor.is_citizen and question.asker_user_id == actor.pk:
        held.add(ASKER)
    if is_desk(actor):
        held.add(DESK)
    if question.agency_id is not None:
        if question.agency_id in handling_agencies(actor):
            held.add(ANSWERER)
        if question.agency_id in led_agencies(actor):
            held.add(APPROVER)
    return frozenset(held)


def intake_roles(actor: Actor) -> frozenset[str]:
    """Anyone may ask from the portal: a visitor or a citizen asks, an officer records on their behalf."""
    if isinstance(actor, User) and not actor.is_citizen:
        return frozenset({DESK}) if is_desk(actor) else frozenset()
    return frozenset({ASKER})


def handles(actor: Actor, question: Question) -> bool:
    """Officers acting on the question see the asker's name and contacts; others see them masked."""
    return bool(roles_on(actor, question) & {DESK, ANSWERER, APPROVER})
