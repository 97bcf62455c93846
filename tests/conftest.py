"""Shared fixtures: a small two-commune province built through factories."""

import pytest

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


__all__ = ["AgencyFactory", "make_staff", "province"]
