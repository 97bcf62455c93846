"""The control fixtures (a province, a plan, staff of two communes) serve the toolkit's tests too."""

import pytest
from django.utils import translation

from tests.control.conftest import (  # noqa: F401  (fixtures)
    commune_a,
    commune_b,
    draft_plan,
    officer,
    plan,
    staff_a,
    staff_b,
)


@pytest.fixture(autouse=True)
def vietnamese():
    """Messages are checked in the site's default language, whatever an earlier request activated."""
    with translation.override("vi"):
        yield
