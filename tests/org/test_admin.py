"""Admin pages over real HTTP: changes are audited, and scoping holds in the admin too."""

import pytest

from motcua.core.models import AuditEvent
from motcua.org.models import Role


@pytest.fixture
def admin_client_a(client, province, make_staff):
    admin = make_staff(province.communes["Xã A"]["committee"], Role.ADMINISTRATOR, is_staff=True)
    client.force_login(admin)
    return client


def test_admin_change_of_agency_leaves_audit_event(admin_client_a, province):
    agency = province.communes["Xã A"]["division"]
    url = f"/quan-tri/org/agency/{agency.pk}/change/"
    form = {
        "code": agency.code,
        "name": "Phòng Kinh tế (đổi tên)",
        "short_name": "",
        "kind": agency.kind,
        "parent": agency.parent_id,
        "administrative_unit": agency.administrative_unit_id,
        "address": "",
        "phone": "",
        "email": "",
        "office_hours_note": "",
        "valid_from": "",
        "valid_to": "",
        "successor": "",
    }

    response = admin_client_a.post(url, form)

    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="agency.change")
    assert event.changes["name"] == ["Phòng Kinh tế Xã A", "Phòng Kinh tế (đổi tên)"]
    assert event.actor_label.startswith("canbo")


def test_admin_lists_only_agencies_in_scope(admin_client_a, province):
    response = admin_client_a.get("/quan-tri/org/agency/")

    page = response.content.decode()
    assert province.communes["Xã A"]["division"].code in page
    assert province.communes["Xã B"]["division"].code not in page


def test_admin_refuses_agency_out_of_scope(admin_client_a, province):
    other = province.communes["Xã B"]["division"]

    response = admin_client_a.get(f"/quan-tri/org/agency/{other.pk}/change/")

    assert response.status_code in (302, 404)
    assert other.name not in response.content.decode()


def test_audit_trail_is_read_only_in_admin(admin_client_a):
    assert admin_client_a.get("/quan-tri/core/auditevent/add/").status_code == 403


def test_non_admin_staff_cannot_open_admin(client, province, make_staff):
    client.force_login(make_staff(province.department, Role.SPECIALIST, is_staff=True))

    assert client.get("/quan-tri/org/agency/").status_code == 403
