"""Internal processes: ordered steps in working time that must fit the legal time limit."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import services
from motcua.catalog.models import Process
from motcua.org.models import AgencyKind, Role
from tests.catalog.factories import published
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

CHANNELS = [
    {"channel": "direct", "time_limit": "3", "time_unit": "d", "fee": 0},
    {"channel": "online", "time_limit": "2", "time_unit": "d", "fee": 0},
]


def steps(*hours_each, unit="h"):
    return [
        {
            "name": f"Bước {i}",
            "agency_kind": AgencyKind.COMMUNE_SERVICE_CENTRE,
            "role": Role.SPECIALIST,
            "duration": amount,
            "duration_unit": unit,
        }
        for i, amount in enumerate(hours_each, start=1)
    ]


@pytest.fixture
def procedure():
    return published(effective_from=date(2025, 1, 1), channels=CHANNELS)


def test_a_process_within_the_limit_is_saved_in_order(procedure):
    process = services.save_process(
        actor=None, procedure=procedure, name="Quy trình chung", channel="direct", steps=steps("4", "16", "4")
    )
    assert [s.name for s in process.steps.all()] == ["Bước 1", "Bước 2", "Bước 3"]
    assert [s.position for s in process.steps.all()] == [1, 2, 3]


def test_exactly_the_limit_fits(procedure):
    services.save_process(
        actor=None, procedure=procedure, name="Đủ 3 ngày", channel="direct", steps=steps("1", "2", unit="d")
    )


def test_over_the_limit_is_refused_with_a_clear_message(procedure):
    with pytest.raises(ValidationError) as refused:
        services.save_process(
            actor=None, procedure=procedure, name="Quá hạn", channel="direct", steps=steps("8", "16", "1")
        )
    message = " ".join(refused.value.messages)
    assert "Tổng thời gian các bước là 25 giờ làm việc" in message
    assert "Trực tiếp (3 ngày làm việc = 24 giờ làm việc)" in message
    assert "more than the legal time limit of the direct channel" in message
    assert not Process.objects.exists()


def test_a_process_for_all_channels_must_fit_the_shortest(procedure):
    with pytest.raises(ValidationError, match="Trực tuyến"):
        services.save_process(actor=None, procedure=procedure, name="Chung", steps=steps("2.5", unit="d"))


def test_an_agency_specific_process_with_an_inter_agency_step(procedure):
    commune = AgencyFactory(kind=AgencyKind.PEOPLES_COMMITTEE)
    police = AgencyFactory(kind=AgencyKind.VERTICAL_SECTOR)
    services.save_process(actor=None, procedure=procedure, name="Chung", channel="direct", steps=steps("8"))
    process = services.save_process(
        actor=None,
        procedure=procedure,
        agency=commune,
        channel="direct",
        name="Riêng của xã",
        steps=[
            *steps("4"),
            {
                "name": "Xác minh tại công an",
                "agency": police,
                "role": Role.SPECIALIST,
                "duration": "1",
                "duration_unit": "d",
            },
        ],
    )
    assert process.steps.get(position=2).agency == police
    assert Process.objects.filter(procedure=procedure).count() == 2


def test_saving_again_replaces_the_steps(procedure):
    services.save_process(actor=None, procedure=procedure, name="A", channel="direct", steps=steps("4", "4"))
    process = services.save_process(
        actor=None, procedure=procedure, name="B", channel="direct", steps=steps("2")
    )
    assert process.steps.count() == 1
    assert Process.objects.get().name == "B"
