"""The /api/v1/ catalog API and its OpenAPI schema."""

from datetime import date

import pytest

from motcua.catalog import services
from motcua.catalog.models import ProcedureVersion
from motcua.org.models import Role
from tests.catalog.factories import SectorFactory, content, published
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    SectorFactory(code="G05-XD01", name="Hoạt động xây dựng")
    permit = published(name="Cấp giấy phép xây dựng", sector="G05-XD01", levels=["province"])
    birth = published(name="Đăng ký khai sinh")
    agency = AgencyFactory(code="000.00.41.H99")
    services.apply_procedure(actor=None, procedure=birth, agency=agency, fee=0)
    return {"permit": permit, "birth": birth, "agency": agency}


def test_list_is_ranked_filtered_and_paginated(client, catalog):
    body = client.get("/api/v1/procedures/", {"search": "cap giay phep xay dung", "at": "2025-08-01"}).json()
    assert body["results"][0]["name"] == "Cấp giấy phép xây dựng"
    assert {"count", "next", "previous"} <= set(body)
    assert [
        r["name"] for r in client.get("/api/v1/procedures/", {"level": "province"}).json()["results"]
    ] == ["Cấp giấy phép xây dựng"]
    assert [
        r["name"] for r in client.get("/api/v1/procedures/", {"agency": "000.00.41.H99"}).json()["results"]
    ] == ["Đăng ký khai sinh"]
    assert client.get("/api/v1/procedures/", {"sector": "G05-XD01"}).json()["count"] == 1


def test_detail_by_code_with_agencies(client, catalog):
    code = catalog["birth"].national_code
    body = client.get(f"/api/v1/procedures/{code}/").json()
    assert body["name"] == "Đăng ký khai sinh"
    assert body["version"] == 1
    assert body["agencies"][0]["local_code"] == f"{code}.000.00.41.H99"
    assert body["channels"][0]["time_unit"] == "d"


def test_not_in_force_or_unknown_is_404(client, catalog):
    code = catalog["birth"].national_code
    assert client.get(f"/api/v1/procedures/{code}/", {"at": "2025-06-30"}).status_code == 404
    assert client.get("/api/v1/procedures/9.999999/").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"at": "2025-13-01"},
        {"at": "hôm qua"},
        {"level": "huyen-xa"},
        {"agency": "000.00.99.H00"},
        {"search": "x" * 300},
    ],
)
def test_bad_parameters_are_400_with_a_message(client, catalog, params):
    response = client.get("/api/v1/procedures/", params)
    assert response.status_code == 400
    assert response.json()


def test_bad_at_on_detail_is_400(client, catalog):
    assert client.get(f"/api/v1/procedures/{catalog['birth'].national_code}/", {"at": "x"}).status_code == 400


def test_catalog_schema_generates_without_warnings():
    """The catalog's part of the OpenAPI schema is valid and free of warnings (404/400 declared)."""
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    GENERATOR_STATS.reset()
    patterns = [path("api/v1/", include("motcua.catalog.api_urls"))]
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    validate_schema(schema)
    assert not GENERATOR_STATS, "drf-spectacular warned while generating the catalog schema"
    detail = schema["paths"]["/api/v1/procedures/{code}/"]["get"]["responses"]
    assert {"200", "400", "404"} <= set(detail)
    assert "400" in schema["paths"]["/api/v1/procedures/"]["get"]["responses"]


def test_whole_schema_is_served(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v1/procedures/{code}/" in response.content


def test_control_officer_writes_a_draft_and_issues_a_decision(client, catalog, make_staff):
    officer = make_staff(catalog["agency"], Role.CONTROL_OFFICER)
    client.force_login(officer)
    draft = content(name="Đăng ký khai tử")
    response = client.post("/api/v1/drafts/", draft, content_type="application/json")
    assert response.status_code == 201, response.content
    response = client.post(
        "/api/v1/decisions/",
        {
            "number": "99/QĐ-UBND",
            "title": "Công bố",
            "signed_on": "2025-07-01",
            "signer": "Chủ tịch",
            "effective_from": "2025-07-15",
            "legal_documents": "Luật Hộ tịch",
            "publish": [draft["national_code"]],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["procedures"] == [draft["national_code"]]
    assert ProcedureVersion.objects.get(procedure__national_code=draft["national_code"]).number == 1


def test_writes_need_the_control_officer_role(client, catalog, make_staff):
    assert client.post("/api/v1/drafts/", content(), content_type="application/json").status_code == 403
    client.force_login(make_staff(catalog["agency"], Role.SPECIALIST))
    assert client.post("/api/v1/drafts/", content(), content_type="application/json").status_code == 403


def test_a_service_refusal_is_a_400_in_the_api_s_one_error_shape(client, catalog, make_staff):
    client.force_login(make_staff(catalog["agency"], Role.CONTROL_OFFICER))
    response = client.post("/api/v1/drafts/", content(sector="KHONG-CO"), content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "Unknown sector" in body["errors"]["sector"][0]
    incomplete = content(sequence="")
    client.post("/api/v1/drafts/", incomplete, content_type="application/json")
    decision = {
        "number": "9/QĐ-UBND",
        "title": "Công bố",
        "signed_on": "2025-07-01",
        "signer": "Chủ tịch",
        "effective_from": "2025-07-01",
        "legal_documents": "Luật",
        "publish": [incomplete["national_code"]],
    }
    refused = client.post("/api/v1/decisions/", decision, content_type="application/json")
    assert refused.status_code == 400
    assert "trình tự thực hiện" in refused.json()["detail"]


def test_the_schema_documents_the_one_error_shape(client):
    schema = client.get("/api/schema/?format=json").json()
    drafts = schema["paths"]["/api/v1/drafts/"]["post"]["responses"]
    ref = drafts["400"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/ApiError"
    assert "Error" not in schema["components"]["schemas"]


def test_decision_dates_in_json(catalog):
    assert catalog["birth"].versions.get().valid_from == date(2025, 7, 1)
