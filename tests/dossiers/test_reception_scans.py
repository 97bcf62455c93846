"""Issue 17, counter work: the one-stop officer scans the papers at reception (digitisation, QĐ 766
indicator 3.2). The scans are checked by content like an online upload, open from the dossier page through
the dossier-scoped download, and a dossier whose every paper has its scan counts as digitised."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.models import Dossier, DossierDocument
from motcua.serviceindex.models import DossierDay

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def counter_form(desk, **scans) -> dict:
    papers = desk.procedure.versions.get().documents.all()
    form = {
        "procedure": desk.procedure.pk,
        "centre": desk.centre().pk,
        "applicant_name": "Lê Văn Cường",
        "applicant_id_number": "001200000111",
        "applicant_phone": "0901234567",
        "applicant_commune": desk.commune().pk,
    }
    for paper in papers:
        form[f"doc_{paper.pk}_originals"] = "1"
        form[f"doc_{paper.pk}_copies"] = "0"
        if paper.name in scans:
            form[f"doc_{paper.pk}_scan"] = scans[paper.name]
    return form


def scan(name: str, content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_page_offers_a_scan_for_each_paper(client, desk):
    client.force_login(desk.officer_a)
    page = client.get("/ho-so/tiep-nhan/", {"procedure": desk.procedure.pk}).content.decode()
    assert 'enctype="multipart/form-data"' in page
    for paper in desk.procedure.versions.get().documents.all():
        assert f'name="doc_{paper.pk}_scan"' in page
        assert f"Bản quét (số hóa): {paper.name}" in page  # each input has its own label


def test_scanned_papers_are_stored_open_from_the_dossier_and_make_it_digitised(client, desk):
    names = [paper.name for paper in desk.procedure.versions.get().documents.all()]
    client.force_login(desk.officer_a)
    response = client.post(
        "/ho-so/tiep-nhan/",
        counter_form(desk, **{name: scan(f"giay-{n}.pdf") for n, name in enumerate(names)}),
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    documents = DossierDocument.objects.filter(dossier=dossier)
    assert documents.count() == len(names)
    assert not documents.filter(file="").exists()
    detail = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    for document in documents:
        url = f"/tep/dossier-document/{document.pk}/"
        assert url in detail
        assert b"".join(client.get(url).streaming_content) == PDF
    assert DossierDay.objects.filter(digitised=True).exists()


def test_a_counter_dossier_without_scans_is_not_digitised(client, desk):
    client.force_login(desk.officer_a)
    assert client.post("/ho-so/tiep-nhan/", counter_form(desk)).status_code == 302
    assert not DossierDay.objects.filter(digitised=True).exists()
    assert DossierDay.objects.exists()


def test_a_renamed_program_is_refused_with_a_message_and_nothing_is_stored(client, desk):
    first = desk.procedure.versions.get().documents.first()
    client.force_login(desk.officer_a)
    response = client.post(
        "/ho-so/tiep-nhan/", counter_form(desk, **{first.name: scan("giay.pdf", b"MZ\x90\x00 a program")})
    )
    assert response.status_code == 200
    assert "Tệp chương trình, trang web hoặc mã lệnh không được nhận" in response.content.decode()
    assert not Dossier.objects.exists()
    assert not DossierDocument.objects.exists()
