"""The hand-computed month of test_scenario.py, shared by the page, API and report tests."""

from datetime import date

import pytest

from motcua.serviceindex.models import FeeIntegration
from tests.serviceindex.factories import dossier, vn, world


@pytest.fixture
def scenario(db):
    return build()


def build():
    """Agencies A and B with the dossiers of test_scenario.py's docstring."""
    w = world()
    at = vn(2026, 3, 10, 9)
    dossier(w.a, w.full, received=at, online=True, verdict="early", fee=50000, paid_online=True,
            electronic=True, reused=True, identity=True, rating=True, papers="file")  # fmt: skip
    dossier(w.a, w.full, received=at, online=True, verdict="on_time", fee=50000, rating=False)
    dossier(w.a, w.full, received=at, verdict="late", papers="paper")
    dossier(w.a, w.partial, received=at, verdict="on_time", fee=20000, paid_online=True, electronic=True,
            papers="reused")  # fmt: skip
    dossier(w.a, w.full, received=at)
    dossier(w.b, w.full, received=at, online=True, verdict="on_time", electronic=True, rating=True,
            papers="file")  # fmt: skip
    dossier(w.b, w.partial, received=at, verdict="late", fee=10000)
    # Outside the month: counted in February's figures only.
    dossier(w.b, w.full, received=vn(2026, 2, 27, 9), verdict="late", ended=vn(2026, 2, 28, 9))
    # A's fee for the full-online procedure is integrated for online payment since January (4.2).
    FeeIntegration.objects.create(agency=w.a, procedure=w.full, valid_from=date(2026, 1, 1))
    return w
