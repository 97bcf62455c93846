"""The calendar in force: holidays.VN + national overrides + the province's + office hours by date."""

import logging
from datetime import date, timedelta

import pytest
from django.db import OperationalError, connections

from motcua.workdays import loader
from motcua.workdays.calendar import DayStatus
from motcua.workdays.hours import DEFAULT_OFFICE_HOURS
from motcua.workdays.loader import calendar_for, database_exists, find_province
from motcua.workdays.models import DayOverride, OfficeHours
from tests.factories import UnitFactory, level

BASIS = "Thông báo số 1/TB-BNV"


@pytest.mark.django_db
def test_without_rows_the_calendar_is_holidays_vn_with_default_hours():
    calendar = calendar_for()
    assert calendar.office_hours == DEFAULT_OFFICE_HOURS
    assert not calendar.overrides
    assert calendar.describe(date(2026, 2, 17)).name == "Tết Nguyên Đán"


@pytest.mark.django_db
def test_national_overrides_apply_everywhere_and_provincial_ones_only_in_their_province(province):
    other = UnitFactory(code="98", name="Tỉnh Khác", level=level("province"))
    DayOverride.objects.create(
        date=date(2026, 2, 23), kind="off", name="Nghỉ thêm sau Tết", legal_basis=BASIS
    )
    DayOverride.objects.create(
        date=date(2026, 3, 9), kind="off", name="Lễ hội tỉnh", legal_basis=BASIS, province=province.unit
    )
    for calendar in (calendar_for(), calendar_for(province.unit), calendar_for(other)):
        assert calendar.describe(date(2026, 2, 23)).name == "Nghỉ thêm sau Tết"
    assert calendar_for(province.unit).describe(date(2026, 3, 9)).status is DayStatus.HOLIDAY
    assert calendar_for(other).describe(date(2026, 3, 9)).status is DayStatus.WORKING
    assert calendar_for().describe(date(2026, 3, 9)).status is DayStatus.WORKING


@pytest.mark.django_db
def test_the_province_wins_over_the_nation_on_the_same_day(province):
    DayOverride.objects.create(date=date(2026, 5, 4), kind="off", name="Nghỉ toàn quốc", legal_basis=BASIS)
    DayOverride.objects.create(
        date=date(2026, 5, 4), kind="work", name="Tỉnh làm việc", legal_basis=BASIS, province=province.unit
    )
    assert calendar_for(province.unit).describe(date(2026, 5, 4)).name == "Tỉnh làm việc"
    assert calendar_for().describe(date(2026, 5, 4)).name == "Nghỉ toàn quốc"


@pytest.mark.django_db
def test_office_hours_follow_their_effective_dates_and_the_province_first(province):
    OfficeHours.objects.create(
        periods="07:30-11:30,13:30-17:00",
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 6, 30),
        legal_basis=BASIS,
    )
    OfficeHours.objects.create(
        periods="07:00-11:00,13:00-17:00",
        valid_from=date(2026, 4, 1),
        legal_basis=BASIS,
        province=province.unit,
    )
    assert calendar_for(on=date(2025, 12, 31)).office_hours == DEFAULT_OFFICE_HOURS
    assert str(calendar_for(on=date(2026, 1, 1)).office_hours) == "07:30-11:30,13:30-17:00"
    assert str(calendar_for(on=date(2026, 7, 1)).office_hours) == str(DEFAULT_OFFICE_HOURS)
    assert str(calendar_for(province.unit, on=date(2026, 3, 31)).office_hours) == "07:30-11:30,13:30-17:00"
    assert str(calendar_for(province.unit, on=date(2026, 4, 1)).office_hours) == "07:00-11:00,13:00-17:00"
    assert calendar_for(province.unit, on=date(2026, 4, 1)).day_length == timedelta(hours=8)


@pytest.mark.django_db
def test_find_province_by_code_prefers_the_unit_in_force(province):
    assert find_province("99") == province.unit
    assert find_province("90001") is None  # a commune's code
    assert find_province("00") is None
    successor = UnitFactory(
        code="99", name="Tỉnh Thử mới", level=level("province"), valid_from=date(2026, 7, 1)
    )
    province.unit.valid_to = date(2026, 6, 30)
    province.unit.save()
    assert find_province("99", on=date(2026, 6, 30)) == province.unit
    assert find_province("99", on=date(2026, 7, 1)) == successor


@pytest.mark.django_db
def test_an_unavailable_table_means_no_overrides_and_a_warning(monkeypatch, caplog):
    def failing(_province):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(loader, "_overrides", failing)
    calendar = calendar_for()
    assert not calendar.overrides
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "calendar tables unavailable (OperationalError)" in caplog.text


@pytest.mark.django_db
def test_before_migrate_the_missing_tables_are_expected_and_quiet(monkeypatch, caplog):
    def missing(_province):
        raise OperationalError("no such table: workdays_dayoverride")

    monkeypatch.setattr(loader, "_overrides", missing)
    monkeypatch.setattr(loader, "_tables_missing", lambda: True)
    caplog.set_level(logging.DEBUG, logger="motcua.workdays.loader")
    assert not calendar_for().overrides
    assert [record.levelname for record in caplog.records] == ["DEBUG"]


@pytest.mark.django_db
def test_the_tables_exist_once_migrated():
    assert not loader._tables_missing()


def test_a_missing_sqlite_file_is_never_opened_nor_created(monkeypatch, tmp_path):
    """No `db` mark: any query here would fail, so the loader must decide from the path alone."""
    path = tmp_path / "motcua.sqlite3"
    settings_dict = connections["default"].settings_dict
    monkeypatch.setitem(settings_dict, "ENGINE", "django.db.backends.sqlite3")
    monkeypatch.setitem(settings_dict, "NAME", str(path))
    assert not database_exists()
    calendar = calendar_for(on=date(2026, 1, 1))
    assert not calendar.overrides
    assert find_province("99") is None
    assert not path.exists()


@pytest.mark.parametrize(
    ("name", "exists"),
    [(":memory:", True), ("file:memorydb_default?mode=memory&cache=shared", True), ("", True)],
)
def test_in_memory_sqlite_databases_count_as_present(monkeypatch, name, exists):
    settings_dict = connections["default"].settings_dict
    monkeypatch.setitem(settings_dict, "ENGINE", "django.db.backends.sqlite3")
    monkeypatch.setitem(settings_dict, "NAME", name)
    assert database_exists() is exists


def test_a_sqlite_uri_is_checked_by_its_path(monkeypatch, tmp_path):
    path = tmp_path / "db.sqlite3"
    settings_dict = connections["default"].settings_dict
    monkeypatch.setitem(settings_dict, "ENGINE", "django.db.backends.sqlite3")
    monkeypatch.setitem(settings_dict, "NAME", f"file:{path}?mode=rw")
    assert not database_exists()
    path.touch()
    assert database_exists()


def test_other_databases_are_assumed_present(monkeypatch):
    monkeypatch.setitem(connections["default"].settings_dict, "ENGINE", "django.db.backends.postgresql")
    assert database_exists()
