"""Administrators keep overrides and office hours in the admin: filtered by year, audited, with history."""

from datetime import date

import pytest
from django.urls import reverse

from motcua.core.models import AuditEvent
from motcua.workdays.models import DayOverride, OfficeHours
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

BASIS = "Thông báo số 1/TB-BNV"


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


def test_the_list_filters_by_year_and_searches_names(admin_client):
    DayOverride.objects.create(date=date(2025, 1, 2), kind="off", name="Nghỉ năm cũ", legal_basis=BASIS)
    DayOverride.objects.create(
        date=date(2026, 2, 23), kind="off", name="Nghỉ thêm sau Tết", legal_basis=BASIS
    )
    url = reverse("admin:workdays_dayoverride_changelist")
    html = admin_client.get(url).content.decode()
    assert "?year=2026" in html
    assert "?year=2025" in html
    html = admin_client.get(url, {"year": "2026"}).content.decode()
    assert "Nghỉ thêm sau Tết" in html
    assert "Nghỉ năm cũ" not in html
    html = admin_client.get(url, {"q": "năm cũ"}).content.decode()
    assert "Nghỉ năm cũ" in html
    assert "Nghỉ thêm sau Tết" not in html
    html = admin_client.get(url, {"scope": "national"}).content.decode()
    assert "Toàn quốc" in html


def test_adding_in_the_admin_is_audited_and_kept_in_history(admin_client):
    response = admin_client.post(
        reverse("admin:workdays_dayoverride_add"),
        {
            "date": "2026-02-23",
            "kind": "off",
            "name": "Nghỉ thêm sau Tết",
            "province": "",
            "legal_basis": BASIS,
        },
    )
    assert response.status_code == 302
    override = DayOverride.objects.get()
    assert AuditEvent.objects.get(action="dayoverride.create").target_id == str(override.pk)
    assert override.history.get().history_user.username == "quantri"
    history = admin_client.get(reverse("admin:workdays_dayoverride_history", args=[override.pk]))
    assert history.status_code == 200


def test_a_duplicate_national_day_is_refused_in_the_form(admin_client):
    DayOverride.objects.create(date=date(2026, 2, 23), kind="off", name="Nghỉ", legal_basis=BASIS)
    response = admin_client.post(
        reverse("admin:workdays_dayoverride_add"),
        {"date": "2026-02-23", "kind": "work", "name": "Làm", "province": "", "legal_basis": BASIS},
    )
    assert response.status_code == 200
    assert "this day already has a national override" in response.content.decode()
    assert DayOverride.objects.count() == 1


def test_history_cannot_be_reverted_around_the_audit_trail(admin_client):
    override = DayOverride.objects.create(date=date(2026, 2, 23), kind="off", name="Nghỉ", legal_basis=BASIS)
    version = override.history.get()
    url = reverse("admin:workdays_dayoverride_simple_history", args=[override.pk, version.history_id])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"date": "2026-02-24", "kind": "off", "name": "Đổi", "province": "", "legal_basis": BASIS}
    )
    assert response.status_code == 403
    override.refresh_from_db()
    assert override.date == date(2026, 2, 23)


def test_office_hours_with_bad_periods_are_refused_in_the_form(admin_client):
    response = admin_client.post(
        reverse("admin:workdays_officehours_add"),
        {
            "periods": "8h-17h",
            "province": "",
            "valid_from": "2026-01-01",
            "valid_to": "",
            "legal_basis": BASIS,
        },
    )
    assert response.status_code == 200
    assert "invalid period" in response.content.decode()
    response = admin_client.post(
        reverse("admin:workdays_officehours_add"),
        {
            "periods": "07:30-11:30,13:30-17:00",
            "province": "",
            "valid_from": "2026-01-01",
            "valid_to": "",
            "legal_basis": BASIS,
        },
    )
    assert response.status_code == 302
    assert OfficeHours.objects.get().periods == "07:30-11:30,13:30-17:00"
    assert AuditEvent.objects.filter(action="officehours.create").exists()
    assert admin_client.get(reverse("admin:workdays_officehours_changelist")).status_code == 200
