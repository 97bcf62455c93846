"""Citizens find procedures without diacritics and in their own words; the same tests run on both vendors."""

from datetime import date

import pytest

from motcua.catalog import services
from motcua.catalog.search import query_terms, search_procedures
from tests.catalog.factories import SectorFactory, published
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
AT = date(2025, 8, 1)


@pytest.fixture
def catalog():
    building = SectorFactory(code="G05-XD01", name="Hoạt động xây dựng")
    land = SectorFactory(code="G06-DD01", name="Đất đai")
    civil = SectorFactory(code="G09-TP01", name="Hộ tịch")
    return {
        "permit": published(
            name="Cấp giấy phép xây dựng",
            sector=building.code,
            levels=["province"],
            result="Giấy phép xây dựng",
        ),
        "temporary": published(
            name="Cấp giấy phép xây dựng có thời hạn",
            sector=building.code,
            levels=["commune"],
            result="Giấy phép xây dựng có thời hạn",
        ),
        "business": published(
            name="Cấp giấy phép kinh doanh dịch vụ lữ hành",
            sector=building.code,
            levels=["province"],
            result="Giấy phép kinh doanh",
        ),
        "land": published(
            name="Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
            sector=land.code,
            levels=["commune"],
            result="Giấy chứng nhận quyền sử dụng đất",
        ),
        "marriage": published(name="Đăng ký kết hôn", sector=civil.code, result="Giấy chứng nhận kết hôn"),
        "birth": published(name="Đăng ký khai sinh", sector=civil.code, result="Giấy khai sinh"),
        # The body mentions construction, the name does not: it must rank below name matches.
        "inspection": published(
            name="Thẩm định hồ sơ hoàn công",
            sector=building.code,
            result="Văn bản chấp thuận sau khi có giấy phép xây dựng",
        ),
    }


def names(results):
    return [version.name for version in results]


def test_without_diacritics_finds_the_same_procedure_first(catalog):
    assert names(search_procedures("cap giay phep xay dung", at=AT))[0] == "Cấp giấy phép xây dựng"
    assert names(search_procedures("giấy phép xây dựng", at=AT))[0] == "Cấp giấy phép xây dựng"
    assert names(search_procedures("GIAY PHEP XAY DUNG", at=AT))[0] == "Cấp giấy phép xây dựng"


def test_name_matches_rank_above_matches_elsewhere(catalog):
    found = names(search_procedures("giay phep xay dung", at=AT))
    assert found.index("Cấp giấy phép xây dựng có thời hạn") < found.index("Thẩm định hồ sơ hoàn công")
    assert found.index("Cấp giấy phép kinh doanh dịch vụ lữ hành") < found.index("Thẩm định hồ sơ hoàn công")


def test_citizens_words_find_the_procedure(catalog):
    assert names(search_procedures("tôi muốn xin giấy phép xây nhà", at=AT))[0].startswith(
        "Cấp giấy phép xây dựng"
    )
    assert names(search_procedures("dang ky khai sinh cho con", at=AT))[0] == "Đăng ký khai sinh"


def test_synonyms_kept_by_the_control_officer(catalog):
    assert "Đăng ký kết hôn" not in names(search_procedures("lấy vợ", at=AT))
    services.save_synonym(actor=None, term="lấy vợ", expansion="kết hôn")
    services.save_synonym(actor=None, term="Sổ đỏ", expansion="giấy chứng nhận quyền sử dụng đất")
    assert names(search_procedures("dang ky lay vo", at=AT))[0] == "Đăng ký kết hôn"
    assert names(search_procedures("xin so do lan dau", at=AT))[0].startswith("Đăng ký, cấp Giấy chứng nhận")
    terms = query_terms("làm sổ đỏ")
    assert {"giay", "chung", "nhan", "quyen", "su", "dung", "dat"} <= set(terms)


def test_filters_by_sector_level_and_agency(catalog):
    assert set(names(search_procedures("", at=AT, level="province"))) == {
        "Cấp giấy phép xây dựng",
        "Cấp giấy phép kinh doanh dịch vụ lữ hành",
    }
    assert names(search_procedures("giay phep xay dung", at=AT, level="commune"))[0] == (
        "Cấp giấy phép xây dựng có thời hạn"
    )
    assert set(names(search_procedures("", at=AT, sector="G09-TP01"))) == {
        "Đăng ký kết hôn",
        "Đăng ký khai sinh",
    }
    agency = AgencyFactory(code="000.00.41.H99")
    services.apply_procedure(actor=None, procedure=catalog["marriage"], agency=agency)
    assert names(search_procedures("dang ky", at=AT, agency="000.00.41.H99")) == ["Đăng ký kết hôn"]
    assert names(search_procedures("dang ky", at=AT, agency=agency)) == ["Đăng ký kết hôn"]


def test_only_versions_in_force_at_the_instant_are_found(catalog):
    assert list(search_procedures("khai sinh", at=date(2025, 6, 30))) == []
    assert names(search_procedures("khai sinh", at=AT))[0] == "Đăng ký khai sinh"


def test_a_national_code_finds_its_procedure(catalog):
    code = catalog["birth"].national_code
    assert names(search_procedures(code, at=AT))[0] == "Đăng ký khai sinh"


def test_nothing_matches_nonsense_and_an_empty_query_lists_everything(catalog):
    assert list(search_procedures("qwxz", at=AT)) == []
    assert len(search_procedures("", at=AT)) == len(catalog)


SAMPLES = {
    "Đăng ký khai sinh": "dang ky khai sinh",
    "Cấp Giấy chứng nhận quyền sử dụng đất": "cap giay chung nhan quyen su dung dat",
    "Thủ tục đất đai, ĐỔI GIẤY": "thu tuc dat dai, doi giay",
    "Chứng thực bản sao; Lý lịch tư pháp": "chung thuc ban sao; ly lich tu phap",
}


def test_folding_matches_postgresql_unaccent():
    """Stored columns and queries are folded in Python; on PostgreSQL that equals unaccent(lower(…))."""
    from django.db import connection

    from motcua.core.text import fold

    for text, expected in SAMPLES.items():
        assert fold(text) == expected
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT unaccent(lower(%s))", [text])
                assert cursor.fetchone()[0] == expected
