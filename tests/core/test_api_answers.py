"""What the API answers where no API view speaks (core.api): a URL of the wrong shape, a method the route
does not declare. Found by schemathesis: HTML 404s in /api/, 403 to TRACE, 500 on `null,null`."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def shape(response) -> dict:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) >= {"detail", "code"}, body
    assert " / " in body["detail"], "Vietnamese / English"
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/dossiers/0.5/",
        "/api/v1/feedback/null%2Cnull/",
        "/api/v1/review/reviews/x/",
        "/api/v1/nothing/",
    ],
)
def test_an_api_url_no_route_matches_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert shape(response)["code"] == "not_found"


def test_a_page_no_route_matches_is_still_the_page(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_an_officer_gets_404_not_500_for_an_id_that_is_no_number(client, desk):
    token = Token.objects.create(user=desk.officer_a).key
    for path in ("/api/v1/feedback/null%2Cnull/", "/api/v1/feedback/1e5/accept/"):
        response = client.post(path, {}, HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code == 404, (path, response.status_code)
        assert shape(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("trace", "/api/v1/feedback/track/", "OPTIONS, POST"),
        ("delete", "/api/v1/procedures/", "GET, HEAD, OPTIONS"),
        ("put", "/api/v1/dossiers/queues/", "GET, HEAD, OPTIONS"),
    ],
)
def test_a_method_the_route_does_not_declare_is_405_before_credentials_are_asked(
    client, method, path, allowed
):
    response = client.generic(method.upper(), path)
    assert response.status_code == 405
    assert shape(response)["code"] == "method_not_allowed"
    assert response["Allow"] == allowed


def test_a_declared_method_still_asks_for_credentials(client):
    assert client.get("/api/v1/dossiers/queues/").status_code in (401, 403)
