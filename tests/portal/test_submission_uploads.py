"""Upload abuse at step 3: a renamed file, an oversize file, too many files. Each problem gets one bilingual
message; the refused file is not stored (no row, no file on disk), the valid files sent with it are kept
(issue 17) and the earlier answers stay."""

import pytest
from django.urls import reverse

from motcua.portal.models import DraftFile
from tests.portal.factories import pdf, png, renamed_text
from tests.portal.flow import documents, fill_to_documents, step_url, stored_files


def assert_nothing_stored(draft, tmp_path):
    assert not DraftFile.objects.filter(draft=draft).exists()
    assert stored_files(tmp_path) == []
    draft.refresh_from_db()
    assert draft.answers["applicant"]["applicant_name"] == "Nguyễn Văn An"
    assert draft.answers["fields"]["noi_dung_yeu_cau"] == "Đăng ký khai sinh cho con"


def test_a_text_file_renamed_pdf_is_refused(logged_in, desk, tmp_path):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    page = logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [renamed_text()], "action": "save"})
    assert page.status_code == 400
    html = page.content.decode()
    assert html.count("Chỉ nhận tệp PDF, JPEG, PNG. / Only PDF, JPEG, PNG files are accepted.") == 2
    assert 'aria-invalid="true"' in html
    assert_nothing_stored(draft, tmp_path)


def test_an_oversize_file_is_refused(logged_in, desk, tmp_path, settings):
    settings.MOTCUA_UPLOAD_MAX_BYTES = 1024 * 1024
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    big = pdf("lon.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    page = logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [big], "action": "next"})
    assert page.status_code == 400
    assert "Tệp quá lớn (tối đa 1 MB). / The file is too large (at most 1 MB)." in page.content.decode()
    assert_nothing_stored(draft, tmp_path)


def test_one_bad_file_among_good_ones_keeps_the_good_ones(logged_in, desk, tmp_path):
    draft = fill_to_documents(logged_in, desk)
    first, second = documents(desk)
    page = logged_in.post(
        step_url(draft, 3),
        {
            f"doc_{first.pk}": [pdf("to-khai.pdf"), png("anh.png")],
            f"doc_{second.pk}": [renamed_text("giay-chung-sinh.pdf")],
            "action": "next",
        },
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "giay-chung-sinh.pdf: Chỉ nhận tệp PDF" in html
    assert "Đã lưu 2 tệp hợp lệ; hãy xem các tệp bị từ chối bên dưới." in html
    kept = DraftFile.objects.filter(draft=draft)
    assert sorted(kept.values_list("original_name", flat=True)) == ["anh.png", "to-khai.pdf"]
    assert {f.required_document_id for f in kept} == {first.pk}
    assert len(stored_files(tmp_path)) == 2
    for row in kept:  # listed on the page, each openable
        assert reverse("portal:draft_file", args=[draft.pk, row.pk]) in html
    draft.refresh_from_db()
    assert draft.step == 3  # the refused paper is still missing: the citizen stays on the papers
    # Sending only the missing paper now completes the step.
    page = logged_in.post(step_url(draft, 3), {f"doc_{second.pk}": [pdf()], "action": "next"})
    assert page.status_code == 302
    assert page.headers["Location"] == step_url(draft, 4)


def test_too_many_files_for_one_document_keeps_those_within_the_limit(logged_in, desk, tmp_path, settings):
    settings.MOTCUA_PORTAL_MAX_FILES_PER_DOCUMENT = 2
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    files = [pdf("1.pdf"), pdf("2.pdf"), pdf("3.pdf")]
    page = logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": files, "action": "save"})
    assert page.status_code == 400
    assert (
        "3.pdf: Mỗi thành phần hồ sơ có tối đa 2 tệp. / At most 2 files per required document."
        in page.content.decode()
    )
    assert sorted(DraftFile.objects.filter(draft=draft).values_list("original_name", flat=True)) == [
        "1.pdf",
        "2.pdf",
    ]
    assert len(stored_files(tmp_path)) == 2


def test_too_many_files_for_the_dossier_counts_what_the_draft_holds(logged_in, desk, tmp_path, settings):
    settings.MOTCUA_PORTAL_MAX_FILES_PER_DOSSIER = 2
    draft = fill_to_documents(logged_in, desk)
    first, second = documents(desk)
    assert (
        logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf(), pdf()], "action": "save"}).status_code
        == 302
    )
    page = logged_in.post(step_url(draft, 3), {f"doc_{second.pk}": [pdf()], "action": "save"})
    assert page.status_code == 400
    assert "Mỗi hồ sơ có tối đa 2 tệp. / At most 2 files per dossier." in page.content.decode()
    assert DraftFile.objects.filter(draft=draft).count() == 2
    assert len(stored_files(tmp_path)) == 2


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "họ tên của tôi.pdf"])
def test_file_names_from_the_citizen_never_reach_the_disk(logged_in, desk, tmp_path, name):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf(name)], "action": "save"})
    (stored,) = stored_files(tmp_path)
    assert stored.suffix == ".pdf"
    assert len(stored.stem) == 32
    row = draft.files.get()
    response = logged_in.get(reverse("portal:draft_file", args=[draft.pk, row.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
