"""Many officers at once: codes without gaps or duplicates, and no lost update on one dossier.

On PostgreSQL the receptions run in threads, each with its own connection, so they really contend for the
counter row; SQLite allows one writer at a time, so there they run one after the other.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import DossierConflict
from tests.dossiers.factories import build_desk, receive, to_leader, vn

ON_PG = connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def legal_parameters(transactional_db):
    """The flush after transactional tests removes what migrations seed (levels, publication rules);
    seeding again is idempotent."""
    import_module("motcua.catalog.migrations.0002_levels_rules_search").seed(apps, None)


RECEPTIONS = 24


def _in_own_connection(work):
    def run(*args):
        try:
            return work(*args)
        finally:
            connection.close()

    return run


def _run_all(work, count):
    if not ON_PG:
        return [work(i) for i in range(count)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(_in_own_connection(work), range(count)))


@pytest.mark.django_db(transaction=True)
def test_concurrent_receptions_get_consecutive_codes_without_gaps(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    desk = build_desk()
    start = threading.Barrier(8) if ON_PG else None

    def reception(i):
        if start is not None and i < 8:
            start.wait(timeout=30)
        return receive(desk, at=vn(2026, 3, 2, 9, 0)).code

    codes = _run_all(reception, RECEPTIONS)
    prefix = f"{desk.centre().code}-260302-"
    assert sorted(codes) == [f"{prefix}{n:04d}" for n in range(1, RECEPTIONS + 1)]
    assert Dossier.objects.count() == RECEPTIONS


@pytest.mark.django_db(transaction=True)
def test_two_officers_acting_at_once_get_one_success_and_one_conflict(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    desk = build_desk()
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9, 0)), at=vn(2026, 3, 2, 10, 0))
    seen = dossier.version
    gate = threading.Barrier(2) if ON_PG else None

    def act(i):
        if gate is not None:
            gate.wait(timeout=30)
        try:
            if i == 0:
                services.attach_result(
                    actor=desk.leader_a,
                    dossier=dossier,
                    expected_version=seen,
                    number="9/GKS",
                    signed_on=date(2026, 3, 2),
                )
            else:
                services.request_supplement(
                    actor=desk.leader_a, dossier=dossier, expected_version=seen, missing="Tờ khai"
                )
            return "ok"
        except DossierConflict as conflict:
            return str(conflict)

    outcomes = _run_all(act, 2)
    assert outcomes.count("ok") == 1
    conflict = next(o for o in outcomes if o != "ok")
    assert "vừa được người khác cập nhật" in conflict
    assert "Someone else" in conflict
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert fresh.version == seen + 1
    assert fresh.events.count() == 4  # received, two handovers, and exactly one of the two actions
