"""Uploads are accepted by their content, and served only through the one authorised download."""

import io
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image

from motcua.control import services
from motcua.control.models import Plan
from motcua.core.storage import private_storage
from motcua.core.uploads import (
    COMMUNICATION_MEDIA,
    DOSSIER_DOCUMENT,
    EVIDENCE,
    IMAGE,
    OLE_MAGIC,
    PLAN_ATTACHMENT,
    check_upload,
    safe_filename,
)
from motcua.core.uploads import PDF as PDF_FILE
from motcua.outreach import services as outreach

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, fmt)
    return out.getvalue()


def xlsx() -> bytes:
    out = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "Số hồ sơ"
    book.save(out)
    return out.getvalue()


def package(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx(main: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
    types = f'<Types><Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    return package({"[Content_Types].xml": types.encode(), "word/document.xml": b"<w:document/>"})


def odt() -> bytes:
    return package({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def ole(stream: str) -> bytes:
    """A compound file whose directory names `stream` (how Word and Excel 97-2003 files look inside)."""
    return OLE_MAGIC + b"\0" * 504 + stream.encode("utf-16-le") + b"\0" * 64


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("quyet-dinh.pdf", PDF, "application/pdf"),
        ("anh.jpg", image("JPEG"), "image/jpeg"),
        ("anh.png", image("PNG"), "image/png"),
        ("bang.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("to-trinh.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("to-trinh.odt", odt(), "application/vnd.oasis.opendocument.text"),
        ("cu.doc", ole("WordDocument"), "application/msword"),
        ("cu.xls", ole("Workbook"), "application/vnd.ms-excel"),
        ("ten-sai.txt", PDF, "application/pdf"),  # the content decides, not the name
    ],
)
def test_documents_are_recognised_by_their_content(name, data, content_type):
    assert check_upload(upload(name, data), PLAN_ATTACHMENT).content_type == content_type


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "bao-cao.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode",
        ),  # a renamed .exe
        ("bao-cao.docx", b"\x7fELF\x02\x01\x01"),
        ("trang.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("anh.png", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("anh.jpg", b"\xef\xbb\xbf  <svg onload=alert(1)>"),
        ("chay.pdf", b"#!/bin/sh\nrm -rf /\n"),
    ],
)
def test_programs_web_pages_and_scripts_are_refused_whatever_their_name(name, data):
    with pytest.raises(ValidationError, match="Programs, web pages and scripts are not accepted") as error:
        check_upload(upload(name, data), COMMUNICATION_MEDIA)
    assert error.value.code == "upload_dangerous"


@pytest.mark.parametrize(
    ("data", "policy"),
    [
        (ole(""), PLAN_ATTACHMENT),  # an OLE file that is no Word or Excel document (an .msi installer)
        (docx("application/vnd.ms-word.document.macroEnabled.main+xml"), PLAN_ATTACHMENT),  # .docm
        (package({"x.txt": b"zip"}), EVIDENCE),
        (b"plain text", PLAN_ATTACHMENT),
        (xlsx(), DOSSIER_DOCUMENT),  # a dossier takes scans and PDFs only
        (PDF, IMAGE),
    ],
)
def test_content_outside_the_policy_is_refused_and_the_message_lists_what_is_accepted(data, policy):
    with pytest.raises(ValidationError, match=f"Only {policy.labels()} files") as error:
        check_upload(upload("tep.bin", data), policy)
    assert error.value.code == "upload_type"


def test_the_size_limit_is_the_policys_and_a_setting_may_change_the_dossiers(settings):
    big = upload("lon.pdf", PDF + b"0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError, match="at most 5 MB"):
        check_upload(upload("anh.png", image("PNG") + b"0" * (5 * 1024 * 1024)), IMAGE)
    check_upload(big, DOSSIER_DOCUMENT)
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024 * 1024
    with pytest.raises(ValidationError, match="at most 1 MB"):
        check_upload(big, DOSSIER_DOCUMENT)


def test_a_served_file_gets_the_extension_its_content_deserves():
    assert (
        safe_filename("bien-ban.exe", check_upload(upload("x", PDF), PLAN_ATTACHMENT).kind) == "bien-ban.pdf"
    )
    assert safe_filename("../../etc/passwd", None) == "passwd"
    # A dossier code or a number is part of the name, not an extension to replace.
    assert (
        safe_filename("ket-qua-000.01.41.H99-261123-0012", PDF_FILE)
        == "ket-qua-000.01.41.H99-261123-0012.pdf"
    )
    assert safe_filename("Quyết định 12.2026", PDF_FILE) == "Quyết định 12.2026.pdf"


def test_private_files_have_no_public_address():
    with pytest.raises(ValueError, match="no public URL"):
        private_storage().url("portal/store/2026/12/a.pdf")


# --------------------------------------------------------------------------------- control and outreach


def test_a_renamed_exe_is_refused_as_a_plans_attachment_on_the_page(client, officer, province):
    client.force_login(officer)
    response = client.post(
        reverse("control:plan_create"),
        {
            "kind": "tthc_control",
            "title": "Kế hoạch có tệp",
            "issuing_agency": province.committee.pk,
            "year_from": 2026,
            "year_to": 2026,
            "attachment": upload("ke-hoach.pdf", b"MZ\x90\x00 renamed program"),
        },
    )
    assert response.status_code == 200
    assert "Programs, web pages and scripts are not accepted." in response.content.decode()
    assert not Plan.objects.filter(title="Kế hoạch có tệp").exists()


def test_an_html_file_is_refused_as_an_activitys_evidence(staff_a, commune_a):
    with pytest.raises(ValidationError, match="Programs, web pages"):
        outreach.record_activity(
            actor=staff_a,
            agency=commune_a,
            kind="leaflet",
            title="Tờ gấp",
            held_on=date(2026, 3, 2),
            evidence=upload("to-gap.pdf", b"<html><body>phishing</body></html>"),
        )


@pytest.fixture
def attached_plan(draft_plan, officer):
    return services.update_plan(
        actor=officer, plan=draft_plan, attachment=upload("Kế hoạch 1739 kiểm soát.pdf", PDF)
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_owner_downloads_the_plans_attachment_with_debug_off(settings, attached_plan, officer):
    assert settings.DEBUG is False  # /media/ is not served: the download view is the only way
    response = client_for(officer).get(reverse("core:download", args=["control-plan", attached_plan.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''K%E1%BA%BF")
    page = client_for(officer).get(reverse("control:plan", args=[attached_plan.pk])).content.decode()
    assert f'href="/tep/control-plan/{attached_plan.pk}/"' in page


def test_another_agencys_file_is_not_found_and_an_anonymous_visitor_is_sent_to_log_in(
    attached_plan, staff_a, staff_b, commune_a
):
    url = reverse("core:download", args=["control-plan", attached_plan.pk])
    assert client_for(staff_a).get(url).status_code == 404  # a draft is hidden from the communes
    assert Client().get(url)["Location"].startswith("/dang-nhap/?next=/tep/")
    activity = outreach.record_activity(
        actor=staff_a,
        agency=commune_a,
        kind="leaflet",
        title="Tờ gấp về dịch vụ công trực tuyến",
        held_on=date(2026, 3, 2),
        evidence=upload("Tờ gấp.jpg", image("JPEG")),
    )
    url = reverse("core:download", args=["outreach-activity", activity.pk])
    own = client_for(staff_a).get(url)
    assert (own.status_code, own["Content-Type"]) == (200, "image/jpeg")
    assert client_for(staff_b).get(url).status_code == 404
    assert (
        client_for(staff_a).get(reverse("core:download", args=["unknown-kind", activity.pk])).status_code
        == 404
    )


def test_a_progress_reports_evidence_downloads_under_its_vietnamese_name(
    plan, staff_a, commune_a, officer, staff_b
):
    occurrence = plan.tasks.get(lead_agency=commune_a).occurrences.get()
    report = services.report_progress(
        actor=staff_a,
        occurrence=occurrence,
        agency=commune_a,
        percent=50,
        text="Đã niêm yết",
        files=[upload("Biên bản niêm yết.docx", docx())],
    )
    evidence = report.evidence.get()
    url = reverse("core:download", args=["control-evidence", evidence.pk])
    response = client_for(officer).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Bi%C3%AAn%20b%E1%BA%A3n%20ni%C3%AAm%20y%E1%BA%BFt.docx"
    )
    assert (
        client_for(staff_b).get(url).status_code == 404
    )  # commune B supports, but sees only its own reports
