"""The service index in a browser: the public page (chart and ranking) and an agency's officer going from
its score to the dossiers behind a number."""

import pytest
from playwright.sync_api import expect

from motcua.org.models import Role
from tests.e2e.helpers import log_in
from tests.factories import RoleAssignmentFactory, StaffFactory
from tests.serviceindex.conftest import build

pytestmark = pytest.mark.e2e
MARCH = "ky=month&nam=2026&thang=3"


@pytest.fixture
def scenario(transactional_db):
    # A transactional test empties every table after it, the seeded index rows included: load them again.
    from django.apps import apps

    from motcua.serviceindex.seed import load

    load(apps)
    world = build()
    leader = StaffFactory(username="lanhdao-a-e2e", full_name="Lãnh đạo xã A")
    RoleAssignmentFactory(user=leader, agency=world.a, role=Role.AGENCY_LEADER)
    return world


def test_public_index_and_drill_down(new_context, viewport, live_server, scenario):
    visitor = new_context(viewport=viewport).new_page()
    visitor.goto(f"{live_server.url}/chi-so-phuc-vu/?{MARCH}")
    expect(visitor.locator("#province-percent")).to_contain_text("74,96")
    expect(visitor.locator("#chart-index")).to_be_visible()
    expect(visitor.locator("#agency-table tbody tr")).to_have_count(2)
    expect(visitor.locator("#agency-table tbody tr").first).to_contain_text("UBND Xã A")

    officer = log_in(new_context, viewport, live_server, "lanhdao-a-e2e")
    officer.goto(f"{live_server.url}/chi-so-phuc-vu/quan-ly/?{MARCH}")
    expect(officer.locator("#agency-table tbody tr")).to_have_count(1)
    officer.locator("#agency-table").get_by_role("link", name="UBND Xã A").click()
    expect(officer.locator("#agency-percent")).to_contain_text("78,79")
    row = officer.locator('#indicators tr[data-code="2.1"]')
    expect(row).to_contain_text("18")
    row.get_by_role("link", name="3", exact=True).click()
    expect(officer.locator("#rows tbody tr")).to_have_count(3)
    expect(officer.locator('#indicators tr[data-code="1.4"]')).to_have_count(0)
