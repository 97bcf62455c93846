"""Issue 17, blocker 1: the officers' dossier page shows what the applicant declared online and opens every
paper they gave (supplements included) through the authorised, dossier-scoped download."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers import services
from motcua.dossiers.models import DossierDocument
from motcua.portal.models import Submission
from tests.dossiers.factories import applicant, checklist
from tests.factories import CitizenFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def online(desk):
    """An online dossier of Xã A with an uploaded birth certificate and the online form's answers."""
    citizen = CitizenFactory(username="congdan")
    lines = checklist(desk.procedure)
    first = lines[0]
    lines[0] = services.DocumentLine(
        name=first.name,
        copies=1,
        required_document=first.required_document,
        file=SimpleUploadedFile("giay-chung-sinh.pdf", PDF, content_type="application/pdf"),
    )
    dossier = services.submit(
        actor=citizen,
        centre=desk.centre(),
        procedure=desk.procedure,
        applicant=applicant(commune=desk.commune(), user=citizen),
        documents=lines,
        channel=2,
    )
    Submission.objects.create(
        dossier=dossier,
        form_fields=[
            {"name": "child_name", "type": "text", "label": "Họ tên trẻ"},
            {"name": "born_on", "type": "date", "label": "Ngày sinh"},
        ],
        answers={"child_name": "Nguyễn Bình An", "born_on": "2026-03-01"},
    )
    return dossier


def _document(dossier):
    return DossierDocument.objects.get(dossier=dossier, file__gt="")


def test_the_officer_sees_the_declaration_and_a_link_to_each_paper_before_acting(client, desk, online):
    client.force_login(desk.officer_a)
    body = client.get(f"/ho-so/{online.pk}/").content.decode()
    assert "Nội dung khai trực tuyến" in body
    assert "Nguyễn Bình An" in body
    assert "01/03/2026" in body
    link = f"/tep/dossier-document/{_document(online).pk}/"
    assert link in body
    # The papers come before the accept/refuse forms on the page.
    assert body.index(link) < body.index(f"/ho-so/{online.pk}/receive/")


def test_the_paper_opens_in_the_browser_with_the_dossier_code_in_its_name(client, desk, online):
    client.force_login(desk.officer_a)
    response = client.get(f"/tep/dossier-document/{_document(online).pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert online.code in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PDF


def test_an_officer_of_another_commune_and_a_stranger_get_not_found(client, desk, online):
    url = f"/tep/dossier-document/{_document(online).pk}/"
    client.force_login(desk.officer_b)
    assert client.get(url).status_code == 404
    client.force_login(CitizenFactory(username="nguoila"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_supplemented_paper_is_listed_and_opens(client, desk, online):
    online = services.request_completion(
        actor=desk.officer_a, dossier=online, expected_version=online.version, missing="Bản sao CCCD"
    )
    client.force_login(desk.officer_a)
    response = client.post(
        f"/ho-so/{online.pk}/supplement/",
        {
            "version": online.version,
            "reason": "Nộp tại quầy",
            "file": SimpleUploadedFile("cccd.png", PNG, content_type="image/png"),
        },
    )
    assert response.status_code == 302
    added = DossierDocument.objects.get(dossier=online, supplemented=True)
    body = client.get(f"/ho-so/{online.pk}/").content.decode()
    assert "nộp bổ sung" in body
    assert f"/tep/dossier-document/{added.pk}/" in body
    served = client.get(f"/tep/dossier-document/{added.pk}/")
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"


def test_a_counter_dossier_without_an_online_form_shows_no_declaration(client, desk):
    from tests.dossiers.factories import receive

    dossier = receive(desk)
    client.force_login(desk.officer_a)
    body = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "Nội dung khai trực tuyến" not in body
    assert "Bản giấy" in body
