"""The hand-computed month of test_scenario.py, shared by the page, API and report tests."""

from datetime import date

import pytest

from motcua.serviceindex.models import FeeIntegration
from tests.serviceindex.factories import dossier, synced, vn, world


@pytest.fixture
def scenario(db):
    return build()


def build():
    """Agencies A and B with the dossiers of test_scenario.py's docstring."""
    w = world()
    at = vn(2026, 3, 10, 9)
    a1 = dossier(w.a, w.full, received=at, online=True, verdict="early", fee=50000, paid_online=True,
                 electronic=True, reused=True, identity=True, rating=True, papers="file")  # fmt: skip
    a2 = dossier(w.a, w.full, received=at, online=True, verdict="on_time", fee=50000, rating=False)
    a3 = dossier(w.a, w.full, received=at, verdict="late", papers="paper")
    a4 = dossier(w.a, w.partial, received=at, verdict="on_time", fee=20000, paid_online=True, electronic=True,
                 papers="reused")  # fmt: skip
    a5 = dossier(w.a, w.full, received=at)
    b1 = dossier(w.b, w.full, received=at, online=True, verdict="on_time", electronic=True, rating=True,
                 papers="file")  # fmt: skip
    b2 = dossier(w.b, w.partial, received=at, verdict="late", fee=10000)
    # Outside the month: counted in February's figures only.
    b0 = dossier(w.b, w.full, received=vn(2026, 2, 27, 9), verdict="late", ended=vn(2026, 2, 28, 9))
    # A's fee for the full-online procedure is integrated for online payment since January (4.2).
    FeeIntegration.objects.create(agency=w.a, procedure=w.full, valid_from=date(2026, 1, 1))
    # Sync to the national portal (1.4): a2's second change was given up, a4's reception still waits; every
    # other change was acknowledged. b0's failed change of February lowers February only.
    synced(a1, "sent", "sent")
    synced(a2, "sent", "failed")
    synced(a3, "sent")
    synced(a4, "pending")
    synced(a5, "sent")
    synced(b1, "sent", "sent")
    synced(b2, "sent")
    synced(b0, "failed")
    return w
