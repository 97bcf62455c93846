"""The submission flow through the test client, shared by the portal's page tests."""

from pathlib import Path

from django.urls import reverse

from motcua.portal.models import Draft

# The birth registration's online form (factories.BIRTH_FIELDS) answered in full, going on to step 3.
BIRTH_ANSWERS = {
    "f-ho_ten_tre": "Nguyễn Minh Khang",
    "f-gioi_tinh": "nam",
    "f-ngay_sinh": "2025-12-30",
    "f-noi_sinh": "Trạm y tế Xã A",
    "f-ho_ten_me": "Trần Thị Bình",
    "f-cam_doan": "on",
    "action": "next",
}


def start(client, procedure) -> Draft:
    response = client.post(reverse("portal:start", args=[procedure.pk]))
    assert response.status_code == 302, response.content.decode()[:500]
    return Draft.objects.order_by("-id").first()


def step_url(draft: Draft, number: int) -> str:
    return reverse("portal:step", args=[draft.pk, number])


def applicant_data(desk, **overrides) -> dict:
    data = {
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": "001099012345",
        "applicant_phone": "0912 345 678",
        "applicant_email": "an@example.vn",
        "applicant_address": "Số 5 đường Hoa Sữa",
        "applicant_commune": desk.commune().pk,
        "centre": desk.centre().pk,
        "result_by_post": "on",
        "action": "next",
    }
    data.update(overrides)
    return data


def documents(desk):
    version = desk.procedure.versions.get()
    return list(version.documents.order_by("position", "id"))


def stored_files(tmp_path: Path) -> list[Path]:
    """Files in the test's private storage (the root conftest points MOTCUA_PRIVATE_ROOT there)."""
    root = tmp_path / "private"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def fill_to_documents(client, desk) -> Draft:
    draft = start(client, desk.procedure)
    assert client.post(step_url(draft, 1), applicant_data(desk)).status_code == 302
    response = client.post(
        step_url(draft, 2), {"f-noi_dung_yeu_cau": "Đăng ký khai sinh cho con", "action": "next"}
    )
    assert response.status_code == 302
    return draft
