"""Pulling the national TTHC database (issue 22) against its simulator over real HTTP: its publication
decisions go through the catalog's own import (new procedures created and published by the decision, a
changed one gets a new version, an abolished one ends), a dry run writes nothing and says what would change,
a decision already in the catalog is skipped, the database down changes nothing; the control officer runs
it from a page, the administrator from a command."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from motcua.catalog import selectors
from motcua.catalog.models import Procedure, PublicationDecision, Sector
from motcua.catalog.national_sync import pull
from motcua.catalog.transfer import Action
from motcua.integrations.national_catalog.simulator import NationalCatalogSimulator
from tests.factories import StaffFactory
from tests.integrations.portal_server import serving

TOKEN = "csdl-test-token"


@pytest.fixture
def database(settings):
    simulator = NationalCatalogSimulator(token=TOKEN)
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_CATALOG_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_CATALOG = {"base_url": url, "token": TOKEN, "timeout": 2}
        yield simulator


def procedure(code: str, name: str, **overrides) -> dict:
    item = {
        "MaTTHC": code,
        "TenTTHC": name,
        "MaLinhVuc": "G09-TP01",
        "TenLinhVuc": "Hộ tịch",
        "CapThucHien": "Cấp xã",
        "LoaiTTHC": "TTHC không được luân chuyển",
        "DoiTuongThucHien": "Công dân Việt Nam",
        "CoQuanThucHien": "Ủy ban nhân dân cấp xã",
        "CoQuanCoThamQuyen": "Ủy ban nhân dân cấp xã",
        "TrinhTuThucHien": "Bước 1: Nộp hồ sơ.\nBước 2: Công chức tư pháp - hộ tịch kiểm tra, ghi sổ.",
        "CachThucThucHien": "Trực tiếp; Trực tuyến; Bưu chính",
        "ThanhPhanHoSo": "- Tờ khai đăng ký: 01 bản chính\n- Giấy tờ tùy thân: 01 bản sao",
        "ThoiHanGiaiQuyet": "03 ngày làm việc",
        "PhiLePhi": "Miễn lệ phí",
        "KetQuaThucHien": "Giấy chứng nhận",
        "YeuCauDieuKien": "",
        "CanCuPhapLy": "Luật Hộ tịch 2014",
        "MucDoDVC": "Toàn trình",
        "KhongPhuThuocDiaGioi": True,
    }
    item.update(overrides)
    return item


def decision(number: str, effective: str, items: list[dict], **overrides) -> dict:
    return {
        "SoQuyetDinh": number,
        "TrichYeu": "Công bố thủ tục hành chính lĩnh vực hộ tịch",
        "NgayBanHanh": "2026-06-10",
        "NguoiKy": "Bộ trưởng Bộ Tư pháp",
        "NgayHieuLuc": effective,
        "CanCuPhapLy": "Nghị định 63/2010/NĐ-CP",
        "ThuTuc": items,
        **overrides,
    }


def test_a_dry_run_says_what_would_change_and_writes_nothing(database, db):
    database.publish(
        decision(
            "101/QĐ-BTP",
            "2026-07-01",
            [procedure("1.001193", "Đăng ký khai sinh"), procedure("1.001022", "Đăng ký kết hôn")],
        )
    )
    report = pull(actor=None, dry_run=True)
    ((outcome),) = report.decisions
    assert outcome.number == "101/QĐ-BTP"
    assert not outcome.report.problems, outcome.report.problems
    assert report.count(Action.CREATED) == 2
    assert not Procedure.objects.exists()
    assert not PublicationDecision.objects.exists()
    assert not Sector.objects.filter(code="G09-TP01").exists()


def test_decisions_create_then_version_then_abolish_procedures_through_the_import(database, db):
    database.publish(
        decision(
            "101/QĐ-BTP",
            "2026-07-01",
            [procedure("1.001193", "Đăng ký khai sinh"), procedure("1.001022", "Đăng ký kết hôn")],
        )
    )
    database.publish(
        decision(
            "202/QĐ-BTP",
            "2026-09-01",
            [procedure("1.001193", "Đăng ký khai sinh", ThoiHanGiaiQuyet="02 ngày làm việc")],
            BaiBo=["1.001022"],
        )
    )
    report = pull(actor=None, dry_run=False)

    first, second = report.decisions
    assert [r.action for r in first.report.rows] == [Action.CREATED, Action.CREATED]
    assert {r.code: r.action for r in second.report.rows} == {
        "1.001193": Action.VERSIONED,
        "1.001022": Action.VERSIONED,  # ended by the abolition
    }
    birth = Procedure.objects.get(national_code="1.001193")
    assert birth.sector.name == "Hộ tịch"
    july = selectors.version_in_force(birth, date(2026, 7, 15))
    september = selectors.version_in_force(birth, date(2026, 9, 15))
    assert july.decision.number == "101/QĐ-BTP"
    assert september.decision.number == "202/QĐ-BTP"
    assert [c.time_limit for c in july.channels.all()][:1] != [
        c.time_limit for c in september.channels.all()
    ][:1]
    assert (
        selectors.version_in_force(Procedure.objects.get(national_code="1.001022"), date(2026, 9, 15)) is None
    )
    decision_202 = PublicationDecision.objects.get(number="202/QĐ-BTP")
    assert (decision_202.signer, decision_202.effective_from) == ("Bộ trưởng Bộ Tư pháp", date(2026, 9, 1))

    # Run again (the nightly schedule): both decisions are in the catalog, nothing changes.
    again = pull(actor=None, dry_run=False)
    assert [o.skipped for o in again.decisions] == [True, True]
    assert PublicationDecision.objects.count() == 2


def test_a_decision_with_an_unreadable_procedure_is_refused_whole_and_said_why(database, db):
    database.publish(
        decision(
            "303/QĐ-BTP",
            "2026-07-01",
            [procedure("1.001193", "Đăng ký khai sinh", ThoiHanGiaiQuyet="tùy trường hợp")],
        )
    )
    database.publish({"SoQuyetDinh": "404/QĐ-BTP", "ThuTuc": "?"})
    report = pull(actor=None, dry_run=False)
    by_number = {o.number: o for o in report.decisions}
    refused, malformed = by_number["303/QĐ-BTP"], by_number["404/QĐ-BTP"]
    assert refused.report.refused
    assert any("không đọc được thời hạn" in str(p) for p in refused.report.problems)
    assert "ThuTuc" in malformed.problem
    assert len(report.refused) == 2
    assert not Procedure.objects.exists()


def test_the_database_down_changes_nothing_and_the_command_says_so(database, db, capsys):
    database.publish(decision("101/QĐ-BTP", "2026-07-01", [procedure("1.001193", "Đăng ký khai sinh")]))
    database.fail_next(status=503)
    assert pull(actor=None, dry_run=False).unavailable == "HTTP 503"
    database.fail_next(status=500)
    with pytest.raises(CommandError, match="Không kết nối được CSDL quốc gia về TTHC"):
        call_command("catalog_national", "--apply")

    call_command("catalog_national")  # a dry run
    assert "Chạy thử" in capsys.readouterr().out
    assert not Procedure.objects.exists()
    call_command("catalog_national", "--apply", "--since", "2026-07-01")
    out = capsys.readouterr().out
    assert "1.001193 Đăng ký khai sinh: Tạo mới" in out
    assert Procedure.objects.filter(national_code="1.001193").exists()


def test_the_control_officer_previews_then_applies_from_the_page(database, client, db):
    from motcua.org.models import Role
    from tests.factories import AgencyFactory, RoleAssignmentFactory

    database.publish(decision("101/QĐ-BTP", "2026-07-01", [procedure("1.001193", "Đăng ký khai sinh")]))
    officer = StaffFactory(username="kiemsoat", full_name="Cán bộ kiểm soát TTHC")
    RoleAssignmentFactory(user=officer, agency=AgencyFactory(), role=Role.CONTROL_OFFICER)
    client.force_login(officer)

    page = client.get("/thu-tuc/quan-ly/csdl-quoc-gia/")
    assert page.status_code == 200
    preview = client.post("/thu-tuc/quan-ly/csdl-quoc-gia/", {"since": ""})
    text = preview.content.decode()
    assert "101/QĐ-BTP" in text
    assert "Tạo mới" in text
    assert "chưa ghi" in text
    assert not Procedure.objects.exists()

    client.post("/thu-tuc/quan-ly/csdl-quoc-gia/", {"since": "2026-01-01", "apply": "1"})
    assert Procedure.objects.filter(national_code="1.001193").exists()

    assert client.post("/thu-tuc/quan-ly/csdl-quoc-gia/", {"since": "hôm qua"}).status_code == 400
    client.logout()
    client.force_login(StaffFactory(username="khac"))
    assert client.get("/thu-tuc/quan-ly/csdl-quoc-gia/").status_code == 403
