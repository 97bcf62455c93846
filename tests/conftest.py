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
