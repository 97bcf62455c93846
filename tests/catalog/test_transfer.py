"""`motcua catalog import/export`: refusal listing all problems, --partial, idempotency, round trip."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.transfer import SHEETS
from motcua.core.models import AuditEvent
from tests.catalog.factories import SectorFactory, content, published

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("catalog", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
        err.write(str(error))
    return code, out.getvalue(), err.getvalue()


def write_json(path, procedures, sectors=()):
    path.write_text(json.dumps({"sectors": list(sectors), "procedures": procedures}, ensure_ascii=False))
    return path


def good_items():
    SectorFactory(code="G09-TP01", name="Hộ tịch")
    return [content(name="Đăng ký khai sinh"), content(name="Đăng ký kết hôn")]


def test_a_good_file_is_imported_as_drafts(tmp_path):
    code, out, _err = run("import", write_json(tmp_path / "a.json", good_items()))
    assert code == 0
    assert "Mới 2" in out
    assert ProcedureVersion.objects.filter(decision__isnull=True).count() == 2


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = write_json(tmp_path / "a.json", good_items())
    run("import", path)
    events = AuditEvent.objects.count()
    code, out, _err = run("import", path)
    assert code == 0
    assert "giữ nguyên 2" in out
    assert AuditEvent.objects.count() == events


def test_a_bad_file_is_refused_whole_with_every_problem(tmp_path):
    items = good_items()
    items[0]["levels"] = ["huyen-xa"]
    items[0]["channels"][0]["time_limit"] = "ba ngày"
    items[1]["sector"] = "KHONG-CO"
    items[1]["documents"][0]["mandatory"] = "không"
    code, _out, err = run("import", write_json(tmp_path / "bad.json", items))
    assert code == 2
    lines = [line for line in err.splitlines() if line.count(":") >= 3]
    assert "procedures:1:levels: giá trị 'huyen-xa' không hợp lệ" in err
    assert "channels:1:time_limit: 'ba ngày' không phải thời hạn hợp lệ" in err
    assert "procedures:2:sector: không có lĩnh vực mã 'KHONG-CO' / unknown sector 'KHONG-CO'" in err
    assert "documents:2:condition:" in err
    assert len(lines) == 4
    assert "Traceback" not in err
    assert not Procedure.objects.exists()


def test_partial_imports_the_good_procedures_and_reports_the_bad(tmp_path):
    items = good_items()
    items[1]["online_level"] = "toan-trinh"
    code, out, err = run("import", write_json(tmp_path / "bad.json", items), "--partial")
    assert code == 2
    assert "Mới 1" in out
    assert "bỏ qua 1" in out
    assert "procedures:2:online_level:" in err
    assert list(Procedure.objects.values_list("name", flat=True)) == ["Đăng ký khai sinh"]


def test_unreadable_files_exit_2_without_traceback(tmp_path):
    (tmp_path / "x.json").write_text("{not json")
    assert run("import", tmp_path / "x.json")[0] == 2
    (tmp_path / "x.csv").write_text("a,b")
    assert run("import", tmp_path / "x.csv")[0] == 2
    assert run("import", tmp_path / "missing.xlsx")[0] == 2


@pytest.mark.parametrize("suffix", ["json", "xlsx"])
def test_export_then_import_round_trip(tmp_path, suffix):
    published(
        name="Chứng thực bản sao từ bản chính",
        levels=["commune", "province"],
        channels=[
            {
                "channel": "direct",
                "time_limit": "0.5",
                "time_unit": "d",
                "fee": 2000,
                "description": "Trong ngày",
            }
        ],
    )
    published(name="Đăng ký khai sinh")
    path = tmp_path / f"catalog.{suffix}"
    assert run("export", path)[0] == 0
    code, out, _err = run("import", path)
    assert (code, "giữ nguyên 2" in out) == (0, True), out
    assert not ProcedureVersion.objects.filter(decision__isnull=True).exists()
    again = tmp_path / f"again.{suffix}"
    run("export", again)
    if suffix == "json":
        assert json.loads(path.read_text()) == json.loads(again.read_text())


def test_excel_layout_with_a_problem_row(tmp_path):
    SectorFactory(code="G09-TP01", name="Hộ tịch")
    book = Workbook()
    book.remove(book.active)
    for name, columns in SHEETS.items():
        book.create_sheet(name).append(list(columns))
    book["procedures"].append(["1.000001", "Đăng ký khai tử", "G09-TP01", "commune"])
    book["procedures"].append(["1.000002", "", "G09-TP01", "commune"])
    book["channels"].append(["1.000001", "direct", "3", "d", 0, ""])
    path = tmp_path / "catalog.xlsx"
    book.save(path)
    code, _out, err = run("import", path)
    assert code == 2
    assert "procedures:3:name: thiếu giá trị bắt buộc / required value missing" in err
