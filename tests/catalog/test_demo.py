"""The demo catalog loads, is complete enough to demonstrate, and loading it twice changes nothing."""

import json
from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from motcua.catalog import selectors
from motcua.catalog.models import AgencyProcedure, Procedure, Process
from motcua.catalog.search import search_procedures
from motcua.core.models import AuditEvent
from motcua.demo import catalog as demo_catalog
from motcua.dossiers import deadlines

pytestmark = pytest.mark.django_db


def test_load_demo_twice():
    call_command("load_demo", stdout=None)
    events = AuditEvent.objects.count()
    call_command("load_demo")
    assert AuditEvent.objects.count() == events
    assert Procedure.objects.count() >= 40
    for procedure in Procedure.objects.all():
        assert selectors.version_in_force(procedure) is not None
        if procedure.national_code == "1.013250":
            continue  # just pulled from the national database: the province has not set its process yet
        assert Process.objects.filter(procedure=procedure).exists()
    birth = Procedure.objects.get(national_code="1.001193")
    assert AgencyProcedure.objects.filter(procedure=birth).count() == 8
    # Criminal-record certificates are the police's since 1/3/2025 (issue 13, problem 11): the provincial
    # police applies both procedures, the sector is managed by the Ministry of Public Security.
    for code in ("3.000333",):
        applied = AgencyProcedure.objects.get(procedure__national_code=code)
        assert applied.agency.code == "000.00.08.H99"
        assert applied.agency.name == "Công an tỉnh Minh Sơn"
        version = selectors.version_in_force(applied.procedure)
        assert version.sector.managing_body == "Bộ Công an"
        assert version.competent_agency.startswith("Công an tỉnh")
        assert version.vertical_sector
        assert "Bộ Công an từ ngày 01/3/2025" in version.legal_basis
    assert not AgencyProcedure.objects.filter(
        agency__code="000.00.03.H99", procedure__sector__code="G09-TP03"
    )
    # The two-level local government (1/7/2025): nothing is applied by a district committee that ended then,
    # and every commune procedure is applied by all eight commune committees.
    assert not AgencyProcedure.objects.filter(agency__valid_to__lt=date(2025, 7, 1)).exists()
    # The national database's codes (issue 13, problem 11): 1.004222 permanent, 1.004194 temporary residence.
    assert Procedure.objects.get(national_code="1.004222").name == "Đăng ký thường trú"
    assert Procedure.objects.get(national_code="1.004194").name == "Đăng ký tạm trú"
    assert search_procedures("lay vo")[0].name == "Đăng ký kết hôn"
    # The posted hours are the row the clock counts with (issue 13, problem 11): "1 working day" is 7 h 30
    # min, so every process above was imported against that (the import refuses one longer than its limit);
    # Saturday morning receives dossiers but is not counted.
    calendar = deadlines.working_calendar(date(2026, 3, 11))
    assert calendar.day_length == timedelta(hours=7, minutes=30)
    wednesday, saturday = date(2026, 3, 11), date(2026, 3, 14)
    opening = [(begin.time(), end.time()) for begin, end in calendar.reception_periods(wednesday)]
    assert opening == [(time(7, 30), time(11, 30)), (time(13, 30), time(17, 0))]
    saturday_opening = [(begin.time(), end.time()) for begin, end in calendar.reception_periods(saturday)]
    assert saturday_opening == [(time(7, 30), time(11, 30))]
    assert not calendar.is_working_day(saturday)
    assert search_procedures("xin so do lan dau")[0].procedure.national_code == "1.012766"


def test_a_defect_in_a_demo_catalog_file_stops_the_load_with_the_import_report(tmp_path):
    """The demo catalog files go through the catalog import's own checks, like a province's file."""
    data = json.loads((demo_catalog.FILES / "110-G07-YT01.json").read_text(encoding="utf-8"))
    data["procedures"][0]["channels"][0]["time_unit"] = "weeks"
    (tmp_path / "110-bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(
        ValidationError, match=r"110-bad\.json: .*channels:1:time_unit: .*invalid value 'weeks'"
    ):
        demo_catalog.load(tmp_path)
    assert not Procedure.objects.filter(national_code=data["procedures"][0]["national_code"]).exists()
