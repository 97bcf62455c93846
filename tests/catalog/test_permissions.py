"""Only the TTHC-control officer (or a superuser) keeps the catalog and issues publication decisions."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from motcua.catalog import services
from motcua.org.models import Role
from tests.catalog.factories import content, decide
from tests.factories import AgencyFactory, CitizenFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return services.save_draft(actor=None, content=content())


@pytest.mark.parametrize(
    "role", [Role.SPECIALIST, Role.ONE_STOP_OFFICER, Role.AGENCY_LEADER, Role.ADMINISTRATOR]
)
def test_other_staff_cannot_issue_decisions(draft, make_staff, role):
    actor = make_staff(AgencyFactory(), role)
    with pytest.raises(PermissionDenied):
        decide(publish=[draft.procedure], actor=actor)
    with pytest.raises(PermissionDenied):
        services.save_draft(actor=actor, content=content())


def test_a_citizen_cannot_issue_decisions(draft):
    with pytest.raises(PermissionDenied):
        decide(publish=[draft.procedure], actor=CitizenFactory())


def test_a_control_officer_can(draft, make_staff):
    officer = make_staff(AgencyFactory(), Role.CONTROL_OFFICER)
    decision = decide(publish=[draft.procedure], actor=officer, effective_from=date(2025, 7, 1))
    assert decision.created_by == officer
    services.save_synonym(actor=officer, term="lấy chồng", expansion="kết hôn")


def test_admin_pages_for_the_control_officer(client, draft, make_staff):
    officer = make_staff(AgencyFactory(), Role.CONTROL_OFFICER, is_staff=True)
    client.force_login(officer)
    for url in [
        "/quan-tri/catalog/procedureversion/",
        "/quan-tri/catalog/publicationdecision/add/",
        f"/quan-tri/catalog/procedureversion/{draft.pk}/change/",
        "/quan-tri/catalog/synonym/add/",
        "/quan-tri/catalog/process/add/",
    ]:
        assert client.get(url).status_code == 200, url


def test_admin_issues_a_decision_through_the_service(client, draft, make_staff):
    officer = make_staff(AgencyFactory(), Role.CONTROL_OFFICER, is_staff=True)
    client.force_login(officer)
    response = client.post(
        "/quan-tri/catalog/publicationdecision/add/",
        {
            "number": "7/QĐ-UBND",
            "title": "Công bố",
            "signed_on": "2025-06-20",
            "signer": "Chủ tịch",
            "effective_from": "2025-07-01",
            "legal_documents": "Luật Hộ tịch",
            "publish": [draft.procedure.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    draft.refresh_from_db()
    assert draft.number == 1


def test_admin_refuses_a_process_over_the_limit(client, make_staff):
    from tests.catalog.factories import published

    procedure = published(channels=[{"channel": "direct", "time_limit": "1", "time_unit": "d", "fee": 0}])
    client.force_login(make_staff(AgencyFactory(), Role.CONTROL_OFFICER, is_staff=True))
    step = {
        "position": 1,
        "name": "Thẩm định",
        "agency_kind": "division",
        "role": "specialist",
        "duration": "10",
        "duration_unit": "h",
    }
    data = {
        "procedure": procedure.pk,
        "channel": "direct",
        "name": "Quy trình",
        "steps-TOTAL_FORMS": 1,
        "steps-INITIAL_FORMS": 0,
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 1000,
    }
    data.update({f"steps-0-{key}": value for key, value in step.items()})
    response = client.post("/quan-tri/catalog/process/add/", data)
    assert response.status_code == 200
    assert "vượt thời hạn giải quyết của cách thức Trực tiếp" in response.content.decode()
    data["steps-0-duration"] = "6"
    assert client.post("/quan-tri/catalog/process/add/", data).status_code == 302


def test_configuration_changes_keep_history():
    from motcua.catalog.models import Sector

    services.save_sector(actor=None, code="G01-TS01", name="Lĩnh vực A")
    services.save_sector(actor=None, code="G01-TS01", name="Lĩnh vực B")
    sector = Sector.objects.get(code="G01-TS01")
    assert [h.name for h in sector.history.order_by("history_date")] == ["Lĩnh vực A", "Lĩnh vực B"]
