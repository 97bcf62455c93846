"""The citizen's document store: upload, rename, delete own uploads; results of their dossiers arrive on
their own; only the owner ever lists or downloads a paper, and never through a public media URL."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers import services as dossier_services
from motcua.dossiers.models import Dossier
from motcua.portal import store
from motcua.portal.models import StoredDocument, StoredKind
from tests.dossiers.factories import submit_online, to_leader
from tests.factories import CitizenFactory
from tests.portal.factories import pdf, renamed_text
from tests.portal.flow import stored_files


def test_a_citizen_uploads_renames_and_deletes_a_paper(logged_in, citizen, tmp_path):
    response = logged_in.post(reverse("portal:store"), {"title": "CCCD mặt trước", "file": pdf()})
    assert response.status_code == 302
    document = StoredDocument.objects.get()
    assert (document.owner, document.kind, document.content_type) == (
        citizen,
        StoredKind.UPLOADED,
        "application/pdf",
    )
    assert "CCCD mặt trước" in logged_in.get(reverse("portal:store")).content.decode()

    download = logged_in.get(reverse("portal:store_download", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "attachment" in download.headers["Content-Disposition"]
    assert download.headers["Cache-Control"] == "private, no-store"

    logged_in.post(reverse("portal:store_rename", args=[document.pk]), {"title": "Căn cước công dân"})
    document.refresh_from_db()
    assert document.title == "Căn cước công dân"

    logged_in.post(reverse("portal:store_delete", args=[document.pk]))
    assert not StoredDocument.objects.exists()
    assert stored_files(tmp_path) == []


def test_a_bad_upload_to_the_store_stores_nothing(logged_in, tmp_path):
    page = logged_in.post(reverse("portal:store"), {"title": "Giả PDF", "file": renamed_text()})
    assert page.status_code == 400
    assert "Only PDF, JPEG, PNG files are accepted." in page.content.decode()
    assert not StoredDocument.objects.exists()
    assert stored_files(tmp_path) == []


def test_another_citizen_gets_404_on_my_paper_and_its_download(logged_in, client, citizen):
    document = store.upload_to_store(actor=citizen, title="Sổ hộ khẩu", upload=pdf())
    client.force_login(CitizenFactory())
    assert "Sổ hộ khẩu" not in client.get(reverse("portal:store")).content.decode()
    assert client.get(reverse("portal:store_download", args=[document.pk])).status_code == 404
    assert client.get(reverse("portal:store_rename", args=[document.pk])).status_code == 404
    assert client.post(reverse("portal:store_rename", args=[document.pk]), {"title": "x"}).status_code == 404
    assert client.post(reverse("portal:store_delete", args=[document.pk])).status_code == 404
    assert StoredDocument.objects.filter(pk=document.pk, title="Sổ hộ khẩu").exists()


def test_officers_have_no_store(client, desk):
    client.force_login(desk.officer_a)
    assert client.get(reverse("portal:store")).status_code == 403


def test_stored_files_have_no_public_url(citizen, settings):
    document = store.upload_to_store(actor=citizen, title="Giấy tờ", upload=pdf())
    assert not str(document.file.path).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError, match="no public URL"):
        document.file.url  # noqa: B018


def test_papers_handed_in_with_a_dossier_and_results_are_kept(citizen):
    document = StoredDocument.objects.create(
        owner=citizen, title="Tờ khai", file="portal/store/x.pdf", kind=StoredKind.DOSSIER_DOCUMENT
    )
    with pytest.raises(PermissionDenied):
        store.delete_stored(actor=citizen, document=document)
    with pytest.raises(PermissionDenied):
        store.delete_stored(actor=CitizenFactory(), document=document)


def test_a_result_attached_to_my_dossier_enters_my_store_once(
    desk, citizen, logged_in, django_capture_on_commit_callbacks
):
    dossier = submit_online(desk, citizen)
    dossier = dossier_services.receive(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version
    )
    dossier = to_leader(desk, dossier)
    with django_capture_on_commit_callbacks(execute=True):
        dossier_services.attach_result(
            actor=desk.leader_a,
            dossier=dossier,
            expected_version=dossier.version,
            number="12/TLKS",
            signed_on=timezone.localdate(),
            file=pdf("ket-qua.pdf"),
        )
    result = StoredDocument.objects.get(owner=citizen, kind=StoredKind.RESULT)
    assert result.source_dossier_id == dossier.pk
    assert dossier.code in result.title
    assert "12/TLKS" in result.title
    assert result.file.read().startswith(b"%PDF-")
    assert store.collect_result(dossier=Dossier.objects.get(pk=dossier.pk)) is None  # once
    download = logged_in.get(reverse("portal:store_download", args=[result.pk]))
    assert download.status_code == 200


def test_a_counter_dossier_without_a_citizen_account_adds_nothing(desk, django_capture_on_commit_callbacks):
    from tests.dossiers.factories import receive

    dossier = to_leader(desk, receive(desk))
    with django_capture_on_commit_callbacks(execute=True):
        dossier_services.attach_result(
            actor=desk.leader_a,
            dossier=dossier,
            expected_version=dossier.version,
            number="1/KQ",
            signed_on=timezone.localdate(),
            file=pdf(),
        )
    assert not StoredDocument.objects.exists()
