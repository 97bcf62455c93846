"""Adding and removing day overrides: validated, audited, and kept in the configuration history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.core.models import AuditEvent
from motcua.workdays.models import DayOverride
from motcua.workdays.services import add_override, remove_override
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

BASIS = "Thông báo số 6150/TB-BLĐTBXH"


@pytest.fixture
def officer():
    return StaffFactory(username="quantri-lich")


def test_adding_a_national_day_off_is_audited_and_kept_in_history(officer):
    override = add_override(
        actor=officer, day=date(2026, 2, 23), kind="off", name="Nghỉ thêm sau Tết", legal_basis=BASIS
    )
    assert override.province is None
    event = AuditEvent.objects.get(action="dayoverride.create")
    assert event.actor == officer
    assert event.target_id == str(override.pk)
    assert event.changes["date"] == [None, "2026-02-23"]
    assert event.changes["legal_basis"] == [None, BASIS]
    record = override.history.get()
    assert record.history_type == "+"
    assert record.history_user == officer


def test_a_province_may_override_a_day_the_nation_already_overrides(officer, province):
    add_override(actor=officer, day=date(2026, 5, 4), kind="off", name="Nghỉ toàn quốc", legal_basis=BASIS)
    provincial = add_override(
        actor=officer,
        day=date(2026, 5, 4),
        kind="work",
        name="Tỉnh làm việc",
        legal_basis=BASIS,
        province=province.unit,
    )
    assert provincial.province == province.unit
    assert DayOverride.objects.filter(date=date(2026, 5, 4)).count() == 2


def test_the_same_day_cannot_be_overridden_twice_in_one_scope(officer, province):
    add_override(actor=officer, day=date(2026, 5, 4), kind="off", name="Nghỉ", legal_basis=BASIS)
    with pytest.raises(ValidationError) as error:
        add_override(actor=officer, day=date(2026, 5, 4), kind="work", name="Làm", legal_basis=BASIS)
    assert error.value.messages == [
        "Ngày 04/05/2026 đã có điều chỉnh cho phạm vi này / 04/05/2026 already has an override for this scope"
    ]
    add_override(
        actor=officer,
        day=date(2026, 5, 4),
        kind="off",
        name="Nghỉ",
        legal_basis=BASIS,
        province=province.unit,
    )
    with pytest.raises(ValidationError, match="already has an override"):
        add_override(
            actor=officer,
            day=date(2026, 5, 4),
            kind="off",
            name="Nghỉ",
            legal_basis=BASIS,
            province=province.unit,
        )


def test_the_database_refuses_two_national_rows_for_one_day_even_without_the_service():
    DayOverride.objects.create(date=date(2026, 5, 4), kind="off", name="A", legal_basis=BASIS)
    with pytest.raises(IntegrityError), transaction.atomic():
        DayOverride.objects.create(date=date(2026, 5, 4), kind="work", name="B", legal_basis=BASIS)


def test_the_database_refuses_an_unknown_kind():
    with pytest.raises(IntegrityError), transaction.atomic():
        DayOverride.objects.create(date=date(2026, 5, 4), kind="nap", name="A", legal_basis=BASIS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "holiday"}, "Loại ngày phải là 'off' hoặc 'work' / kind must be 'off' or 'work'"),
        ({"name": "  "}, "Cần nhập tên ngày / a name is required"),
        ({"legal_basis": ""}, "Cần nhập căn cứ pháp lý / a legal basis is required"),
        (
            {"day": date(2100, 1, 4)},
            "Năm 2100 nằm ngoài phạm vi 1901–2099 / year 2100 is outside the supported range 1901–2099",
        ),
    ],
)
def test_bad_overrides_are_refused_with_a_clear_message(officer, changes, message):
    arguments = {"day": date(2026, 5, 4), "kind": "off", "name": "Nghỉ", "legal_basis": BASIS, **changes}
    with pytest.raises(ValidationError) as error:
        add_override(actor=officer, **arguments)
    assert error.value.messages == [message]
    assert not DayOverride.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_commune_is_not_a_province(officer, province):
    commune = province.commune_units["Xã A"]
    with pytest.raises(ValidationError) as error:
        add_override(
            actor=officer, day=date(2026, 5, 4), kind="off", name="Nghỉ", legal_basis=BASIS, province=commune
        )
    assert error.value.messages == ["Xã A không phải cấp tỉnh / Xã A is not a province"]


def test_names_are_trimmed(officer):
    override = add_override(
        actor=officer, day=date(2026, 5, 4), kind="off", name="  Nghỉ  ", legal_basis=f" {BASIS} "
    )
    assert (override.name, override.legal_basis) == ("Nghỉ", BASIS)


def test_removing_an_override_records_what_it_was(officer):
    override = add_override(actor=officer, day=date(2026, 5, 4), kind="off", name="Nghỉ", legal_basis=BASIS)
    pk = override.pk
    remove_override(actor=officer, day=date(2026, 5, 4), reason="Thông báo bị thay thế")
    assert not DayOverride.objects.exists()
    event = AuditEvent.objects.get(action="dayoverride.delete")
    assert event.target_id == str(pk)
    assert event.reason == "Thông báo bị thay thế"
    assert event.changes["name"] == ["Nghỉ", None]
    deleted = DayOverride.history.filter(id=pk).order_by("history_date").last()
    assert deleted.history_type == "-"
    assert deleted.history_user == officer


def test_removing_only_touches_the_given_scope(officer, province):
    add_override(actor=officer, day=date(2026, 5, 4), kind="off", name="Nghỉ", legal_basis=BASIS)
    add_override(
        actor=officer,
        day=date(2026, 5, 4),
        kind="off",
        name="Nghỉ",
        legal_basis=BASIS,
        province=province.unit,
    )
    remove_override(actor=officer, day=date(2026, 5, 4), province=province.unit)
    assert list(DayOverride.objects.values_list("province", flat=True)) == [None]


def test_removing_a_missing_override_says_so(officer):
    with pytest.raises(ValidationError) as error:
        remove_override(actor=officer, day=date(2026, 5, 4))
    assert error.value.messages == [
        "Ngày 04/05/2026 không có điều chỉnh cho phạm vi này / 04/05/2026 has no override for this scope"
    ]


def test_a_system_actor_is_recorded_by_label():
    add_override(actor="import-script", day=date(2026, 5, 4), kind="off", name="Nghỉ", legal_basis=BASIS)
    assert AuditEvent.objects.get().actor_label == "import-script"
