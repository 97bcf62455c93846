"""Public pages through the Django test client: Vietnamese, accessible, with PDF sheet and QR code."""

import re
import shutil
import subprocess
import zlib
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from motcua.catalog import services
from motcua.catalog.models import RequiredDocument
from tests.catalog.factories import content, decide, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def permit():
    return published(
        effective_from=date(2025, 1, 1),
        name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
        channels=[{"channel": "direct", "time_limit": "15", "time_unit": "d", "fee": 75000}],
    )


def test_list_and_search_pages(client, permit):
    page = client.get(reverse("catalog:list")).content.decode()
    assert "<title>Thủ tục hành chính · MộtCửa</title>" in page
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in page
    assert '<label class="form-label" for="id_q">Tìm thủ tục</label>' in page
    found = client.get(reverse("catalog:list"), {"q": "cap giay phep xay dung"}).content.decode()
    assert "Tìm thấy 1 thủ tục" in found
    assert client.get(reverse("catalog:list"), {"level": "nonsense"}).status_code == 200


def test_procedure_page_in_plain_vietnamese_with_qr(client, permit):
    response = client.get(reverse("catalog:detail", args=[permit.national_code]))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h1 class="h3">Cấp giấy phép xây dựng nhà ở riêng lẻ</h1>' in page
    assert "15 ngày làm việc" in page
    assert "75.000 đồng" in page
    assert '<th scope="col">Bản chính</th>' in page
    assert "<svg" in page
    assert "Mã QR trang thủ tục" in page


def test_local_variations_are_shown(client, permit):
    from tests.factories import AgencyFactory

    agency = AgencyFactory(name="UBND Xã Thử Nghiệm")
    services.apply_procedure(
        actor=None,
        procedure=permit,
        agency=agency,
        office_address="Số 5 đường Hùng Vương",
        fee=50000,
        online_level="full",
    )
    page = client.get(reverse("catalog:detail", args=[permit.national_code])).content.decode()
    assert f"{permit.national_code}.{agency.code}" in page
    assert "Số 5 đường Hùng Vương" in page
    assert "Phí, lệ phí: 50.000 đồng" in page
    assert "Trực tuyến: Toàn trình" in page


def test_unknown_procedure_is_404(client, db):
    assert client.get(reverse("catalog:detail", args=["9.999999"])).status_code == 404


def test_drafts_are_not_public(client, db):
    draft = services.save_draft(actor=None, content=content(name="Thủ tục chưa công bố"))
    assert client.get(reverse("catalog:detail", args=[draft.procedure.national_code])).status_code == 404


def test_printable_sheet_is_a_pdf_with_the_procedure_name(client, permit):
    response = client.get(reverse("catalog:sheet", args=[permit.national_code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in _pdf_text(pdf)


def _pdf_text(pdf: bytes) -> str:
    """The text layer with pdftotext when installed; else the document title WeasyPrint stores (UTF-16)."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
    chunks = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            continue
    titles = re.findall(rb"/Title\s*<feff([0-9a-fA-F]+)>", b"".join(chunks))
    return " ".join(bytes.fromhex(title.decode()).decode("utf-16-be") for title in titles)


def test_what_changed_between_versions(client, permit):
    services.save_draft(
        actor=None,
        content=content(
            national_code=permit.national_code,
            name="Cấp giấy phép xây dựng nhà ở riêng lẻ",
            channels=[{"channel": "direct", "time_limit": "10", "time_unit": "d", "fee": 75000}],
        ),
    )
    decide(publish=[permit], effective_from=date(2025, 9, 1))
    page = client.get(reverse("catalog:changes", args=[permit.national_code])).content.decode()
    assert "Các trường khác nhau giữa phiên bản 1 và phiên bản 2" in page
    assert "Cách thức thực hiện, thời hạn, phí" in page
    assert "Tên thủ tục</th>" not in page


def test_any_boundary_list(client, permit):
    published(name="Chứng thực bản sao từ bản chính", any_boundary=True)
    published(name="Thủ tục theo địa giới", any_boundary=False)
    page = client.get(reverse("catalog:any_boundary")).content.decode()
    assert "Chứng thực bản sao từ bản chính" in page
    assert "Thủ tục theo địa giới" not in page


def test_form_template_download(client, permit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    draft = services.save_draft(actor=None, content=content(national_code=permit.national_code))
    document = draft.documents.first()
    document.form_template.save("to-khai.docx", ContentFile(b"mau don"), save=True)
    decide(publish=[permit], effective_from=date(2025, 9, 1))
    document = RequiredDocument.objects.get(pk=document.pk)
    response = client.get(reverse("catalog:form_template", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"mau don"
    assert "attachment" in response["Content-Disposition"]
