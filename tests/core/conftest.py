"""The control fixtures (a province, a plan, staff of two communes) serve the toolkit's tests too."""

from tests.control.conftest import (  # noqa: F401  (fixtures)
    commune_a,
    commune_b,
    draft_plan,
    officer,
    plan,
    staff_a,
    staff_b,
)
