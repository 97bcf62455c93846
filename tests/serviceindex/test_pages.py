"""The public page, the officer's dashboard and drill-down, the Excel export and the JSON API over HTTP."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from motcua.org.models import Role

MARCH = "ky=month&nam=2026&thang=3"


def test_public_page_shows_the_index_and_no_personal_data(client, scenario):
    response = client.get(f"/chi-so-phuc-vu/?{MARCH}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="province-percent">74,96' in html  # Vietnamese decimal comma (test_scenario)
    assert "UBND Xã A" in html
    assert "UBND Xã B" in html
    assert 'data-code="1.4" data-status="scored"' in html  # the portal sync outbox is its source
    assert 'data-code="3.3" data-status="no_source"' in html
    for personal in ("Nguyễn Văn Thử", "001099012345", "0912345678", "T-0"):
        assert personal not in html


def test_a_bad_period_is_a_message_not_an_error(client, db):
    response = client.get("/chi-so-phuc-vu/?ky=month&nam=2026&thang=13")
    assert response.status_code == 200
    assert "Kỳ không hợp lệ" in response.content.decode()
    api = client.get("/api/v1/index/?ky=range&tu=2026-03-10&den=2026-03-01")
    assert api.status_code == 400
    assert "Invalid period" in api.json()["detail"]


def test_dashboard_lists_only_the_agencies_in_scope(client, scenario, make_staff):
    a = scenario.a
    officer = make_staff(a, Role.AGENCY_LEADER)
    client.force_login(officer)
    html = client.get(f"/chi-so-phuc-vu/quan-ly/?{MARCH}").content.decode()
    assert "UBND Xã A" in html
    assert "UBND Xã B" not in html
    detail = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/?{MARCH}")
    assert detail.status_code == 200
    assert "78,79/100" in detail.content.decode()
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{scenario.b.pk}/?{MARCH}").status_code == 404


def test_drill_down_lists_the_dossiers_behind_a_number_within_scope(client, scenario, make_staff):
    a, b = scenario.a, scenario.b
    client.force_login(make_staff(a, Role.AGENCY_LEADER))
    late = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/2.1/denominator/?{MARCH}").content.decode()
    on_time = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/2.1/numerator/?{MARCH}").content.decode()
    assert late.count("<tr><td><a href=") == 4
    assert on_time.count("<tr><td><a href=") == 3
    assert "Quá hạn" in late
    assert "Quá hạn" not in on_time
    # Another commune's rows, an unknown indicator or part, an indicator without a source: not found.
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{b.pk}/2.1/numerator/?{MARCH}").status_code == 404
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/9.9/numerator/?{MARCH}").status_code == 404
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/2.1/other/?{MARCH}").status_code == 404
    assert client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/3.3/numerator/?{MARCH}").status_code == 404


def test_drill_down_of_the_sync_rate_lists_the_dossiers_synced_and_changed(client, scenario, make_staff):
    """1.4 for A in March: a1, a3, a5 synced of a1–a5 changed (test_scenario)."""
    a = scenario.a
    client.force_login(make_staff(a, Role.AGENCY_LEADER))
    changed = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/1.4/denominator/?{MARCH}")
    synced = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{a.pk}/1.4/numerator/?{MARCH}")
    assert changed.status_code == synced.status_code == 200
    assert changed.content.decode().count("<tr><td><a href=") == 5
    assert synced.content.decode().count("<tr><td><a href=") == 3


def test_b_officer_drill_down_shows_only_b_dossiers(client, scenario, make_staff):
    b = scenario.b
    client.force_login(make_staff(b, Role.AGENCY_LEADER))
    html = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{b.pk}/2.1/denominator/?{MARCH}").content.decode()
    assert html.count("<tr><td><a href=") == 2


def test_citizens_and_visitors_do_not_reach_the_dashboard(client, scenario):
    assert client.get("/chi-so-phuc-vu/quan-ly/").status_code == 302


def test_excel_export_has_every_table(client, scenario):
    response = client.get(f"/chi-so-phuc-vu/xuat-excel/?{MARCH}")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert len(book.sheetnames) == 4
    agencies = book.worksheets[1]
    names = [row[1] for row in agencies.iter_rows(min_row=3, values_only=True)]
    assert names == ["UBND Xã A", "UBND Xã B"]
    assert book.worksheets[0].cell(row=3, column=5).value == pytest.approx(74.96)


def test_an_agency_name_that_looks_like_a_formula_is_exported_as_text(client, scenario):
    scenario.a.name = '=HYPERLINK("http://x.example","UBND")'
    scenario.a.save()
    book = load_workbook(BytesIO(client.get(f"/chi-so-phuc-vu/xuat-excel/?{MARCH}").content))
    written = [c for row in book.worksheets[1].iter_rows() for c in row if c.value == scenario.a.name]
    assert written
    assert all(c.data_type == "s" and c.quotePrefix for c in written)  # core.spreadsheets


def test_json_api(client, scenario):
    data = client.get(f"/api/v1/index/?{MARCH}").json()
    assert data["province"]["percent"] == "74.96"
    assert [(a["name"], a["rank"]) for a in data["agencies"]] == [("UBND Xã A", 1), ("UBND Xã B", 2)]
    one = client.get(f"/api/v1/index/agencies/{scenario.a.pk}/?{MARCH}").json()
    codes = {i["code"]: i for i in one["indicators"]}
    assert codes["2.1"]["points"] == "18.75"
    assert (codes["1.4"]["status"], codes["1.4"]["points"]) == ("scored", "4.50")  # 3 of 5 synced
    assert codes["3.3"]["status"] == "no_source"
    assert codes["3.3"]["points"] is None
    assert codes["5.1"]["status"] == "no_cases"  # the feedback rows are its source; none in March
    assert client.get(f"/api/v1/index/agencies/{scenario.province.department.pk}/?{MARCH}").status_code == 404


def test_a_period_without_weights_in_force_is_a_message_and_a_409(client, scenario, make_staff):
    """Before QĐ 766 (23/6/2022) no group, indicator or score rule is in force: no 500, no invented score."""
    html = client.get("/chi-so-phuc-vu/?ky=year&nam=2021").content.decode()
    assert 'id="not-in-force"' in html
    assert "Chưa có nhóm chỉ số, chỉ số nào của Bộ chỉ số có hiệu lực ngày 31/12/2021" in html
    assert client.get("/chi-so-phuc-vu/xuat-excel/?ky=year&nam=2021").status_code == 200
    api = client.get("/api/v1/index/?ky=year&nam=2021")
    assert api.status_code == 409
    assert api.json()["code"] == "conflict"
    assert "No group or indicator of the index is in force on 31/12/2021" in api.json()["detail"]
    english = client.get("/api/v1/index/?ky=year&nam=2021", HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 409
    client.force_login(make_staff(scenario.a, Role.AGENCY_LEADER))
    assert 'id="not-in-force"' in client.get("/chi-so-phuc-vu/quan-ly/?ky=year&nam=2021").content.decode()
    agency = client.get(f"/chi-so-phuc-vu/quan-ly/co-quan/{scenario.a.pk}/?ky=year&nam=2021")
    assert 'id="not-in-force"' in agency.content.decode()


def test_no_score_rule_in_force_is_a_message_and_a_409(client, scenario):
    from motcua.serviceindex.models import ScoreRule

    ScoreRule.objects.all().delete()
    html = client.get(f"/chi-so-phuc-vu/?{MARCH}").content.decode()
    assert "Chưa có quy tắc tính điểm của Bộ chỉ số có hiệu lực ngày 31/03/2026" in html
    api = client.get(f"/api/v1/index/agencies/{scenario.a.pk}/?{MARCH}")
    assert api.status_code == 409
    assert "No score rule of the index is in force on 31/03/2026" in api.json()["detail"]


def test_the_first_period_with_weights_has_no_change_instead_of_an_error(client, scenario):
    """23–30/6/2022 is scored with QĐ 766; the range before it (15–22/6) ends before the decision."""
    response = client.get("/api/v1/index/?ky=range&tu=2022-06-23&den=2022-06-30")
    assert response.status_code == 200
    assert response.json()["province"]["change"] is None


def test_a_range_is_typed_as_vietnamese_dates(client, scenario):
    """Issue 17: the range's days are the forms' dd/mm/yyyy input (never the browser's date picker) and are
    read day first; the API keeps reading the ISO dates it documents."""
    typed = client.get("/chi-so-phuc-vu/?ky=range&tu=01/03/2026&den=31/03/2026")
    assert typed.status_code == 200
    page = typed.content.decode()
    assert 'type="date"' not in page
    assert 'name="tu" value="01/03/2026"' in page
    assert 'name="den" value="31/03/2026"' in page
    assert "Kỳ không hợp lệ" not in page
    assert client.get("/api/v1/index/?ky=range&tu=2026-03-01&den=2026-03-31").status_code == 200
    reversed_days = client.get("/chi-so-phuc-vu/?ky=range&tu=31/03/2026&den=01/03/2026").content.decode()
    assert "Kỳ không hợp lệ" in reversed_days
