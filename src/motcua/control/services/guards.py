"""Checks shared by the writes to plans and tasks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import Plan, PlanStatus


def require_open_plan(plan: Plan) -> None:
    if plan.status == PlanStatus.CLOSED:
        raise ValidationError(_("Kế hoạch đã kết thúc, không thể thay đổi. / The plan is closed."))
