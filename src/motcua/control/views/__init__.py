"""Pages of the control work, one module per object (plans and targets, tasks, periodic reports, dashboard).

Each view reads through a selector, writes through one service, and turns a refused or invalid action into a
Vietnamese message instead of an error page (core.errors.run)."""

from .dashboard import (  # noqa: F401
    dashboard,
    dashboard_agency,
    reminder_log,
    scorecard,
)
from .plans import (  # noqa: F401
    plan_close,
    plan_create,
    plan_derive,
    plan_detail,
    plan_edit,
    plan_issue,
    plan_list,
    target_create,
    target_detail,
)
from .reports import (  # noqa: F401
    report_export,
    report_fill,
    request_create,
    request_detail,
    request_export,
    request_list,
)
from .tasks import (  # noqa: F401
    my_tasks,
    occurrence_report,
    occurrence_urge,
    progress_review,
    task_accept,
    task_create,
    task_detail,
)
