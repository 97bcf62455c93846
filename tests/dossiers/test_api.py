"""The dossier API: token login, scoping (another commune gets 404), actions, conflicts, errors."""

from datetime import date

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from motcua.dossiers.models import Dossier
from tests.dossiers.factories import checklist, receive, to_leader, vn


def client_for(user, token=True) -> APIClient:
    client = APIClient()
    if token:
        response = client.post(
            "/api/v1/auth/token/", {"username": user.username, "password": "matkhau-thu-123"}
        )
        assert response.status_code == 200, response.content
        client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    else:
        client.force_login(user)
    return client


def reception_body(desk, **overrides):
    body = {
        "centre": desk.centre().code,
        "procedure": desk.procedure.national_code,
        "applicant_name": "Trần Thị Bình",
        "applicant_id_number": "001199000777",
        "applicant_phone": "0987654321",
        "applicant_commune": desk.commune().pk,
        "documents": [
            {"required_document": d.required_document.pk, "name": d.name, "originals": 1}
            for d in checklist(desk.procedure)
        ],
    }
    body.update(overrides)
    return body


def test_a_token_lets_an_officer_receive_and_read_a_dossier(desk):
    api = client_for(desk.officer_a)
    response = api.post("/api/v1/dossiers/", reception_body(desk), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "received"
    assert data["code"].startswith(desk.centre().code)
    detail = api.get(f"/api/v1/dossiers/{data['id']}/").json()
    assert detail["code"] == data["code"]
    assert "hand_over" in detail["allowed_actions"]


def test_wrong_password_gets_400_and_no_token(desk):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": desk.officer_a.username, "password": "sai"}
    )
    assert response.status_code == 400


def test_an_officer_of_another_commune_gets_404_not_the_dossier(desk):
    dossier = receive(desk, at=vn(2026, 3, 2, 9))
    other = client_for(desk.officer_b)
    assert other.get(f"/api/v1/dossiers/{dossier.pk}/").status_code == 404
    assert other.post(f"/api/v1/dossiers/{dossier.pk}/hand-over/", {"expected_version": 1}).status_code == 404
    assert other.get("/api/v1/dossiers/").json()["results"] == []
    assert [d["code"] for d in client_for(desk.officer_a).get("/api/v1/dossiers/").json()["results"]] == [
        dossier.code
    ]


def test_anonymous_users_get_401_or_403(desk):
    assert APIClient().get("/api/v1/dossiers/").status_code in (401, 403)


def test_actions_walk_the_dossier_to_its_return(desk):
    dossier = receive(desk)
    officer, specialist, leader = (client_for(u) for u in (desk.officer_a, desk.specialist_a, desk.leader_a))
    url = f"/api/v1/dossiers/{dossier.pk}"
    assert officer.post(f"{url}/hand-over/", {"expected_version": 1}).status_code == 200
    assert specialist.post(f"{url}/hand-over/", {"expected_version": 2}).status_code == 200
    response = leader.post(
        f"{url}/attach-result/",
        {"expected_version": 3, "number": "1/GKS", "signed_on": date.today().isoformat()},
    )
    assert response.status_code == 200, response.content
    response = officer.post(f"{url}/return-result/", {"expected_version": 4, "method": "counter"})
    assert response.json()["status"] == "returned"


def test_a_stale_version_gets_409_with_a_bilingual_message(desk):
    dossier = receive(desk)
    api = client_for(desk.officer_a)
    assert api.post(f"/api/v1/dossiers/{dossier.pk}/hand-over/", {"expected_version": 1}).status_code == 200
    response = api.post(
        f"/api/v1/dossiers/{dossier.pk}/request-supplement/", {"expected_version": 1, "missing": "Tờ khai"}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"  # the platform's one error shape (core.errors)
    assert "Someone else" in response.json()["detail"]


def test_a_role_the_table_does_not_allow_gets_403_and_a_wrong_state_400(desk):
    dossier = receive(desk)
    specialist = client_for(desk.officer_a)
    assert (
        specialist.post(
            f"/api/v1/dossiers/{dossier.pk}/stop/", {"expected_version": 1, "reason": "x"}
        ).status_code
        == 403
    )
    assert (
        specialist.post(
            f"/api/v1/dossiers/{dossier.pk}/return-result/", {"expected_version": 1, "method": "counter"}
        ).status_code
        == 400
    )


def test_bad_input_is_400_never_500(desk):
    api = client_for(desk.officer_a)
    assert (
        api.post(
            "/api/v1/dossiers/", reception_body(desk, applicant_id_number="12"), format="json"
        ).status_code
        == 400
    )
    assert api.post("/api/v1/dossiers/", {"centre": "nope"}, format="json").status_code == 400
    assert api.post("/api/v1/dossiers/", reception_body(desk, documents=[]), format="json").status_code == 400
    assert Dossier.objects.count() == 0


def test_a_fake_pdf_is_refused(desk):
    dossier = to_leader(desk, receive(desk))
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("ketqua.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(desk.leader_a).post(
        f"/api/v1/dossiers/{dossier.pk}/attach-result/",
        {
            "expected_version": dossier.version,
            "number": "1",
            "signed_on": timezone.localdate().isoformat(),
            "file": fake,
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "Programs, web pages and scripts are not accepted." in response.json()["detail"]


def test_queues_list_counts_and_page_by_due_date(desk):
    for hour in (9, 10, 11):
        receive(desk, at=vn(2026, 3, 2, hour))
    api = client_for(desk.officer_a)
    counts = api.get("/api/v1/dossiers/queues/").json()
    assert counts["mine"] == 3
    page = api.get("/api/v1/dossiers/queues/mine/").json()
    dues = [row["due_at"] for row in page["results"]]
    assert dues == sorted(dues)
    assert api.get("/api/v1/dossiers/queues/nope/").status_code == 404


def test_the_schema_documents_the_error_responses(db):
    schema = APIClient().get("/api/schema/?format=json").json()
    hand_over = schema["paths"]["/api/v1/dossiers/{id}/hand-over/"]["post"]["responses"]
    assert {"400", "403", "404", "409"} <= set(hand_over)


@pytest.mark.parametrize("token", [True, False], ids=["token", "session"])
def test_both_token_and_session_work(desk, token):
    assert client_for(desk.officer_a, token=token).get("/api/v1/dossiers/").status_code == 200
