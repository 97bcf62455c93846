"""Online submission through the pages: start from a procedure, four steps saved as a draft, submit; drafts
survive logout; only the owner reaches a draft; officers and offline procedures are turned away."""

from django.urls import reverse

from motcua.catalog import services as catalog_services
from motcua.dossiers.lifecycle import Status
from motcua.dossiers.models import Dossier, SubmissionChannel
from motcua.portal import store
from motcua.portal.models import Draft, DraftFile, StoredDocument, StoredKind, Submission
from tests.factories import CitizenFactory
from tests.portal.factories import offline_procedure, online_form, partial_procedure, pdf, png
from tests.portal.flow import (
    BIRTH_ANSWERS,
    applicant_data,
    documents,
    fill_to_documents,
    start,
    step_url,
    stored_files,
)

PASSWORD = "matkhau-thu-123"


# ------------------------------------------------------------------------------------------ the flow


def test_four_steps_end_in_a_submitted_online_dossier_with_answers_and_documents(
    logged_in, desk, citizen, tmp_path
):
    form = online_form(desk.procedure)
    draft = start(logged_in, desk.procedure)
    page = logged_in.get(step_url(draft, 1))
    assert page.status_code == 200
    assert "Nguyễn Văn An" in page.content.decode()  # prefilled from the account

    assert logged_in.post(step_url(draft, 1), applicant_data(desk)).headers["Location"] == step_url(draft, 2)
    assert logged_in.post(step_url(draft, 2), BIRTH_ANSWERS).headers["Location"] == step_url(draft, 3)

    first, second = documents(desk)
    response = logged_in.post(
        step_url(draft, 3),
        {f"doc_{first.pk}": [pdf("to-khai.pdf")], f"doc_{second.pk}": [png()], "action": "next"},
    )
    assert response.headers["Location"] == step_url(draft, 4)

    review = logged_in.get(step_url(draft, 4)).content.decode()
    for shown in ("Nguyễn Minh Khang", "Trạm y tế Xã A", "30/12/2025"):
        assert shown in review

    response = logged_in.post(step_url(draft, 4), {"action": "submit"})
    dossier = Dossier.objects.get()
    assert response.headers["Location"] == reverse("portal:submitted", args=[dossier.pk])
    assert dossier.status == Status.SUBMITTED
    assert dossier.channel == SubmissionChannel.ONLINE
    assert dossier.applicant_user == citizen
    assert dossier.applicant_phone == "0912345678"
    assert dossier.result_by_post is True
    assert dossier.receiving_agency == desk.centre()
    assert not dossier.reused_data
    assert not dossier.identity_verified
    lines = list(dossier.documents.order_by("id"))
    assert [d.required_document for d in lines] == [first, second]
    assert all(d.file and not d.reused for d in lines)
    assert lines[0].file.read().startswith(b"%PDF-")
    submission = Submission.objects.get(dossier=dossier)
    assert submission.online_form == form
    assert submission.answers["gioi_tinh"] == "nam"
    assert submission.answers["ngay_sinh"] == "2025-12-30"
    assert submission.answers["cam_doan"] is True
    assert submission.form_fields == form.fields
    # The draft became the dossier; the uploads are now in the citizen's store.
    assert not Draft.objects.exists()
    assert not DraftFile.objects.exists()
    kept = StoredDocument.objects.filter(owner=citizen)
    assert {d.kind for d in kept} == {StoredKind.DOSSIER_DOCUMENT}
    assert {d.source_dossier for d in kept} == {dossier}
    assert len(stored_files(tmp_path)) == 2

    done = logged_in.get(response.headers["Location"]).content.decode()
    assert dossier.code in done
    assert reverse("portal:dossier", args=[dossier.pk]) in done


def test_without_an_online_form_the_default_asks_what_is_requested(logged_in, desk):
    draft = start(logged_in, desk.procedure)
    logged_in.post(step_url(draft, 1), applicant_data(desk))
    page = logged_in.post(step_url(draft, 2), {"f-noi_dung_yeu_cau": "", "action": "next"})
    assert page.status_code == 200
    assert "Cần nhập “Nội dung yêu cầu”. / “Nội dung yêu cầu” is required." in page.content.decode()
    draft.refresh_from_db()
    assert draft.step == 2


def test_steps_cannot_be_skipped(logged_in, desk):
    draft = start(logged_in, desk.procedure)
    assert logged_in.get(step_url(draft, 4)).headers["Location"] == step_url(draft, 1)


def test_applicant_errors_are_bilingual_and_linked_to_their_inputs(logged_in, desk):
    draft = start(logged_in, desk.procedure)
    page = logged_in.post(
        step_url(draft, 1), applicant_data(desk, applicant_id_number="12", applicant_phone="1")
    )
    html = page.content.decode()
    assert "Số CCCD phải gồm đúng 12 chữ số. / The citizen ID number must have exactly 12 digits." in html
    assert "Số điện thoại không hợp lệ" in html
    assert 'aria-describedby="id_applicant_id_number_error"' in html
    draft.refresh_from_db()
    assert draft.step == 1
    assert draft.answers["applicant"]["applicant_id_number"] == "12"  # kept as typed


def test_a_bound_procedure_is_refused_at_another_communes_centre_on_step_one(logged_in, desk):
    draft = start(logged_in, desk.bound_procedure)
    page = logged_in.post(
        step_url(draft, 1),
        applicant_data(desk, centre=desk.centre("Xã B").pk, applicant_commune=desk.commune().pk),
    )
    assert page.status_code == 200
    assert "phải nộp tại" in page.content.decode()


def test_an_agency_that_does_not_offer_it_online_is_refused_on_step_one(logged_in, desk):
    committee = desk.province.communes["Xã A"]["committee"]
    catalog_services.apply_procedure(
        actor=None, procedure=desk.procedure, agency=committee, online_level="none"
    )
    draft = start(logged_in, desk.procedure)
    page = logged_in.post(step_url(draft, 1), applicant_data(desk, applicant_commune=desk.commune().pk))
    assert page.status_code == 200
    assert "không được cung cấp trực tuyến tại" in page.content.decode()


def test_mandatory_documents_need_a_file(logged_in, desk):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    page = logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf()], "action": "next"})
    assert page.status_code == 400
    assert "Mandatory: upload a file" in page.content.decode()
    draft.refresh_from_db()
    assert draft.step == 3
    assert draft.files.count() == 1  # the good file is kept


def test_a_file_can_be_removed_from_the_draft(logged_in, desk, tmp_path):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf()], "action": "save"})
    row = draft.files.get()
    assert len(stored_files(tmp_path)) == 1
    logged_in.post(step_url(draft, 3), {"remove": row.pk})
    assert not draft.files.exists()
    assert stored_files(tmp_path) == []


# ------------------------------------------------------------------------------------------ drafts


def test_a_draft_survives_logout_and_is_resumed(client, desk, citizen):
    client.force_login(citizen)
    draft = start(client, desk.procedure)
    client.post(step_url(draft, 1), applicant_data(desk))
    response = client.post(step_url(draft, 2), {"f-noi_dung_yeu_cau": "Cấp bản sao", "action": "save"})
    assert response.headers["Location"] == step_url(draft, 2)
    client.post(reverse("logout"))
    assert client.get(reverse("portal:drafts")).status_code == 302  # to the login page

    assert client.login(username=citizen.username, password=PASSWORD)
    listing = client.get(reverse("portal:drafts")).content.decode()
    assert desk.procedure.name in listing
    assert step_url(draft, 2) in listing
    assert "Cấp bản sao" in client.get(step_url(draft, 2)).content.decode()
    assert "Nguyễn Văn An" in client.get(step_url(draft, 1)).content.decode()


def test_the_owner_deletes_a_draft_and_its_files(logged_in, desk, tmp_path):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf()], "action": "save"})
    logged_in.post(reverse("portal:draft_delete", args=[draft.pk]))
    assert not Draft.objects.exists()
    assert stored_files(tmp_path) == []


def test_another_citizen_gets_404_on_my_draft_and_its_files(logged_in, client, desk):
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    logged_in.post(step_url(draft, 3), {f"doc_{first.pk}": [pdf()], "action": "save"})
    row = draft.files.get()
    assert logged_in.get(reverse("portal:draft_file", args=[draft.pk, row.pk])).status_code == 200

    client.force_login(CitizenFactory())
    for number in (1, 2, 3, 4):
        assert client.get(step_url(draft, number)).status_code == 404
    assert client.post(step_url(draft, 1), applicant_data(desk)).status_code == 404
    assert client.get(reverse("portal:draft_file", args=[draft.pk, row.pk])).status_code == 404
    assert client.post(reverse("portal:draft_delete", args=[draft.pk])).status_code == 404
    assert desk.procedure.name not in client.get(reverse("portal:drafts")).content.decode()
    assert Draft.objects.filter(pk=draft.pk).exists()


def test_another_citizen_cannot_see_my_confirmation(logged_in, client, desk):
    draft = fill_to_documents(logged_in, desk)
    first, second = documents(desk)
    logged_in.post(
        step_url(draft, 3), {f"doc_{first.pk}": [pdf()], f"doc_{second.pk}": [pdf()], "action": "next"}
    )
    logged_in.post(step_url(draft, 4), {"action": "submit"})
    dossier = Dossier.objects.get()
    client.force_login(CitizenFactory())
    assert client.get(reverse("portal:submitted", args=[dossier.pk])).status_code == 404


# ------------------------------------------------------------------------------------------ who and what


def test_a_staff_user_cannot_submit_as_a_citizen(client, desk):
    client.force_login(desk.officer_a)
    page = client.get(reverse("portal:start", args=[desk.procedure.pk]))
    assert page.status_code == 403
    assert "dành cho tài khoản công dân" in page.content.decode()
    assert client.post(reverse("portal:start", args=[desk.procedure.pk])).status_code == 403
    assert client.get(reverse("portal:drafts")).status_code == 403
    assert not Draft.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in(client, desk):
    response = client.get(reverse("portal:start", args=[desk.procedure.pk]))
    assert response.status_code == 302
    assert reverse("login") in response.headers["Location"]


def test_a_partial_online_procedure_says_which_step_is_in_person(logged_in, desk):
    procedure = partial_procedure()
    page = logged_in.get(reverse("portal:start", args=[procedure.pk])).content.decode()
    assert "Dịch vụ công trực tuyến một phần." in page
    assert "Có ít nhất một bước phải thực hiện trực tiếp" in page
    online_form(procedure, in_person_note="Nộp bản chính khi nhận kết quả")
    page = logged_in.get(reverse("portal:start", args=[procedure.pk])).content.decode()
    assert "Nộp bản chính khi nhận kết quả" in page
    draft = start(logged_in, procedure)
    assert "Nộp bản chính khi nhận kết quả" in logged_in.get(step_url(draft, 1)).content.decode()


def test_a_procedure_without_online_service_cannot_be_started(logged_in, desk):
    procedure = offline_procedure()
    page = logged_in.get(reverse("portal:start", args=[procedure.pk]))
    assert page.status_code == 404
    assert "chưa được cung cấp trực tuyến" in page.content.decode()
    assert logged_in.post(reverse("portal:start", args=[procedure.pk])).status_code == 404
    assert not Draft.objects.exists()


# ------------------------------------------------------------------------------------------ reuse


def test_a_paper_picked_from_the_store_is_reused_and_flagged(logged_in, desk, citizen):
    kept = store.upload_to_store(actor=citizen, title="Giấy chứng sinh của bé", upload=pdf())
    draft = fill_to_documents(logged_in, desk)
    first, second = documents(desk)
    response = logged_in.post(
        step_url(draft, 3), {f"doc_{first.pk}": [pdf()], f"store_{second.pk}": kept.pk, "action": "next"}
    )
    assert response.headers["Location"] == step_url(draft, 4)
    assert "từ kho dữ liệu" in logged_in.get(step_url(draft, 4)).content.decode()
    logged_in.post(step_url(draft, 4), {"action": "submit"})
    dossier = Dossier.objects.get()
    assert dossier.reused_data is True
    reused = dossier.documents.get(required_document=second)
    assert reused.reused is True
    assert reused.file
    assert dossier.documents.get(required_document=first).reused is False
    # Only the new upload was added to the store; the reused paper stays as it was.
    assert StoredDocument.objects.filter(owner=citizen).count() == 2


def test_another_citizens_stored_paper_cannot_be_picked(logged_in, desk):
    other = store.upload_to_store(actor=CitizenFactory(), title="Của người khác", upload=pdf())
    draft = fill_to_documents(logged_in, desk)
    first, _second = documents(desk)
    response = logged_in.post(step_url(draft, 3), {f"store_{first.pk}": other.pk, "action": "save"})
    assert response.status_code == 404
    assert not draft.files.exists()


def test_a_verified_identity_is_carried_to_the_dossier(logged_in, desk, citizen):
    from motcua.accounts.models import CitizenProfile

    CitizenProfile.objects.create(
        user=citizen,
        full_name="Nguyễn Văn An",
        id_number="001099012345",
        commune=desk.commune(),
        identity_verified=True,
    )
    draft = start(logged_in, desk.procedure)
    page = logged_in.get(step_url(draft, 1)).content.decode()
    assert 'value="001099012345"' in page
    logged_in.post(step_url(draft, 1), applicant_data(desk))
    logged_in.post(step_url(draft, 2), {"f-noi_dung_yeu_cau": "Khai sinh", "action": "next"})
    first, second = documents(desk)
    logged_in.post(
        step_url(draft, 3), {f"doc_{first.pk}": [pdf()], f"doc_{second.pk}": [pdf()], "action": "next"}
    )
    logged_in.post(step_url(draft, 4), {"action": "submit"})
    assert Dossier.objects.get().identity_verified is True
