"""Shared fixtures: a small two-commune province built through factories."""

import pytest

from motcua.dossiers import reference
from tests.factories import AgencyFactory, RoleAssignmentFactory, StaffFactory, province_with_communes


@pytest.fixture
def province(db):
    """A province with two communes (A and B), each with a People's Committee and a service centre."""
    return province_with_communes(["Xã A", "Xã B"])


@pytest.fixture
def make_staff(db):
    def make(agency, role, **kwargs):
        user = StaffFactory(**kwargs)
        RoleAssignmentFactory(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def desk(db):
    """A two-commune province with an online, boundary-free procedure, its process and the officers."""
    from tests.dossiers.factories import build_desk

    return build_desk()


@pytest.fixture(scope="session", autouse=True)
def seeded_rows_survive_flushes(django_db_setup, django_db_blocker):
    """The rows the migrations seeded (legal parameters, calendars, the index's groups, report templates) are
    there for every test, whatever ran before it.

    A transactional test (every browser journey: the live server answers from another thread, so nothing
    can be rolled back) ends with a flush, and the flush empties the seeded tables too: in a random order or
    on another xdist worker, the next test met a question with no time limit in force or a dossier with no
    verdict rule. The database is serialised once after migrating, and after each flush loaded again, as
    Django's `serialized_rollback` does before a test; it is done here after the flush instead, because
    Playwright's sync API switches contexts and Django's per-context connection object then no longer holds
    the serialised copy (and the tests that follow a transactional one need the rows too)."""
    from django.db import connections
    from django.test import TransactionTestCase

    # Only the databases this run set up as test databases (a run of database-free tests sets up none).
    aliases = [a for a in connections if connections[a].settings_dict["NAME"] == _test_name(connections[a])]
    with django_db_blocker.unblock():
        snapshot = {alias: connections[alias].creation.serialize_db_to_string() for alias in aliases}
    flush_then_reseed_original = TransactionTestCase._fixture_teardown

    def flush_then_reseed(self):
        for alias in self._databases_names(include_mirrors=False):
            if alias not in snapshot:
                continue
            # With the copy on the connection, the flush leaves content types and permissions to it too.
            connections[alias]._test_serialized_contents = snapshot[alias]
        serialized, self.serialized_rollback = self.serialized_rollback, True
        try:
            flush_then_reseed_original(self)
        finally:
            self.serialized_rollback = serialized
        for alias in self._databases_names(include_mirrors=False):
            if alias in snapshot:
                connections[alias].creation.deserialize_db_from_string(snapshot[alias])

    TransactionTestCase._fixture_teardown = flush_then_reseed
    yield
    TransactionTestCase._fixture_teardown = flush_then_reseed_original


def _test_name(connection) -> str:
    return connection.creation._get_test_db_name()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Factories hash a password per user; the production hasher would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_reference_data():
    """Reception reference data is memoised per process for a minute; each test builds its own catalog."""
    reference.clear()
    yield
    reference.clear()


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploads, results and the citizens' stores go to the test's own folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MOTCUA_PRIVATE_ROOT = tmp_path / "private"
    settings.MOTCUA_SIGNING_DIR = tmp_path / "signing"  # the local CA's keys, never var/'s
    return tmp_path


__all__ = ["AgencyFactory", "make_staff", "province"]
