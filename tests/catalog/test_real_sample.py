"""The sample of real procedures (tests/data/catalog_real, sources in its SOURCES.md) imports as published:
the law's wording kept, time limits structured, incomplete procedures reported part by part."""

from pathlib import Path

import pytest
from django.core.management import call_command

from motcua.catalog import selectors
from motcua.catalog.models import LimitCase, Procedure, Sector
from motcua.catalog.transfer import Action, import_catalog

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "catalog_real" / "procedures.csv"
SECTORS = {
    "G09-TN01": "Đất đai",
    "G09-TP10": "Đăng ký biện pháp bảo đảm",
    "G09-TP01": "Hộ tịch",
    "G09-TP03": "Chứng thực",
    "G09-CA01": "Đăng ký, quản lý cư trú",
    "G09-CA02": "Căn cước",
    "G09-TP04": "Lý lịch tư pháp",
    "G09-CA03": "Quản lý xuất nhập cảnh",
    "G09-CA04": "Đường bộ",
    "G09-CA05": "Xử phạt vi phạm hành chính",
}


@pytest.fixture
def sectors():
    for code, name in SECTORS.items():
        Sector.objects.create(code=code, name=name)


def test_the_real_sample_has_at_least_50_procedures_from_several_sectors_and_levels():
    import csv

    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    assert len(rows) >= 50
    assert len({r["Lĩnh vực"] for r in rows}) >= 5
    assert {r["Cấp thực hiện"] for r in rows} >= {"Cấp Xã", "Cấp Tỉnh"}
    assert all(r["Nguồn"] for r in rows)


def test_the_real_sample_imports_with_its_meaning_kept(sectors):
    report = import_catalog(SAMPLE, partial=True)
    refused = {r.code: r.messages for r in report.rows if r.action == Action.REFUSED}
    assert not refused
    assert report.created == len(report.rows) >= 50
    assert not report.problems, report.problems[:5]
    mortgage = selectors.open_draft(Procedure.objects.get(national_code="1.011441"))
    direct = mortgage.channels.get(channel="direct")
    assert direct.time_unit == "sd"
    assert direct.time_limit_text.startswith("Trong ngày làm việc")
    first_grant = selectors.open_draft(Procedure.objects.get(national_code="1.012753"))
    limit = first_grant.channels.get(channel="direct")
    assert (limit.time_limit_min, limit.time_limit, limit.time_unit) == (17, 20, "cd")
    area = LimitCase.objects.get(channel=limit)
    assert (area.condition, area.time_limit_min, area.time_limit) == ("vùng khó khăn, hải đảo", 27, 30)
    assert first_grant.applicants == ["business", "fdi_business", "organisation", "foreign_organisation"]
    assert Procedure.objects.get(national_code="C08_XPHCDB").code_kind == "local"
    gaps = {r.code: " ".join(r.messages) for r in report.rows}
    assert "kết quả thực hiện" in gaps["1.012753"]
    assert "thời hạn giải quyết" in gaps["1.004884"]


def test_importing_the_sample_twice_changes_nothing(sectors, tmp_path):
    import_catalog(SAMPLE, partial=True)
    again = import_catalog(SAMPLE, partial=True)
    assert again.created == again.changed == again.versioned == 0
    path = tmp_path / "export.json"
    call_command("catalog", "export", str(path))
    before = path.read_text()
    import_catalog(path)
    call_command("catalog", "export", str(path))
    assert path.read_text() == before
