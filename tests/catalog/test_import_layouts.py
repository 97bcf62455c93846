"""Import as a province would use it: the national flat layout (CSV and Excel with title rows), dry runs,
row-by-row outcomes and the report, a publication decision in the file, round trips of structured data."""

import csv
import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from motcua.catalog import selectors
from motcua.catalog.models import LimitCase, Procedure, ProcedureVersion, PublicationDecision, VersionChannel
from motcua.core.models import AuditEvent
from tests.catalog.factories import SectorFactory, content, published
from tests.catalog.test_structured_limits import structured

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cấp thực hiện",
    "Cách thức thực hiện",
    "Thời hạn giải quyết",
    "Phí, lệ phí",
    "Thành phần hồ sơ",
    "Đối tượng thực hiện",
    "Cơ quan thực hiện",
    "Trình tự thực hiện",
    "Kết quả thực hiện",
    "Căn cứ pháp lý",
    "Loại mã",
]
ROWS = [
    [
        "1",
        "1.001193",
        "Đăng ký khai sinh",
        "Hộ tịch",
        "Cấp Xã",
        "Trực tiếp; Trực tuyến; Dịch vụ bưu chính",
        "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì trả trong ngày làm việc "
        "tiếp theo",
        "Miễn lệ phí",
        "- Tờ khai đăng ký khai sinh theo mẫu (01 bản chính)\n- Giấy chứng sinh (01 bản chính)",
        "Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài",
        "Ủy ban nhân dân cấp xã",
        "Bước 1: nộp hồ sơ. Bước 2: kiểm tra, ghi sổ, trả kết quả.",
        "Giấy khai sinh",
        "Luật Hộ tịch năm 2014",
        "",
    ],
    [
        "2",
        "C08_XPHCDB",
        "Xác nhận thông tin hộ tịch",
        "Hộ tịch",
        "Cấp Tỉnh",
        "Trực tiếp",
        "03 ngày làm việc; trường hợp phải xác minh thì không quá 05 ngày làm việc",
        "Lệ phí: 10.000 đồng/hồ sơ",
        "Tờ khai (01 bản chính)",
        "Cán bộ, công chức, viên chức; Tổ chức (không bao gồm doanh nghiệp, HTX)",
        "Sở Tư pháp",
        "Nộp hồ sơ; giải quyết; trả kết quả.",
        "Văn bản xác nhận",
        "Nghị định 123/2015/NĐ-CP",
        "Mã riêng",
    ],
]


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("catalog", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
        err.write(str(error))
    return code, out.getvalue(), err.getvalue()


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def civil_status():
    return SectorFactory(code="G09-TP01", name="Hộ tịch")


def test_the_national_flat_layout_as_csv_keeps_the_law_s_meaning(tmp_path, civil_status):
    code, out, err = run("import", write_csv(tmp_path / "tthc.csv", ROWS))
    assert code == 0, err
    assert "Mới 2" in out
    birth = selectors.open_draft(Procedure.objects.get(national_code="1.001193"))
    assert sorted(birth.channels.values_list("channel", flat=True)) == ["direct", "online", "postal"]
    direct = birth.channels.get(channel="direct")
    assert (direct.time_unit, f"{direct.cutoff:%H:%M}") == ("sd", "15:00")
    assert direct.time_limit_text.startswith("Ngay trong ngày")
    assert birth.applicants == ["citizen", "overseas"]
    first = birth.documents.first()
    assert (first.name, first.originals) == (
        "Tờ khai đăng ký khai sinh theo mẫu (01 bản chính)",
        1,
    )
    local = Procedure.objects.get(national_code="C08_XPHCDB")
    assert local.code_kind == "local"
    draft = selectors.open_draft(local)
    assert draft.applicants == ["official", "organisation"]
    channel = draft.channels.get()
    assert (channel.time_limit, channel.time_unit, channel.fee) == (3, "d", 10000)
    case = LimitCase.objects.get(channel=channel)
    assert (case.condition, case.time_limit, case.at_most) == ("phải xác minh", 5, True)


def test_the_national_layout_in_excel_with_title_rows_above_the_header(tmp_path, civil_status):
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH"])
    sheet.append(["(Ban hành kèm theo Quyết định số 1/QĐ-UBND)"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "phu-luc.xlsx"
    book.save(path)
    code, _out, err = run("import", path)
    assert code == 0, err
    assert Procedure.objects.count() == 2


def test_a_mistyped_national_code_and_an_unreadable_time_limit_are_reported_on_their_row(
    tmp_path, civil_status
):
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[0][1] = "1.00119"
    rows[1][6] = "theo quy định"
    code, _out, err = run("import", write_csv(tmp_path / "bad.csv", rows))
    assert code == 2
    assert "csv:2:national_code: Mã '1.00119' không đúng dạng" in err
    assert "csv:3:time_limit_text: không đọc được thời hạn 'theo quy định'" in err
    assert not Procedure.objects.exists()


def test_a_dry_run_reports_every_row_and_writes_nothing(tmp_path, civil_status):
    events = AuditEvent.objects.count()
    report = tmp_path / "report.csv"
    code, out, _err = run("import", write_csv(tmp_path / "tthc.csv", ROWS), "--dry-run", "--report", report)
    assert code == 0
    assert "Chạy thử" in out
    assert "csv:2 1.001193 Tạo mới / created" in out
    assert not Procedure.objects.exists()
    assert AuditEvent.objects.count() == events
    lines = list(csv.reader(report.open(encoding="utf-8")))
    assert lines[0] == ["sheet", "row", "national_code", "name", "action", "messages"]
    assert [line[2] for line in lines[1:]] == ["1.001193", "C08_XPHCDB"]


def test_a_refused_file_still_says_what_each_row_would_have_done(tmp_path, civil_status):
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[1][1] = "C08-XPHCDB!"
    report = tmp_path / "report.csv"
    code, _out, _err = run("import", write_csv(tmp_path / "bad.csv", rows), "--report", report)
    assert code == 2
    outcomes = {line[2]: line[4] for line in csv.reader(report.open(encoding="utf-8"))}
    assert outcomes["1.001193"] == "Tạo mới / created"
    assert outcomes["C08-XPHCDB!"] == "Từ chối / refused"
    assert not Procedure.objects.exists()


def test_an_incomplete_procedure_is_imported_as_a_draft_and_its_gaps_are_reported(tmp_path, civil_status):
    rows = [list(ROWS[0])]
    rows[0][11] = ""  # no sequence
    code, out, _err = run("import", write_csv(tmp_path / "gap.csv", rows))
    assert code == 0
    assert "thiếu / not publishable yet, missing: trình tự thực hiện" in out
    assert Procedure.objects.filter(national_code="1.001193").exists()


def test_a_collision_is_reported_and_never_overwrites(tmp_path, civil_status):
    published(national_code="C08_XPHCDB", code_kind="local", name="Thủ tục đã có")
    rows = [list(ROWS[1])]
    rows[0][1] = "c08_xphcdb"
    code, _out, err = run("import", write_csv(tmp_path / "clash.csv", rows))
    assert code == 2
    assert "trùng với thủ tục đã có 'C08_XPHCDB'" in err
    assert list(Procedure.objects.values_list("national_code", "name")) == [("C08_XPHCDB", "Thủ tục đã có")]


def test_a_decision_in_the_file_versions_amended_and_abolished_procedures(tmp_path):
    amended = published(name="Đăng ký kết hôn")
    ended = published(name="Cấp bản sao trích lục")
    item = content(national_code=amended.national_code, name="Đăng ký kết hôn (sửa đổi)")
    decision = {
        "number": "2000/QĐ-UBND",
        "title": "Công bố thủ tục sửa đổi, bãi bỏ",
        "signed_on": "01/09/2025",
        "signer": "Chủ tịch UBND tỉnh",
        "effective_from": "15/09/2025",
        "legal_documents": "Nghị định 120/2025/NĐ-CP",
        "abolish": [ended.national_code],
    }
    path = tmp_path / "qd.json"
    path.write_text(json.dumps({"procedures": [item], "decision": decision}, ensure_ascii=False))
    code, out, err = run("import", path)
    assert code == 0, err
    assert "phiên bản mới 2" in out
    assert "Quyết định 2000/QĐ-UBND" in out
    latest = selectors.latest_version(amended)
    assert (latest.number, latest.change_kind, latest.name) == (2, "amended", "Đăng ký kết hôn (sửa đổi)")
    assert latest.valid_from == date(2025, 9, 15)
    assert selectors.latest_version(ended).change_kind == "abolished"
    assert not ProcedureVersion.objects.filter(decision__isnull=True).exists()


def test_a_decision_in_the_file_names_its_issuer_and_the_day_it_was_posted(tmp_path, province):
    amended = published(name="Đăng ký kết hôn")
    item = content(national_code=amended.national_code, name="Đăng ký kết hôn (sửa đổi)")
    decision = {
        "number": "2002/QĐ-UBND",
        "title": "Công bố thủ tục sửa đổi",
        "signed_on": "2025-09-01",
        "signer": "Chủ tịch UBND tỉnh",
        "effective_from": "2025-09-15",
        "legal_documents": "Nghị định 120/2025/NĐ-CP",
        "issuer": "NOPE",
        "posted_on": "2025-09-04",
    }
    path = tmp_path / "qd.json"
    path.write_text(json.dumps({"procedures": [item], "decision": decision}, ensure_ascii=False))
    code, _out, err = run("import", path)
    assert code == 2
    assert "no agency NOPE" in err
    path.write_text(
        json.dumps(
            {"procedures": [item], "decision": {**decision, "issuer": province.committee.code}},
            ensure_ascii=False,
        )
    )
    code, _out, err = run("import", path)
    assert code == 0, err
    issued = PublicationDecision.objects.get(number="2002/QĐ-UBND")
    assert (issued.issuer, issued.posted_on) == (province.committee, date(2025, 9, 4))


def test_a_decision_that_cannot_be_issued_refuses_the_whole_file(tmp_path):
    amended = published(name="Đăng ký kết hôn")
    item = content(national_code=amended.national_code, name="Đăng ký kết hôn (sửa đổi)")
    decision = {
        "number": "2001/QĐ-UBND",
        "title": "Công bố",
        "signed_on": "01/06/2025",
        "signer": "Chủ tịch",
        "effective_from": "01/06/2025",  # before the version in force: refused by the service
        "legal_documents": "Luật",
    }
    path = tmp_path / "qd.json"
    path.write_text(json.dumps({"procedures": [item], "decision": decision}, ensure_ascii=False))
    code, _out, err = run("import", path)
    assert code == 2
    assert "decision:2:" in err
    assert not ProcedureVersion.objects.filter(decision__isnull=True).exists()
    assert selectors.latest_version(amended).number == 1


@pytest.mark.parametrize("suffix", ["json", "xlsx"])
def test_structured_limits_and_fee_tables_survive_a_round_trip(tmp_path, suffix):
    published(**{k: v for k, v in structured().items() if k != "national_code"})
    path = tmp_path / f"catalog.{suffix}"
    assert run("export", path)[0] == 0
    events = AuditEvent.objects.count()
    code, out, _err = run("import", path)
    assert (code, "giữ nguyên 1" in out) == (0, True), out
    assert AuditEvent.objects.count() == events
    assert VersionChannel.objects.count() == 3
