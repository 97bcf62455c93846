"""Hostile and odd input gets a bilingual 400 (or 413/409/503), never a 500 (issue 19).

Each case of the issue's probe is replayed over real HTTP on the suite's database. NUL is the case where the
two databases differ (SQLite stores it, PostgreSQL refuses it): the boundary refuses it before either sees
it, so every assertion here holds on both; the cases that reached PostgreSQL's error are marked ON_PG in the
name of what they prove.
"""

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLResolver, get_resolver
from rest_framework.parsers import JSONParser
from rest_framework.test import APIClient
from rest_framework.views import APIView

from motcua.core.parsers import BoundedJSONParser, depth_of
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierPause
from tests.dossiers.factories import build_desk, receive, to_leader

ON_PG = connection.vendor == "postgresql"
PASSWORD = "matkhau-thu-123"


def bilingual(text: str) -> bool:
    return " / " in text


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def page_for(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def assert_refused(response, status: int = 400) -> None:
    assert response.status_code == status, response.content[:500]
    if response["Content-Type"].startswith("application/json"):
        body = response.json()
        assert body["code"], body
        assert bilingual(body["detail"]), body
    else:
        assert bilingual(response.content.decode()), response.content[:500]


# ------------------------------------------------------------------------------ NUL and control characters


@pytest.mark.parametrize(
    "field", ["centre", "procedure", "competent_agency", "applicant_name", "applicant_commune"]
)
def test_nul_in_a_reception_field_of_the_api_is_a_400_on_both_databases(desk, field):
    body = {
        "centre": desk.centre().code,
        "procedure": desk.procedure.national_code,
        "applicant_name": "An",
        "applicant_id_number": "001099012345",
        "applicant_phone": "0912345678",
        "documents": [],
        field: "A\x00B",
    }
    response = api_for(desk.officer_a).post("/api/v1/dossiers/", body, format="json")
    assert_refused(response)
    assert Dossier.objects.count() == 0


def test_nul_in_hand_over_target_is_a_400(desk):
    dossier = receive(desk)
    response = api_for(desk.officer_a).post(
        f"/api/v1/dossiers/{dossier.pk}/hand-over/",
        {"expected_version": 1, "to_agency": "\x00"},
        format="json",
    )
    assert_refused(response)
    assert Dossier.objects.get(pk=dossier.pk).version == 1


def test_nul_spelled_as_a_json_escape_is_refused_but_an_escaped_backslash_is_not(desk):
    api = api_for(desk.officer_a)
    dossier = receive(desk)
    raw = '{"expected_version": 1, "to_agency": "x\\u0000"}'
    response = api.post(f"/api/v1/dossiers/{dossier.pk}/hand-over/", raw, content_type="application/json")
    assert_refused(response)
    # The text \u0000 itself (an escaped backslash, then "u0000") is ordinary input: no NUL here.
    raw = '{"expected_version": 1, "to_agency": "x\\\\u0000"}'
    response = api.post(f"/api/v1/dossiers/{dossier.pk}/hand-over/", raw, content_type="application/json")
    assert response.status_code == 400
    assert "to_agency" in response.json()["errors"]


@pytest.mark.parametrize("param", ["level", "sector", "q", "agency"])
def test_nul_or_a_control_character_in_a_filter_is_a_400(client, param, db):
    for value in ("\x00", "a\x01", "\x1b[31m"):
        assert_refused(client.get("/api/v1/procedures/", {param: value}))
        assert_refused(client.get("/thu-tuc/", {param: value}))


def test_nul_in_a_form_field_and_in_the_path_are_400(client, db):
    assert_refused(client.post("/dang-nhap/", {"username": "admin\x00", "password": "x"}))
    assert_refused(client.get("/thu-tuc/abc%00/"))


def test_a_multipart_body_without_boundary_is_a_400(client, db):
    response = client.generic("POST", "/api/v1/dossiers/track/", b"x", content_type="multipart/form-data")
    assert_refused(response)


def test_line_breaks_in_a_posted_text_are_not_refused(desk):
    dossier = to_leader(desk, receive(desk))
    response = api_for(desk.leader_a).post(
        f"/api/v1/dossiers/{dossier.pk}/request-supplement/",
        {"expected_version": dossier.version, "missing": "Tờ khai\r\n\tbản sao"},
        format="json",
    )
    assert response.status_code == 200, response.content


# --------------------------------------------------------------------------------- JSON depth and size


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize("url", ["/api/v1/auth/token/", "/api/v1/dossiers/track/"])
def test_json_nested_a_thousand_levels_is_a_400(client, url, db):
    for body in (deep(1000), '{"a":' * 1000 + "1" + "}" * 1000):
        response = client.post(url, body, content_type="application/json")
        assert_refused(response)
        assert response.json()["code"] == "parse_error"


def api_views():
    """Every DRF view the URL resolver reaches, so a new app's endpoint is checked without a hand list."""

    def walk(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns)
            else:
                view = getattr(entry.callback, "cls", None)
                if view is not None and issubclass(view, APIView):
                    yield str(entry.pattern), view

    return list(walk(get_resolver().url_patterns))


def test_every_api_endpoint_parses_json_with_the_bounded_parser():
    views = api_views()
    assert len(views) > 5
    for route, view in views:
        parsers = view.parser_classes
        unbounded = [p for p in parsers if issubclass(p, JSONParser) and not issubclass(p, BoundedJSONParser)]
        assert not unbounded, f"{route}: {unbounded}"


def test_depth_counts_brackets_outside_strings_only():
    assert depth_of(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert depth_of(b'"\\"[[["') == 0
    assert depth_of(deep(40).encode()) == 40


def test_a_shallow_json_body_is_parsed_as_before(desk):
    user = desk.officer_a
    user.set_password(PASSWORD)
    user.save()
    response = Client().post(
        "/api/v1/auth/token/",
        json.dumps({"username": user.username, "password": PASSWORD}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["token"]


def test_a_body_over_the_limit_is_a_413(client, settings, db):
    settings.MOTCUA_API_MAX_BODY_BYTES = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    body = json.dumps({"code": "x" * 2000, "last4": "1234"})
    response = client.post("/api/v1/dossiers/track/", body, content_type="application/json")
    assert_refused(response, 413)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/api/v1/dossiers/track/", body, content_type="application/json")
    assert_refused(response, 413)


def test_invalid_json_and_nan_are_a_400(client, db):
    for body in ("{", '{"code": NaN, "last4": "1234"}', "\xff"):
        response = client.post("/api/v1/dossiers/track/", body, content_type="application/json")
        assert_refused(response)


# ------------------------------------------------------------------------------- typed page parameters


@pytest.mark.parametrize("version", ["abc", "1e5", "-1", "１", "99999999999999999999999"])
def test_a_posted_version_that_is_not_a_number_is_a_400(desk, version):
    dossier = receive(desk)
    response = page_for(desk.officer_a).post(f"/ho-so/{dossier.pk}/hand_over/", {"version": version})
    assert_refused(response)
    assert Dossier.objects.get(pk=dossier.pk).version == 1


def test_payment_agency_and_procedure_that_are_not_numbers_are_a_400(desk):
    dossier = receive(desk)
    officer = page_for(desk.officer_a)
    assert_refused(officer.post(f"/ho-so/{dossier.pk}/thu-phi/", {"payment": "abc"}))
    period = {"start": "01/03/2026", "end": "31/03/2026"}
    assert_refused(officer.get("/ho-so/so-theo-doi/", {"agency": "abc", **period}))
    assert_refused(officer.get("/ho-so/tiep-nhan/", {"procedure": "abc"}))
    # Numbers still work as before.
    assert officer.get("/ho-so/tiep-nhan/", {"procedure": desk.procedure.pk}).status_code == 200
    response = officer.get("/ho-so/so-theo-doi/", {"agency": desk.centre().pk, **period})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_catalog_version_number_of_odd_digits_is_a_400_not_a_500(client, desk):
    code = desk.procedure.national_code
    assert client.get(f"/thu-tuc/{code}/").status_code == 200
    assert_refused(Client(raise_request_exception=False).get(f"/thu-tuc/{code}/", {"phien-ban": "²"}))


@pytest.mark.parametrize("query", [{"status": "AAA"}, {"category": "abc"}, {"category": "1e5", "q": "đất"}])
def test_a_bulletin_filter_outside_its_document_is_a_400_for_every_reader(client, query, db):
    """Found by schemathesis: `?status=AAA` was read as no filter (a 200 the document calls invalid)."""
    assert_refused(client.get("/api/v1/outreach/articles/", query))
    assert client.get("/api/v1/outreach/articles/", {"status": "draft"}).status_code == 200


# --------------------------------------------------------------------------------- concurrent requests


@pytest.fixture
def seeded(transactional_db):
    """The flush after transactional tests removes what migrations seed; seeding again is idempotent."""
    import_module("motcua.catalog.migrations.0002_levels_rules_search").seed(apps, None)


@pytest.mark.skipif(not ON_PG, reason="SQLite serialises writers: there is no race to lose")
@pytest.mark.django_db(transaction=True)
def test_eight_supplement_requests_at_once_get_one_200_and_seven_409(seeded, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    desk = build_desk()
    dossier = to_leader(desk, receive(desk))
    seen = dossier.version
    gate = threading.Barrier(8)

    def ask(i):
        try:
            client = api_for(desk.leader_a)
            gate.wait(timeout=30)
            return client.post(
                f"/api/v1/dossiers/{dossier.pk}/request-supplement/",
                {"expected_version": seen, "missing": f"Tờ khai {i}"},
                format="json",
            ).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(ask, range(8)))
    assert statuses == [200] + [409] * 7
    assert DossierPause.objects.filter(dossier=dossier, ended_at__isnull=True).count() == 1
    assert Dossier.objects.get(pk=dossier.pk).version == seen + 1


def test_supplement_request_still_opens_the_pause(desk):
    dossier = to_leader(desk, receive(desk))
    services.request_supplement(
        actor=desk.leader_a, dossier=dossier, expected_version=dossier.version, missing="Tờ khai"
    )
    assert DossierPause.objects.filter(dossier=dossier, ended_at__isnull=True).count() == 1


# ------------------------------------------------------------------------------------ database outage


@pytest.fixture
def database_down(transactional_db):
    """The real connection set aside and the settings pointed at a port (PostgreSQL) or a folder (SQLite)
    with no database: the next query opens a connection and fails as an outage does. Restored afterwards
    (the connection is kept, not closed: closing SQLite's in-memory test database would destroy it)."""
    saved, real = dict(connection.settings_dict), connection.connection
    connection.connection = None
    if ON_PG:
        connection.settings_dict["PORT"] = "1"
    else:
        connection.settings_dict["NAME"] = "/nonexistent/motcua/down.sqlite3"
    try:
        yield
    finally:
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
        connection.connection = real


def test_the_api_answers_503_with_retry_after_while_the_database_is_down(database_down):
    response = APIClient(raise_request_exception=False).get("/api/v1/procedures/")
    assert_refused(response, 503)
    assert response.json()["code"] == "service_unavailable"
    assert int(response["Retry-After"]) > 0


def test_a_page_answers_a_friendly_503_while_the_database_is_down(database_down):
    response = Client(raise_request_exception=False).get("/thu-tuc/")
    assert_refused(response, 503)
    assert "Hệ thống tạm thời gián đoạn" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_a_query_error_is_not_taken_for_an_outage(db):
    from django.db import OperationalError

    from motcua.core.boundary import is_database_unavailable

    with pytest.raises(Exception) as raised, connection.cursor() as cursor:  # noqa: PT011
        cursor.execute("SELECT * FROM no_such_table_anywhere")
    assert not is_database_unavailable(raised.value)
    assert is_database_unavailable(OperationalError("unable to open database file"))
