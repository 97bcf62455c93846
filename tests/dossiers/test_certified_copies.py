"""Electronic copies certified from originals at the counter (issue 22; Decree 23/2015/ND-CP Art. 2(2),
Art. 20; Decree 45/2020/ND-CP Art. 10), over HTTP as the officer, the citizen and an inspector see them:
the copy is a PDF carrying the certification statement, signed by the certifying officer, numbered in the
centre's register without gaps; it enters the identity-verified holder's data store for later dossiers; only
the centre's staff download it from the register; refused input stores nothing and takes no number."""

import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from motcua.accounts.models import CitizenProfile
from motcua.core.models import AuditEvent
from motcua.dossiers.models import CertifiedCopy
from motcua.integrations import signatures
from motcua.portal.models import StoredDocument, StoredKind
from tests.factories import CitizenFactory, valid_pdf

URL = "/ho-so/chung-thuc-ban-sao/"
HOLDER_ID = "001099012345"


def png(colour="white") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (300, 420), colour).save(out, "PNG")
    return SimpleUploadedFile("scan.png", out.getvalue(), content_type="image/png")


def form(desk, **overrides):
    data = {
        "agency": desk.province.communes["Xã A"]["centre"].pk,
        "title": "Giấy khai sinh",
        "issuer": "UBND xã A",
        "holder_name": "Nguyễn Văn An",
        "holder_id_number": HOLDER_ID,
        "scans": [png()],
        "confirmed": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def counter(client, desk):
    client.force_login(desk.officer_a)
    return client


def download(client, copy) -> bytes:
    answer = client.get(reverse("core:download", args=["certified-copy", copy.pk]))
    assert answer.status_code == 200, answer.status_code
    return b"".join(answer.streaming_content)


def text_of(content: bytes, tmp_path) -> str:
    path = tmp_path / "copy.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


def test_the_officer_certifies_a_scan_and_the_copy_is_signed_numbered_and_says_so(counter, desk, tmp_path):
    answer = counter.post(URL, form(desk, scans=[png(), png("grey")]), follow=True)
    year = timezone.localdate().year
    assert answer.status_code == 200
    page = answer.content.decode()
    assert f"Đã chứng thực bản sao điện tử số 1/{year}/SCT-BSĐT" in page
    copy = CertifiedCopy.objects.get()
    assert (copy.number, copy.pages, copy.certified_by, copy.agency.name) == (
        1,
        2,
        desk.officer_a,
        desk.province.communes["Xã A"]["centre"].name,
    )
    assert "Giấy khai sinh" in page
    assert "Nguyễn Văn An" in page

    content = download(counter, copy)
    (check,) = signatures.verify(content)
    assert check.valid, check.verdict
    assert check.signer == "motcua.a"
    assert f"Số chứng thực: 1/{year}/SCT-BSĐT" in check.reason
    text = text_of(content, tmp_path)
    assert "BẢN SAO ĐIỆN TỬ ĐƯỢC CHỨNG THỰC TỪ BẢN CHÍNH" in text
    assert f"Số chứng thực: 1/{year}/SCT-BSĐT" in text
    assert timezone.localdate().strftime("%d/%m/%Y") in text
    assert "Người yêu cầu chứng thực: Nguyễn Văn An" in text
    pages = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True).stdout
    assert b"Pages:           2" in pages


def test_a_scanned_pdf_is_certified_as_it_is_and_numbers_follow_per_centre(counter, client, desk):
    pdf = SimpleUploadedFile("scan.pdf", valid_pdf(), content_type="application/pdf")
    assert counter.post(URL, form(desk, scans=[pdf])).status_code == 302
    assert counter.post(URL, form(desk, title="Bằng tốt nghiệp")).status_code == 302
    client.force_login(desk.officer_b)
    assert client.post(URL, form(desk, agency=desk.province.communes["Xã B"]["centre"].pk)).status_code == 302
    numbers = sorted((c.agency.name, c.number) for c in CertifiedCopy.objects.select_related("agency"))
    centre_a = desk.province.communes["Xã A"]["centre"].name
    centre_b = desk.province.communes["Xã B"]["centre"].name
    assert numbers == sorted([(centre_a, 1), (centre_a, 2), (centre_b, 1)])
    first = CertifiedCopy.objects.get(agency__name=centre_a, number=1)
    assert signatures.verify(first.file.read())[0].valid


def test_refused_input_stores_nothing_takes_no_number_and_says_why(counter, desk):
    html = SimpleUploadedFile("scan.png", b"<html><script>x</script></html>", content_type="image/png")
    pdf = SimpleUploadedFile("scan.pdf", valid_pdf(), content_type="application/pdf")
    cases = [
        (form(desk, confirmed=""), None),  # the comparison with the original not confirmed
        (form(desk, holder_id_number="12345"), "Số định danh cá nhân gồm 12 chữ số"),
        (form(desk, scans=[html]), "Tệp chương trình, trang web hoặc mã lệnh không được nhận"),
        (form(desk, scans=[pdf, png()]), "Một bản quét PDF, hoặc các trang ảnh JPEG/PNG"),
        (form(desk, scans=[]), None),
        (form(desk, agency="x"), None),
        # A damaged PDF passes the content check and fails at signing, after the register gave a number:
        # the transaction gives it back.
        (form(desk, scans=[SimpleUploadedFile("bad.pdf", b"%PDF-1.7\nnot really a pdf")]), None),
    ]
    for data, reason in cases:
        answer = counter.post(URL, data)
        assert answer.status_code == 400, data
        assert 'class="alert alert-danger"' in answer.content.decode()
        if reason:
            assert reason in answer.content.decode()
    # NUL bytes: the platform's input boundary refuses the request with its own 400 page.
    assert counter.post(URL, form(desk, title="Giấy\x00 khai sinh")).status_code == 400
    assert not CertifiedCopy.objects.exists()
    assert counter.post(URL, form(desk)).status_code == 302
    assert CertifiedCopy.objects.get().number == 1  # no number was spent on the refusals


def test_only_the_centres_one_stop_officers_certify_and_only_its_staff_download(counter, client, desk):
    counter.post(URL, form(desk))
    copy = CertifiedCopy.objects.get()
    client.force_login(desk.specialist_a)  # staff elsewhere, no one-stop role
    assert client.post(URL, form(desk)).status_code == 403
    assert client.get(reverse("core:download", args=["certified-copy", copy.pk])).status_code == 404
    client.force_login(desk.officer_b)  # another centre's officer
    assert client.get(reverse("core:download", args=["certified-copy", copy.pk])).status_code == 404
    assert "Giấy khai sinh" not in client.get(URL).content.decode()
    assert client.post(URL, form(desk)).status_code == 400  # not their centre: a choice they do not have
    client.force_login(CitizenFactory())
    assert client.get(reverse("core:download", args=["certified-copy", copy.pk])).status_code in (403, 404)
    client.logout()
    assert client.get(URL).status_code == 302
    assert CertifiedCopy.objects.count() == 1


def test_the_copy_enters_the_verified_holders_store_for_reuse_and_is_audited_without_personal_data(
    counter, client, desk, django_capture_on_commit_callbacks
):
    holder = CitizenFactory()
    CitizenProfile.objects.create(
        user=holder, full_name="Nguyễn Văn An", id_number=HOLDER_ID, identity_verified=True
    )
    claimer = CitizenFactory()  # the same number typed by someone else, never verified
    CitizenProfile.objects.create(user=claimer, full_name="Người khác", id_number=HOLDER_ID)
    with django_capture_on_commit_callbacks(execute=True):
        assert counter.post(URL, form(desk)).status_code == 302
    copy = CertifiedCopy.objects.get()
    stored = StoredDocument.objects.get(kind=StoredKind.CERTIFIED_COPY)
    assert stored.owner == holder
    assert stored.source_copy == copy
    assert copy.register_number in stored.title

    client.force_login(holder)
    store = client.get(reverse("portal:store")).content.decode()
    assert "Bản sao điện tử được chứng thực" in store
    assert "Giấy khai sinh" in store
    answer = client.get(reverse("portal:store_download", args=[stored.pk]))
    assert signatures.verify(b"".join(answer.streaming_content))[0].valid
    refused = client.post(reverse("portal:store_delete", args=[stored.pk]), follow=True)
    assert "Chỉ xóa được giấy tờ do bạn tự tải lên" in refused.content.decode()
    assert StoredDocument.objects.filter(pk=stored.pk).exists()  # a record of the certification stays
    client.force_login(claimer)
    assert client.get(reverse("portal:store_download", args=[stored.pk])).status_code in (403, 404)

    event = AuditEvent.objects.get(action="certified_copy.certify")
    assert event.actor == desk.officer_a
    assert HOLDER_ID not in str(event.changes)
    assert "Nguyễn Văn An" not in str(event.changes)
    assert AuditEvent.objects.filter(action="store.certified_copy").exists()
