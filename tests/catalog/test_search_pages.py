"""The catalog page and the API answer "no match" when nothing relevant is found, and rank real names."""

from datetime import date

import pytest
from django.utils import translation

from motcua.catalog import services
from tests.catalog.factories import SectorFactory, published

pytestmark = pytest.mark.django_db
AT = date(2025, 8, 1)


@pytest.fixture
def catalog():
    land = SectorFactory(code="G06-DB01", name="Đăng ký biện pháp bảo đảm")
    residence = SectorFactory(code="G08-CA01", name="Đăng ký, quản lý cư trú")
    services.save_synonym(actor=None, term="thế chấp", expansion="biện pháp bảo đảm")
    return {
        "mortgage": published(
            national_code="1.011443",
            name="Xoá Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất",
            sector=land.code,
        ),
        "temporary": published(national_code="9.900302", name="Xóa đăng ký tạm trú", sector=residence.code),
        "permanent": published(national_code="1.004222", name="Đăng ký thường trú", sector=residence.code),
    }


def test_the_page_ranks_the_mortgage_deregistration_first(client, catalog):
    response = client.get("/thu-tuc/", {"q": "xoa the chap"})
    assert response.status_code == 200
    names = [v.name for v in response.context["page"].object_list]
    assert names[0].startswith("Xoá Đăng ký biện pháp bảo đảm")
    assert "no-match" not in response.content.decode()


def test_the_page_says_no_match_instead_of_listing_the_catalog(client, catalog):
    response = client.get("/thu-tuc/", {"q": "pizza hamburger"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
    body = response.content.decode()
    assert 'id="no-match"' in body
    assert "Không tìm thấy thủ tục phù hợp với “pizza hamburger”." in body
    # The citizen can still browse: the sectors are offered.
    assert "Xem theo lĩnh vực" in body


def test_the_page_in_english_says_no_match_too(client, catalog):
    with translation.override("en"):
        response = client.get("/thu-tuc/", {"q": "pizza"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'id="no-match"' in response.content.decode()


def test_the_api_answers_no_match_with_a_bilingual_detail(client, catalog):
    body = client.get("/api/v1/procedures/", {"search": "pizza hamburger"}).json()
    assert body["count"] == 0
    assert body["results"] == []
    assert body["detail"].startswith("Không tìm thấy thủ tục phù hợp với “pizza hamburger”.")
    found = client.get("/api/v1/procedures/", {"search": "xoa the chap"}).json()
    assert found["results"][0]["code"] == "1.011443"
    assert "detail" not in found


def test_an_empty_query_still_lists_every_procedure(client, catalog):
    assert client.get("/api/v1/procedures/").json()["count"] == 3
    assert len(client.get("/thu-tuc/", {"q": ""}).context["page"].object_list) == 3
