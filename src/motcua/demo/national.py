"""Demo connections to the national systems, through their in-process simulators, so that `make run` shows
them on the status pages:

- the national TTHC database publishes a decision of the Ministry of Justice, pulled into the catalog (the
  procedure appears, published by the decision; a second load skips it, already in the catalog);
- two citizens submit on the National Public Service Portal to Minh Sơn's centre: one goes into the
  centre's checking queue with its papers, the other's file does not match its hash and waits on the
  integrations status page with the reason;
- the demo dossiers' changes are sent to the portal, a few answered 503 once (they wait for their retry),
  so the status page shows rates per agency (and indicator 1.4 of the service index has data);
- Minh Sơn's one-stop officer certifies an electronic copy of a birth certificate presented at the counter
  (its register page shows it, signed and numbered).
"""

import hashlib
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.catalog import national_sync
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.dossiers import certification, national_intake
from motcua.dossiers.models import CertifiedCopy
from motcua.integrations.models import PortalIntake
from motcua.integrations.national_catalog import client as catalog_client
from motcua.integrations.national_catalog.simulator import LOCAL as DATABASE
from motcua.integrations.portal import client, sync
from motcua.integrations.portal.simulator import LOCAL
from motcua.org.models import Agency, User

from . import records

UNANSWERED = 3
CENTRE, COMMITTEE = "000.01.41.H99", "000.00.41.H99"  # Minh Sơn's centre and committee (demo org)
# The smallest valid PDF: the intake checks each file's content against its kind.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load() -> dict[str, int]:
    counts = {
        "national decisions": _catalog(),
        "portal submissions": _intake(),
        "certified copies": _certified_copy(),
    }
    LOCAL.clear_faults()  # the simulator lives as long as the process: start from a known state
    LOCAL.fail_next(times=UNANSWERED, status=503)
    counts["portal sync"] = sync.push_due(limit=100_000, through=client.SimulatorPlugin())
    LOCAL.clear_faults()  # a second load with nothing to send must not leave 503s for the next sender
    return counts


def _catalog() -> int:
    today = timezone.localdate()
    DATABASE.decisions.clear()
    DATABASE.publish(
        {
            "SoQuyetDinh": "2206/QĐ-BTP",
            "TrichYeu": "Công bố thủ tục hành chính mới ban hành lĩnh vực hộ tịch (dữ liệu mẫu)",
            "NgayBanHanh": f"{today - timedelta(days=20):%Y-%m-%d}",
            "NguoiKy": "Bộ trưởng Bộ Tư pháp",
            "NgayHieuLuc": f"{today - timedelta(days=10):%Y-%m-%d}",
            "CanCuPhapLy": "Nghị định 63/2010/NĐ-CP; Luật Hộ tịch 2014",
            "ThuTuc": [_procedure()],
        }
    )
    report = national_sync.pull(actor=None, dry_run=False, plugin=catalog_client.SimulatorPlugin())
    return sum(1 for outcome in report.decisions if outcome.report and not outcome.report.refused)


def _procedure() -> dict:
    return {
        "MaTTHC": "1.013250",
        "TenTTHC": "Đăng ký khai sinh lưu động",
        "MaLinhVuc": "G09-TP01",
        "TenLinhVuc": "Hộ tịch",
        "CapThucHien": "Cấp xã",
        "LoaiTTHC": "TTHC không được luân chuyển",
        "DoiTuongThucHien": "Công dân Việt Nam",
        "CoQuanThucHien": "Ủy ban nhân dân cấp xã",
        "CoQuanCoThamQuyen": "Ủy ban nhân dân cấp xã",
        "TrinhTuThucHien": "Bước 1: Công chức tư pháp - hộ tịch đến nơi người dân cư trú.\n"
        "Bước 2: Kiểm tra giấy tờ, ghi sổ và trao giấy khai sinh.",
        "CachThucThucHien": "Trực tiếp",
        "ThanhPhanHoSo": "- Tờ khai đăng ký khai sinh: 01 bản chính\n- Giấy chứng sinh: 01 bản chính",
        "ThoiHanGiaiQuyet": "05 ngày làm việc",
        "PhiLePhi": "Miễn lệ phí",
        "KetQuaThucHien": "Giấy khai sinh",
        "YeuCauDieuKien": "Trẻ em có hoàn cảnh đặc biệt, người dân không thể đến trụ sở",
        "CanCuPhapLy": "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
        "MucDoDVC": "Một phần",
        "KhongPhuThuocDiaGioi": False,
    }


DEMO_SUBMISSIONS = ("G22.42-DEMO-0001", "G22.42-DEMO-0002")


def _intake() -> int:
    centre = Agency.objects.filter(code=CENTRE).first()
    committee = Agency.objects.filter(code=COMMITTEE).select_related("administrative_unit").first()
    procedure = (
        Procedure.objects.filter(applications__agency__code=COMMITTEE, national_code="1.001193").first()
        or Procedure.objects.filter(applications__agency__code=COMMITTEE).order_by("national_code").first()
    )
    if not (centre and committee and procedure):
        return 0
    if PortalIntake.objects.filter(national_code__in=DEMO_SUBMISSIONS).count() == len(DEMO_SUBMISSIONS):
        return 0  # loaded before: a second pull would retry the refused one and write its attempt again
    commune = committee.administrative_unit.code
    version = version_in_force(procedure)
    papers = [d.name for d in version.documents.all()] if version else []
    for code, name, number, altered in (
        ("G22.42-DEMO-0001", "Hoàng Thị Mai", "034199001234", False),
        ("G22.42-DEMO-0002", "Đỗ Văn Khoa", "034088005678", True),
    ):
        # One scanned PDF per paper of the procedure's list, as the portal's form asks for each.
        files = {f"giay-to-{n}.pdf": PDF for n in range(1, len(papers) + 1)}
        item = {
            "MaHoSoQG": code,
            "MaTTHC": procedure.national_code,
            "MaCoQuan": centre.code,
            "NgayNop": (timezone.now() - timedelta(hours=2)).isoformat(),
            "NhanKetQuaBuuChinh": False,
            "ChuHoSo": {
                "HoTen": name,
                "SoDinhDanh": number,
                "DienThoai": "0912000111",
                "DiaChi": "Thôn Đông, Minh Sơn",
                "MaXa": commune,
                "XacThucDinhDanh": 2,
            },
            "GiayTo": [
                {"TenGiayTo": paper, "TepTin": [_entry(code, f"giay-to-{n}.pdf", PDF)]}
                for n, paper in enumerate(papers, start=1)
            ],
        }
        served = {f"/submissions/{code}/files/{n}": c for n, c in files.items()}
        if altered:  # the portal serves another file than the one it announced: refused, said, retried
            served[f"/submissions/{code}/files/giay-to-1.pdf"] = PDF.replace(b"1.4", b"1.7")
        LOCAL.offer(item, served)
    report = national_intake.pull(client.SimulatorPlugin())
    return len(report.received)


def _entry(code: str, name: str, content: bytes) -> dict:
    return {
        "TenTep": name,
        "DuongDan": f"/submissions/{code}/files/{name}",
        "KichThuoc": len(content),
        "MaBam": hashlib.sha256(content).hexdigest(),
    }


def _certified_copy() -> int:
    centre = Agency.objects.filter(code=CENTRE).first()
    officer = User.objects.filter(username="motcua.minhson").first()
    if not (centre and officer) or CertifiedCopy.objects.filter(agency=centre).exists():
        return 0
    scan = SimpleUploadedFile("giay-khai-sinh.pdf", records.file_bytes("mau.pdf"), "application/pdf")
    request = certification.Request(
        title="Giấy khai sinh",
        issuer="UBND xã Minh Sơn",
        holder_name="Nguyễn Văn An",
        holder_id_number="001090000001",
    )
    certification.certify(actor=officer, agency=centre, request=request, scans=[scan])
    return 1
