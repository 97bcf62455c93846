"""Every write to a dossier: one function per business action (Zulip's do_* style).

Each one runs in a transaction, asks the lifecycle table whether the actor's roles allow the action in the
dossier's state, changes the row under an optimistic lock (`expected_version`), writes a timeline event and
a core audit event, and queues what the applicant must be told. `at` exists for tests, the demo data and
the benchmarks (past dates); pages and the API never pass it.

The actions live in modules along the dossier's path (entry, checking, steps, extension, endings) over the
shared machinery in `common` and the applicant's inputs in `inputs`; callers import them from here.
"""

from motcua.core.workflow import ActionNotAllowed, ActionNotPossible

from .checking import receive, record_supplement, request_completion, request_supplement
from .common import DossierConflict
from .endings import attach_result, refuse, return_result, stop, withdraw
from .entry import receive_at_counter, submit, submit_from_national_portal
from .extension import extend, may_extend_again
from .inputs import Applicant, DocumentLine, check_postal_address
from .steps import hand_over, send_back

__all__ = [
    "ActionNotAllowed",
    "ActionNotPossible",
    "Applicant",
    "DocumentLine",
    "DossierConflict",
    "attach_result",
    "check_postal_address",
    "extend",
    "hand_over",
    "may_extend_again",
    "receive",
    "receive_at_counter",
    "record_supplement",
    "refuse",
    "request_completion",
    "request_supplement",
    "return_result",
    "send_back",
    "stop",
    "submit",
    "submit_from_national_portal",
    "withdraw",
]
