"""The feedback API: token auth, scoping (another agency gets 404), actions, conflicts, public endpoints."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from motcua.feedback.models import Feedback

from .conftest import published, send

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def client_for(user) -> APIClient:
    client = APIClient()
    response = client.post("/api/v1/auth/token/", {"username": user.username, "password": "matkhau-thu-123"})
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


BODY = {
    "sender": {"name": "Lê Văn Cường", "phone": "0987654321"},
    "content": {"title": "Mẫu tờ khai khó hiểu", "content": "Mẫu tờ khai yêu cầu thông tin trùng lặp."},
}


def test_anyone_sends_and_tracks_with_the_verification(world):
    anonymous = APIClient()
    response = anonymous.post("/api/v1/feedback/", BODY, format="json")
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    assert anonymous.post("/api/v1/feedback/track/", {"code": code, "secret": "1111"}).status_code == 404
    found = anonymous.post("/api/v1/feedback/track/", {"code": code, "secret": "4321"})
    assert found.status_code == 200
    assert found.json()["status"] == "received"
    assert "phone" not in found.json()


def test_bad_input_is_400_with_the_one_error_shape(world):
    response = APIClient().post("/api/v1/feedback/", {"sender": {"name": ""}, "content": {}}, format="json")
    assert response.status_code == 400
    assert {"detail", "code"} <= set(response.json())
    response = APIClient().post(
        "/api/v1/feedback/", {**BODY, "sender": {"name": "A", "phone": "", "email": ""}}, format="json"
    )
    assert response.status_code == 400
    assert " / " in response.json()["detail"]


def test_tracking_is_rate_limited(world, settings):
    settings.MOTCUA_TRACKING_LIMIT = (1, 600)
    client = APIClient()
    client.post("/api/v1/feedback/track/", {"code": "PAXXXXXXXX", "secret": "1234"})
    assert client.post("/api/v1/feedback/track/", {"code": "PAXXXXXXXX", "secret": "1234"}).status_code == 429


def test_officers_walk_an_item_through_the_actions_and_others_get_404(world):
    item = send(world)
    desk, specialist, leader = (
        client_for(world.receiver),
        client_for(world.specialist),
        client_for(world.leader),
    )
    listed = desk.get("/api/v1/feedback/").json()["results"]
    assert [row["code"] for row in listed] == [item.code]
    detail = desk.get(f"/api/v1/feedback/{item.pk}/").json()
    assert detail["allowed_actions"] == ["refuse", "ask_to_complete", "accept"]
    assert detail["sender"]["phone"] == "0912345678"
    steps = [
        (desk, "accept", {"version": 1, "category": "regulation", "sector": world.sector.code}),
        (desk, "route", {"version": 2, "agency": world.justice.code}),
        (specialist, "draft-answer", {"version": 3, "answer": "Đã sửa mẫu tờ khai."}),
        (leader, "approve", {"version": 4}),
        (desk, "publish", {"version": 5}),
    ]
    for client, path, body in steps:
        response = client.post(f"/api/v1/feedback/{item.pk}/{path}/", body, format="json")
        assert response.status_code == 200, (path, response.content)
    assert response.json()["status"] == "published"
    other = client_for(world.other_specialist)
    assert other.get(f"/api/v1/feedback/{item.pk}/").status_code == 404
    assert other.get("/api/v1/feedback/").json()["results"] == []
    assert other.post(f"/api/v1/feedback/{item.pk}/publish/", {"version": 6}).status_code == 404


def test_a_stale_version_is_409_a_refused_role_403_a_wrong_state_400(world):
    item = send(world)
    desk = client_for(world.receiver)
    assert (
        desk.post(f"/api/v1/feedback/{item.pk}/accept/", {"version": 1, "category": "conduct"}).status_code
        == 200
    )
    stale = desk.post(f"/api/v1/feedback/{item.pk}/refuse/", {"version": 1, "reason": "Khiếu nại"})
    assert stale.status_code == 409
    assert "reload" in stale.json()["detail"]
    Feedback.objects.filter(pk=item.pk).update(agency=world.justice, status="processing")
    assert (
        desk.post(f"/api/v1/feedback/{item.pk}/draft-answer/", {"version": 2, "answer": "x"}).status_code
        == 403
    )
    assert (
        desk.post(f"/api/v1/feedback/{item.pk}/accept/", {"version": 2, "category": "conduct"}).status_code
        == 400
    )


def test_a_citizen_cannot_read_the_officers_list(world):
    client = APIClient()
    client.force_login(world.citizen)
    assert client.get("/api/v1/feedback/").json()["results"] == []
    assert APIClient().get("/api/v1/feedback/").status_code in (401, 403)


def test_the_public_list_is_masked_and_the_sender_votes_with_the_proof(world):
    item = published(world)
    Feedback.objects.filter(pk=item.pk).update(content="Gọi tôi: 0912 345 678 hoặc an@example.vn")
    rows = APIClient().get("/api/v1/feedback/published/", {"sector": world.sector.pk}).json()["results"]
    assert rows[0]["code"] == item.code
    assert rows[0]["sender"] == "N. V. A."
    assert "0912" not in rows[0]["content"]
    assert "@" not in rows[0]["content"]
    assert APIClient().get(f"/api/v1/feedback/{item.pk}/published/").status_code == 200
    assert APIClient().get(f"/api/v1/feedback/{send(world).pk}/published/").status_code == 404
    voted = APIClient().post(
        f"/api/v1/feedback/{item.pk}/vote/", {"agrees": False, "code": item.code, "secret": "5678"}
    )
    assert voted.status_code == 201
    again = APIClient().post(
        f"/api/v1/feedback/{item.pk}/vote/", {"agrees": False, "code": item.code, "secret": "5678"}
    )
    assert again.status_code == 400
    item.refresh_from_db()
    assert item.disagree_count == 1


def test_the_sender_supplements_with_the_proof(world):
    item = send(world)
    client_for(world.receiver).post(
        f"/api/v1/feedback/{item.pk}/ask-to-complete/", {"version": 1, "missing": "Số văn bản"}
    )
    response = APIClient().post(
        "/api/v1/feedback/sender-supplement/",
        {"code": item.code, "secret": "an@example.vn", "version": 2, "text": "NĐ 123/2015"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "received"


def test_the_schema_documents_the_feedback_endpoints_and_errors(db):
    schema = APIClient().get("/api/schema/?format=json").json()
    publish = schema["paths"]["/api/v1/feedback/{id}/publish/"]["post"]["responses"]
    assert {"200", "400", "403", "404", "409"} <= set(publish)
    assert "/api/v1/feedback/track/" in schema["paths"]
    assert "/api/v1/feedback/published/" in schema["paths"]
