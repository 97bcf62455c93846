"""Every write to plans, targets and tasks: one function per business action, in a transaction, permission
checked, audited. `actor=None` is the system itself (demo loading, data commands). One module per object."""

from .plans import (  # noqa: F401
    add_target,
    close_plan,
    create_plan,
    derive_plan,
    issue_plan,
    record_target_value,
    require_open_plan,
    update_plan,
)
from .tasks import (  # noqa: F401
    accept_task,
    add_task,
    report_progress,
    review_progress,
)
