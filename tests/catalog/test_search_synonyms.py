"""Synonyms are data the TTHC-control officer edits: weighted, audited, loaded from the default file."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import services
from motcua.catalog.models import Synonym
from motcua.catalog.search import query_terms, search_procedures
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from tests.catalog.factories import SectorFactory, published
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
AT = date(2025, 8, 1)


@pytest.fixture
def officer(client, make_staff):
    user = make_staff(AgencyFactory(), Role.CONTROL_OFFICER, is_staff=True)
    client.force_login(user)
    return user


def test_the_officer_adds_a_weighted_synonym_in_the_admin_and_search_uses_it(client, officer):
    residence = SectorFactory(code="G08-CA01", name="Đăng ký, quản lý cư trú")
    published(national_code="1.004222", name="Đăng ký thường trú", sector=residence.code)
    assert list(search_procedures("nhap khau cho con", at=AT)) == []
    response = client.post(
        "/quan-tri/catalog/synonym/add/",
        {"term": "Nhập khẩu", "expansion": "đăng ký thường trú", "weight": "0.90"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    synonym = Synonym.objects.get(term_folded="nhap khau")
    assert synonym.weight == Decimal("0.90")
    event = AuditEvent.objects.get(action="synonym.save")
    assert event.actor == officer
    assert search_procedures("nhap khau cho con", at=AT)[0].procedure.national_code == "1.004222"


def test_a_weight_outside_the_range_is_refused_with_a_message(client, officer):
    response = client.post(
        "/quan-tri/catalog/synonym/add/", {"term": "sổ hồng", "expansion": "giấy chứng nhận", "weight": "3"}
    )
    assert response.status_code == 200
    assert not Synonym.objects.exists()
    with pytest.raises(ValidationError):
        services.save_synonym(actor=None, term="sổ hồng", expansion="giấy chứng nhận", weight="0.05")
    with pytest.raises(ValidationError) as error:
        services.save_synonym(actor=None, term="sổ hồng", expansion="giấy chứng nhận", weight="nhiều")
    assert "0.10" in str(error.value)


def test_the_expansion_shares_the_phrase_weight():
    services.save_synonym(
        actor=None, term="sổ đỏ", expansion="giấy chứng nhận quyền sử dụng đất", weight="0.8"
    )
    terms = query_terms("tach thua so do")
    # The typed words stay; the seven expansion words are all there, each lighter than a typed word.
    assert {"tach", "thua", "so", "do", "giay", "chung", "nhan", "quyen", "su", "dung", "dat"} <= set(terms)


def test_the_default_file_loads_once_and_never_overwrites_an_edit():
    added = services.load_synonyms(actor=None)
    rows = json.loads(services.DEFAULT_SYNONYMS.read_text(encoding="utf-8"))["synonyms"]
    assert added == len(rows) == Synonym.objects.count()
    services.save_synonym(actor=None, term="cccd", expansion="căn cước", weight="0.5")
    assert services.load_synonyms(actor=None) == 0
    assert Synonym.objects.get(term_folded="cccd").expansion == "căn cước"
    # The citizens' words issue 18 names ("giấy phép lái xe" is the catalog's own phrase).
    wanted_terms = ["cccd", "so do", "so hong", "sang ten", "bang lai", "ho khau", "khai sinh cho con"]
    wanted_terms.append("lam lai")
    for wanted in wanted_terms:
        assert Synonym.objects.filter(term_folded=wanted).exists(), wanted


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "synonyms.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        services.load_synonyms(actor=None, path=broken)
    assert "Cannot read the synonyms file" in str(error.value)


def test_the_command_loads_the_default_file_then_adds_nothing(tmp_path):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("load_synonyms", stdout=out)
    assert f"Added {Synonym.objects.count()} synonyms" in out.getvalue()
    out = StringIO()
    call_command("load_synonyms", stdout=out)
    assert "Added 0 synonyms" in out.getvalue()
    with pytest.raises(CommandError, match="Cannot read the synonyms file"):
        call_command("load_synonyms", str(tmp_path / "missing.json"))
