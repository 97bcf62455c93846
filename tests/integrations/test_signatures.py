"""Results signed digitally (issue 22): the leader's PAdES signature on the result PDF, the signed file is
what is downloaded, the public tracking page and the verification page say who signed and when, and a file
changed after signing fails."""

import stat
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from weasyprint import HTML

from motcua.core.models import AuditEvent
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.integrations import signatures
from motcua.integrations.signatures import Verdict, local_ca
from tests.dossiers.factories import receive, to_leader

VERIFY_URL = "/tich-hop/kiem-tra-chu-ky-so/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def result_pdf(text: str = "Giấy khai sinh — Nguyễn Văn An") -> bytes:
    return HTML(string=f"<h1>{text}</h1><p>Số 12/GKS</p>").write_pdf()


def attach(desk, content: bytes, name: str = "ket-qua.pdf") -> Dossier:
    dossier = to_leader(desk, receive(desk))
    return services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="12/GKS",
        signed_on=timezone.localdate(),
        file=SimpleUploadedFile(name, content),
    )


def stored(dossier: Dossier) -> bytes:
    with Dossier.objects.get(pk=dossier.pk).result_file.open("rb") as handle:
        return handle.read()


def flip_a_signed_byte(content: bytes) -> bytes:
    """Change one byte inside the page content the signature covers (as an editor changing a name would)."""
    tampered = bytearray(content)
    start = content.index(b"stream") + 20
    tampered[start] ^= 0x01
    return bytes(tampered)


def track(client, dossier: Dossier):
    return client.post("/ho-so/tra-cuu/", {"code": dossier.code, "last4": "5678"})


def test_the_leaders_result_is_stored_signed_and_what_is_downloaded_is_that_file(desk, client):
    desk.leader_a.full_name = "Văn Đạo Mai"
    desk.leader_a.save()
    dossier = attach(desk, result_pdf())

    checks = signatures.verify(stored(dossier))
    assert [c.verdict for c in checks] == [Verdict.VALID]
    (check,) = checks
    assert check.signer == "Văn Đạo Mai"
    assert check.organisation == desk.province.communes["Xã A"]["committee"].name
    assert dossier.code in check.reason
    assert "12/GKS" in check.reason
    assert abs((timezone.now() - check.signed_at).total_seconds()) < 60

    client.force_login(desk.officer_a)
    response = client.get(f"/tep/dossier-result/{dossier.pk}/")
    assert response.status_code == 200
    downloaded = b"".join(response.streaming_content)
    assert downloaded == stored(dossier)
    assert signatures.verify(downloaded)[0].verdict is Verdict.VALID


def test_the_tracking_page_shows_who_signed_and_when_and_a_tampered_file_fails(desk, client):
    desk.leader_a.full_name = "Văn Đạo Mai"
    desk.leader_a.save()
    dossier = attach(desk, result_pdf())
    html = track(client, dossier).content.decode()
    assert 'data-testid="signatures"' in html
    assert "Chữ ký số hợp lệ" in html
    assert "Văn Đạo Mai" in html
    assert f"{timezone.localtime():%d/%m/%Y}" in html

    # Someone with access to the disk edits the stored file: the public page says so.
    path = Dossier.objects.get(pk=dossier.pk).result_file.path
    with open(path, "rb") as handle:
        content = handle.read()
    with open(path, "wb") as handle:
        handle.write(flip_a_signed_byte(content))
    html = track(client, dossier).content.decode()
    assert "KHÔNG hợp lệ" in html
    assert "đã bị sửa sau khi ký" in html


def test_anyone_checks_a_result_file_on_the_verification_page(desk, client):
    signed = stored(attach(desk, result_pdf()))

    page = client.get(VERIFY_URL)
    assert page.status_code == 200

    valid = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", signed)})
    assert valid.status_code == 200
    assert "Chữ ký số hợp lệ" in valid.content.decode()

    tampered = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", flip_a_signed_byte(signed))})
    html = tampered.content.decode()
    assert "Chữ ký số không hợp lệ" in html
    assert "đã bị sửa sau khi ký" in html

    unsigned = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", result_pdf())})
    assert "Tệp không có chữ ký số" in unsigned.content.decode()

    script = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", b"<script>alert(1)</script>")})
    assert script.status_code == 400
    assert "không được nhận" in script.content.decode()


def test_a_page_changed_after_signing_is_reported_as_a_modification(desk):
    signed = stored(attach(desk, result_pdf()))
    # An incremental update that turns the page: the signed bytes are intact, the document is not.
    writer = IncrementalPdfFileWriter(BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[generic.NameObject("/Rotate")] = generic.NumberObject(90)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    assert signatures.verify(out.getvalue())[0].verdict is Verdict.MODIFIED


def test_a_signature_from_another_ca_is_intact_but_not_trusted(desk, settings, tmp_path):
    signed = stored(attach(desk, result_pdf()))
    settings.MOTCUA_SIGNING_DIR = tmp_path / "another-province"
    assert signatures.verify(signed)[0].verdict is Verdict.UNTRUSTED
    settings.MOTCUA_SIGNING_TRUST_ROOTS = [str(tmp_path / "signing" / "ca.cert.pem")]
    assert signatures.verify(signed)[0].verdict is Verdict.VALID


def test_a_damaged_pdf_is_refused_with_a_message_and_nothing_changes(desk):
    dossier = to_leader(desk, receive(desk))
    with pytest.raises(ValidationError) as refused:
        services.attach_result(
            actor=desk.leader_a,
            dossier=dossier,
            expected_version=dossier.version,
            number="12/GKS",
            signed_on=timezone.localdate(),
            file=SimpleUploadedFile("kq.pdf", b"%PDF-1.7\nnot really a pdf"),
        )
    assert "bị hỏng" in str(refused.value.message_dict["file"])
    assert Dossier.objects.get(pk=dossier.pk).status == dossier.status
    assert not AuditEvent.objects.filter(action="dossier.attach_result").exists()


def test_a_scanned_result_is_kept_as_it_is_and_shows_unsigned(desk):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    dossier = attach(desk, png, name="ket-qua.png")
    assert stored(dossier) == png
    assert signatures.verify(stored(dossier))[0].verdict is Verdict.UNSIGNED


def test_keys_are_files_readable_by_their_owner_only_and_a_new_name_gets_a_new_certificate(settings):
    who = signatures.Signatory(account_id=41, name="Lê Văn Ký", organisation="UBND xã A")
    pair = local_ca.signer(who)
    assert stat.S_IMODE(pair.key_path.stat().st_mode) == 0o600
    assert pair.key_path.parent.is_relative_to(settings.MOTCUA_SIGNING_DIR)
    first = pair.cert_path.read_bytes()
    assert local_ca.signer(who).cert_path.read_bytes() == first  # same name: the same certificate
    renamed = signatures.Signatory(account_id=41, name="Lê Văn Kỳ", organisation="UBND xã A")
    local_ca.signer(renamed)
    assert pair.cert_path.read_bytes() != first
    signed = signatures.sign(result_pdf(), renamed, reason="r")
    assert signatures.verify(signed)[0].signer == "Lê Văn Kỳ"


def test_the_public_check_is_rate_limited_per_address(client, settings, db):
    settings.MOTCUA_SIGNATURE_CHECK_LIMIT = (2, 600)
    content = result_pdf()
    answers = [
        client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", content)}).status_code for _ in range(3)
    ]
    assert answers == [200, 200, 429]
    refused = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", content)})
    assert refused.status_code == 429
    assert "Bạn đã kiểm tra quá nhiều tệp" in refused.content.decode()
    assert 'data-testid="verdict"' not in refused.content.decode()  # the file was not read
    other = client.post(VERIFY_URL, {"file": SimpleUploadedFile("kq.pdf", content)}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200  # another address has its own allowance
