"""Dossiers citizens submitted on the National Public Service Portal come into the province (issue 22),
against the portal simulator over real HTTP: each becomes an online dossier in the centre's checking queue,
with its files fetched and checked and the applicant as the portal identified them; offered again, it is
taken once; a file that does not match what the portal announced, or is not a document, keeps it out with
a reason the administrator sees; the portal down changes nothing; the dossier's status goes back to the
portal through the ordinary sync."""

import hashlib
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from motcua.core.models import AuditEvent
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.dossiers.national_intake import pull
from motcua.integrations.models import PortalIntake, PortalSync
from motcua.integrations.portal import sync
from motcua.integrations.portal.simulator import PortalSimulator
from tests.integrations.portal_server import serving

TOKEN = "lgsp-test-token"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def portal(settings):
    simulator = PortalSimulator(token=TOKEN)
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_PORTAL_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_PORTAL = {"base_url": url, "token": TOKEN, "timeout": 2}
        yield simulator


def file_entry(code: str, name: str, content: bytes, *, digest: str | None = None) -> dict:
    return {
        "TenTep": name,
        "DuongDan": f"/submissions/{code}/files/{name}",
        "KichThuoc": len(content),
        "MaBam": digest or hashlib.sha256(content).hexdigest(),
    }


def offer(portal, desk, code: str, *, files: dict[str, bytes] | None = None, **overrides) -> dict:
    """The citizen Trần Thị Bình submits the birth registration of Xã A on the portal, two papers."""
    files = files if files is not None else {"to-khai.pdf": PDF, "giay-chung-sinh.jpg": JPEG}
    names = list(files)
    documents = [
        {"TenGiayTo": "Tờ khai đăng ký khai sinh", "TepTin": [file_entry(code, names[0], files[names[0]])]},
        {
            "TenGiayTo": "Giấy chứng sinh",
            "TepTin": [file_entry(code, n, files[n]) for n in names[1:]],
        },
    ]
    item = {
        "MaHoSoQG": code,
        "MaTTHC": desk.procedure.national_code,
        "MaCoQuan": desk.centre().code,
        "NgayNop": (timezone.now() - timedelta(hours=1)).isoformat(),
        "NhanKetQuaBuuChinh": False,
        "ChuHoSo": {
            "HoTen": "Trần Thị Bình",
            "SoDinhDanh": "001199004321",
            "DienThoai": "+84 912 000 111",
            "Email": "binh@example.vn",
            "DiaChi": "Thôn Đông, Xã A",
            "MaXa": desk.commune().code,
            "XacThucDinhDanh": 2,
        },
        "GiayTo": documents,
        **overrides,
    }
    portal.offer(item, {f"/submissions/{code}/files/{n}": c for n, c in files.items()})
    return item


def test_a_submission_becomes_an_online_dossier_in_the_centres_checking_queue(desk, portal, client):
    offer(portal, desk, "G22.99-260101-0001")

    report = pull()

    (dossier,) = report.received
    assert (report.skipped, report.failed, report.unreachable) == (0, [], "")
    dossier = Dossier.objects.get(pk=dossier.pk)
    assert (dossier.status, dossier.channel, dossier.receiving_agency) == ("submitted", 2, desk.centre())
    assert (dossier.applicant_name, dossier.applicant_id_number) == ("Trần Thị Bình", "001199004321")
    assert dossier.applicant_phone == "0912000111"
    assert dossier.applicant_commune == desk.commune()
    assert dossier.identity_verified is True  # VNeID level 2, as the portal says
    assert dossier.applicant_user is None
    papers = {d.name: d for d in dossier.documents.all()}
    assert set(papers) == {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"}
    assert all(d.required_document is not None for d in papers.values())
    with papers["Tờ khai đăng ký khai sinh"].file.open("rb") as stored:
        assert stored.read() == PDF
    intake = PortalIntake.objects.get(national_code="G22.99-260101-0001")
    assert (intake.state, intake.dossier_code, intake.attempts) == ("received", dossier.code, 1)
    assert AuditEvent.objects.filter(action="portal_intake.received").count() == 1
    assert AuditEvent.objects.filter(action="dossier.submit", target_id=str(dossier.pk)).exists()

    # The officer of the centre sees it among the online submissions to check.
    client.force_login(desk.officer_a)
    page = client.get(reverse("dossiers:queues") + "?q=to_check")
    assert dossier.code in page.content.decode()


def test_the_status_goes_back_to_the_portal_through_the_sync(desk, portal):
    offer(portal, desk, "G22.99-260101-0002")
    (dossier,) = pull().received
    (first,) = PortalSync.objects.filter(dossier_code=dossier.code)
    assert first.payload["MaHoSoQG"] == "G22.99-260101-0002"
    assert portal.waiting_submissions() != []  # the portal does not know yet

    assert sync.push_due() == 1
    assert portal.waiting_submissions() == []  # taken: no longer offered
    assert portal.submission_status("G22.99-260101-0002")["TrangThaiHoSo"] == 1

    services.receive(actor=desk.officer_a, dossier=dossier, expected_version=dossier.version)
    assert sync.push_due() == 1
    assert portal.submission_status("G22.99-260101-0002")["TrangThaiHoSo"] == 2  # Được tiếp nhận


def test_a_submission_offered_again_is_taken_once(desk, portal):
    item = offer(portal, desk, "G22.99-260101-0003")
    assert len(pull().received) == 1
    again = pull()  # the change has not reached the portal yet: it offers the same submission
    assert (again.received, again.skipped) == ([], 1)

    portal.submissions["G22.99-260101-0003-bis"] = item  # listed twice in one answer
    twice = pull()
    assert (len(twice.received), twice.skipped) == (0, 2)
    assert Dossier.objects.filter(applicant_id_number="001199004321").count() == 1


def test_a_file_that_does_not_match_its_hash_keeps_the_submission_out_and_the_others_go_in(
    desk, portal, client, admin_user
):
    bad = offer(portal, desk, "G22.99-260101-0004")
    portal.files[bad["GiayTo"][0]["TepTin"][0]["DuongDan"]] = PDF.replace(b"1.4", b"1.7")  # altered
    offer(portal, desk, "G22.99-260101-0005")

    report = pull()

    assert [d.code for d in report.received] == [
        PortalIntake.objects.get(national_code="G22.99-260101-0005").dossier_code
    ]
    ((code, message),) = report.failed
    assert code == "G22.99-260101-0004"
    assert "không khớp kích thước hoặc mã băm" in message
    row = PortalIntake.objects.get(national_code=code)
    assert (row.state, row.dossier_code, row.attempts) == ("failed", "", 1)
    assert AuditEvent.objects.filter(action="portal_intake.failed").count() == 1
    assert Dossier.objects.count() == 1
    client.force_login(admin_user)
    page = client.get("/tich-hop/trang-thai/").content.decode()
    assert "G22.99-260101-0004" in page
    assert "không khớp kích thước hoặc mã băm" in page

    # The portal serves the right file: the next pull takes the submission in.
    portal.files[bad["GiayTo"][0]["TepTin"][0]["DuongDan"]] = PDF
    (dossier,) = pull().received
    row.refresh_from_db()
    assert (row.state, row.dossier_code, row.attempts, row.last_error) == ("received", dossier.code, 2, "")


def test_a_file_that_is_not_a_document_is_refused_with_its_reason(desk, portal):
    offer(portal, desk, "G22.99-260101-0006", files={"to-khai.pdf": b"MZ\x90\x00 not a pdf", "a.jpg": JPEG})
    ((_code, message),) = pull().failed
    assert "Programs, web pages and scripts are not accepted." in message  # core.uploads names what it is
    assert Dossier.objects.count() == 0
    assert not PortalSync.objects.exists()


def test_an_unknown_procedure_or_a_malformed_item_is_reported_not_raised(desk, portal):
    offer(portal, desk, "G22.99-260101-0007", MaTTHC="1.999999")
    portal.submissions["broken"] = {"MaHoSoQG": "broken", "ChuHoSo": "?", "GiayTo": None}
    report = pull()
    failures = dict(report.failed)
    assert "thủ tục 1.999999" in failures["G22.99-260101-0007"]
    assert "ChuHoSo" in failures["broken"]
    assert Dossier.objects.count() == 0


def test_the_portal_down_changes_nothing_and_the_command_says_so(desk, portal):
    offer(portal, desk, "G22.99-260101-0008")
    portal.fail_next(times=1, status=503)
    report = pull()
    assert report.unreachable == "HTTP 503"
    assert not PortalIntake.objects.exists()

    portal.fail_next(times=1, status=502)
    with pytest.raises(CommandError, match="Không kết nối được Cổng DVC quốc gia"):
        call_command("portal_intake")

    portal.clear_faults()
    assert len(pull().received) == 1


def test_the_portal_down_while_a_file_is_fetched_leaves_it_for_the_next_pull(desk, portal):
    offer(portal, desk, "G22.99-260101-0009")
    portal.fail_files_next(times=1, status=503)
    report = pull()
    assert report.waiting == ["G22.99-260101-0009"]
    assert Dossier.objects.count() == 0
    row = PortalIntake.objects.get(national_code="G22.99-260101-0009")
    assert (row.state, row.last_error) == ("failed", "Cổng không trả tệp: HTTP 503")

    (dossier,) = pull().received
    row.refresh_from_db()
    assert (row.state, row.dossier_code) == ("received", dossier.code)
