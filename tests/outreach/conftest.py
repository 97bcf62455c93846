"""The control fixtures (a province, its office's officer, two communes and an issued plan) serve here too."""

from tests.control.conftest import commune_a, commune_b, draft_plan, officer, plan, staff_a, staff_b

__all__ = ["commune_a", "commune_b", "draft_plan", "officer", "plan", "staff_a", "staff_b"]
