"""The hand-computed month of test_scenario.py, shared by the page, API and report tests."""

import pytest

from tests.serviceindex.factories import dossier, vn, world


@pytest.fixture
def scenario(db):
    return build()


def build():
    """Agencies A and B with the dossiers of test_scenario.py's docstring."""
    w = world()
    at = vn(2026, 3, 10, 9)
    dossier(w.a, w.full, received=at, online=True, verdict="early", fee=50000, paid_online=True,
            electronic=True, reused=True, identity=True, rating=True)  # fmt: skip
    dossier(w.a, w.full, received=at, online=True, verdict="on_time", fee=50000, rating=False)
    dossier(w.a, w.full, received=at, verdict="late")
    dossier(w.a, w.partial, received=at, verdict="on_time", fee=20000, paid_online=True, electronic=True)
    dossier(w.a, w.full, received=at)
    dossier(w.b, w.full, received=at, online=True, verdict="on_time", electronic=True, rating=True)
    dossier(w.b, w.partial, received=at, verdict="late", fee=10000)
    # Outside the month: counted in February's figures only.
    dossier(w.b, w.full, received=vn(2026, 2, 27, 9), verdict="late", ended=vn(2026, 2, 28, 9))
    return w
