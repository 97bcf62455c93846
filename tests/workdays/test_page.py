"""The public year calendar: twelve accessible month grids that name every holiday and make-up day."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.workdays.models import DayOverride

pytestmark = pytest.mark.django_db


def page(client, year: int | None = None) -> str:
    url = reverse("workdays:year") if year is None else reverse("workdays:year_detail", args=[year])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cell(html: str, day: int, title: str) -> str:
    """The <td> of one day, found by its holiday name."""
    match = re.search(rf'<td class="([^"]*)"[^>]*title="{re.escape(title)}">\s*{day}\b.*?</td>', html, re.S)
    assert match, f"no cell for {day} {title}"
    return match.group(0)


def test_the_calendar_opens_on_the_current_year(client):
    year = timezone.localdate().year
    html = page(client)
    assert f'<h1 class="h3 mb-0">Lịch làm việc năm {year}</h1>' in html
    assert f"<title>Lịch làm việc năm {year} · MộtCửa</title>" in html
    assert 'aria-current="date"' in html


def test_2026_names_tet_and_marks_it_as_a_holiday_in_text_too(client):
    html = page(client, 2026)
    td = cell(html, 17, "Tết Nguyên Đán")
    assert "mc-holiday" in td
    assert '<span class="mc-mark" aria-hidden="true">N</span>' in td
    assert '<span class="visually-hidden">: Ngày nghỉ lễ, tết, nghỉ bù – Tết Nguyên Đán</span>' in td
    assert '<time datetime="2026-02-17">17/02</time>: Tết Nguyên Đán' in html


def test_2026_marks_the_make_up_saturday_22_8(client):
    html = page(client, 2026)
    td = cell(html, 22, "Ngày làm việc bù (thay cho ngày 31/08/2026)")
    assert "mc-make_up" in td
    assert '<span class="mc-mark" aria-hidden="true">LB</span>' in td
    assert "Ngày làm việc bù (thay cho ngày 31/08/2026)" in html


def test_the_hung_kings_compensatory_day_is_listed(client):
    assert "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)" in page(client, 2026)


def test_the_grids_are_accessible_tables(client):
    html = page(client, 2026)
    assert html.count("<table") == 12
    assert html.count('<caption class="caption-top fw-semibold text-body" id="thang-') == 12
    assert "Tháng 2 năm 2026</caption>" in html
    assert html.count('<th scope="col">') == 12 * 7
    assert (
        '<abbr title="Chủ nhật" aria-hidden="true">CN</abbr><span class="visually-hidden">Chủ nhật</span>'
        in html
    )
    assert "Chú thích" in html
    assert 'class="row row-cols-1 row-cols-sm-2' in html  # one month per row on a phone


def test_weekends_are_marked_and_working_days_counted(client):
    html = page(client, 2026)
    assert '<td class="mc-day mc-weekend"' in html
    # 261 weekdays, less 13 holidays on weekdays, plus the make-up Saturday 22/8.
    assert "Năm 2026 có 250 ngày làm việc." in html  # 24/11 counts until a row confirms it as a day off


def test_previous_and_next_year_links(client):
    html = page(client, 2026)
    assert f'rel="prev" href="{reverse("workdays:year_detail", args=[2025])}"' in html
    assert f'rel="next" href="{reverse("workdays:year_detail", args=[2027])}"' in html
    assert 'rel="prev"' not in page(client, 1901)
    assert 'rel="next"' not in page(client, 2099)


@pytest.mark.parametrize("year", [1900, 2100, 99999])
def test_years_outside_the_lunar_tables_are_not_found(client, year):
    assert client.get(reverse("workdays:year_detail", args=[year])).status_code == 404


def test_overrides_from_the_database_show_on_the_page(client):
    DayOverride.objects.create(date=date(2026, 3, 9), kind="off", name="Nghỉ bầu cử thử", legal_basis="TB 1")
    html = page(client, 2026)
    assert "mc-holiday" in cell(html, 9, "Nghỉ bầu cử thử")
    assert "Năm 2026 có 249 ngày làm việc." in html


def test_the_installation_province_adds_its_own_days(client, province, settings):
    settings.MOTCUA_PROVINCE_CODE = "99"
    DayOverride.objects.create(
        date=date(2026, 3, 9), kind="off", name="Lễ hội tỉnh", legal_basis="QĐ 1", province=province.unit
    )
    html = page(client, 2026)
    assert "Lễ hội tỉnh" in html
    assert "Có tính các điều chỉnh riêng của Tỉnh Thử." in html


def test_the_page_shows_the_office_hours(client):
    assert "trong giờ 08:00–12:00, 13:00–17:00." in page(client, 2026)
