"""The citizen's own profile: validation, address from the organisation tree, contacts, isolation."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from motcua.accounts import selectors
from motcua.accounts.models import AccountKind, CitizenProfile, VerificationCode
from motcua.core.models import AuditEvent
from tests.factories import CitizenFactory, StaffFactory, UnitFactory, level

from .conftest import PASSWORD, last_code, register

pytestmark = pytest.mark.django_db
URL = "/tai-khoan/ho-so-ca-nhan/"


@pytest.fixture
def logged_in(client, citizen):
    client.login(username="0912345678", password=PASSWORD)
    return citizen


def _form(**changes):
    data = {
        "kind": "citizen",
        "full_name": "Nguyễn Thị Lan",
        "id_number": "001190012345",
        "date_of_birth": "1990-05-17",
        "business_name": "",
        "tax_code": "",
        "address": "12 phố Hàng Bạc",
        "province": "",
        "commune": "",
    }
    return data | changes


def test_profile_saves_and_is_what_the_portal_prefills(client, logged_in, province):
    commune = province.commune_units["Xã A"]
    response = client.post(URL, _form(province=province.unit.pk, commune=commune.pk))
    assert response.status_code == 302
    profile = selectors.applicant_profile(logged_in)
    assert profile.id_number == "001190012345"
    assert profile.date_of_birth == date(1990, 5, 17)
    assert profile.commune == commune
    assert profile.phone == "0912345678"
    assert profile.email == ""
    event = AuditEvent.objects.filter(action="profile.update").latest("id")
    assert event.changes["id_number"] == ["", "001190012345"]
    assert "password" not in event.changes


def test_wrong_length_id_number(client, logged_in):
    page = client.post(URL, _form(id_number="00119001234")).content.decode()
    assert "Số CCCD phải gồm đúng 12 chữ số. / The citizen ID number must have exactly 12 digits." in page
    assert 'aria-describedby="id_id_number_helptext id_id_number_error"' in page
    assert selectors.applicant_profile(logged_in).id_number == ""


def test_bad_province_code(client, logged_in):
    page = client.post(URL, _form(id_number="003190012345")).content.decode()
    assert "not a province-of-birth code" in page


def test_birth_year_mismatch(client, logged_in):
    page = client.post(URL, _form(date_of_birth="1991-05-17")).content.decode()
    assert "Digits 5 and 6 of the citizen ID number do not match the year of birth." in page
    assert selectors.applicant_profile(logged_in).date_of_birth is None


def test_birth_century_mismatch(client, logged_in):
    page = client.post(URL, _form(id_number="001205012345", date_of_birth="1905-05-17")).content.decode()
    assert "does not match the century" in page


def test_id_number_spaces_are_ignored(client, logged_in):
    client.post(URL, _form(id_number="001 190 012 345"))
    assert selectors.applicant_profile(logged_in).id_number == "001190012345"


def test_commune_must_belong_to_the_province(client, logged_in, province):
    other = UnitFactory(code="98", name="Tỉnh Khác", level=level("province"))
    elsewhere = UnitFactory(code="98001", name="Xã Xa", parent=other)
    page = client.post(URL, _form(province=province.unit.pk, commune=elsewhere.pk)).content.decode()
    assert "Traceback" not in page
    assert selectors.applicant_profile(logged_in).commune is None


def test_units_no_longer_in_force_are_not_offered(client, logged_in, province):
    old = UnitFactory(
        code="97",
        name="Tỉnh Cũ",
        level=level("province"),
        valid_from=date(2008, 8, 1),
        valid_to=date(2025, 6, 30),
    )
    page = client.get(URL).content.decode()
    assert "Tỉnh Thử" in page
    assert old.name not in page
    options = client.get("/tai-khoan/don-vi-hanh-chinh/xa/", {"province": province.unit.pk}).content.decode()
    assert "Xã A" in options
    assert "Xã B" in options


def test_no_javascript_refresh_lists_the_communes_without_saving(client, logged_in, province):
    page = client.post(URL, _form(province=province.unit.pk, id_number="bad", refresh="1")).content.decode()
    assert "Xã A" in page
    assert "phải gồm đúng 12 chữ số" not in page  # no errors while only choosing the province
    assert selectors.applicant_profile(logged_in).address == ""


def test_business_profile_with_tax_code(client, logged_in):
    client.post(URL, _form(kind="business", business_name="HTX Sen Vàng", tax_code="0101234567"))
    profile = selectors.applicant_profile(logged_in)
    assert profile.kind == AccountKind.BUSINESS
    assert profile.tax_code == "0101234567"
    page = client.post(
        URL, _form(kind="business", business_name="HTX Sen Vàng", tax_code="123")
    ).content.decode()
    assert "A tax code has 10 digits" in page


def test_one_citizen_cannot_see_or_change_another(client, logged_in):
    client.post(URL, _form())
    client.logout()
    register(client, "0987654321", name="Trần Văn Bình")
    client.post("/tai-khoan/xac-minh/", {"code": last_code("0987654321")})
    page = client.get(URL).content.decode()
    assert "Trần Văn Bình" in page
    assert "Nguyễn Thị Lan" not in page
    assert "001190012345" not in page
    client.post(URL, _form(full_name="Trần Văn Bình", id_number="079095001234", date_of_birth=""))
    mine = selectors.applicant_profile(logged_in)
    assert mine.full_name == "Nguyễn Thị Lan"
    assert mine.id_number == "001190012345"
    # A pending contact-change code of one citizen is a 404 for another.
    other_code = VerificationCode.objects.filter(user=logged_in).latest("id")
    session = client.session
    session["accounts.contact"] = other_code.pk
    session.save()
    assert client.get("/tai-khoan/ho-so-ca-nhan/xac-minh-lien-he/").status_code == 404


def test_staff_cannot_use_the_citizen_profile_page(client):
    staff = StaffFactory()
    client.force_login(staff)
    assert client.get(URL).status_code == 403
    assert client.post(URL, _form()).status_code == 403
    assert selectors.applicant_profile(staff) is None
    assert not CitizenProfile.objects.filter(user=staff).exists()


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_citizen_without_profile_gets_one(client):
    user = CitizenFactory(full_name="Lê Văn C")
    client.force_login(user)
    assert "Lê Văn C" in client.get(URL).content.decode()
    assert CitizenProfile.objects.get(user=user).full_name == "Lê Văn C"


def test_changing_the_phone_needs_a_code_sent_to_the_new_number(client, logged_in):
    response = client.post("/tai-khoan/ho-so-ca-nhan/doi-lien-he/", {"contact": "0987 654 321"})
    assert response["Location"] == "/tai-khoan/ho-so-ca-nhan/xac-minh-lien-he/"
    logged_in.refresh_from_db()
    assert logged_in.phone == "0912345678"  # unchanged until the code is entered
    code = last_code("0987654321")
    wrong = "000000" if code != "000000" else "111111"
    page = client.post("/tai-khoan/ho-so-ca-nhan/xac-minh-lien-he/", {"code": wrong}).content.decode()
    assert "4 attempts left" in page
    client.post("/tai-khoan/ho-so-ca-nhan/xac-minh-lien-he/", {"code": code})
    logged_in.refresh_from_db()
    assert logged_in.phone == "0987654321"
    event = AuditEvent.objects.get(action="account.contact_change")
    assert event.changes == {"phone": ["0912345678", "0987654321"]}
    client.logout()
    assert client.login(username="0987654321", password=PASSWORD)


def test_adding_an_email_and_contact_taken_by_another(client, logged_in):
    client.logout()
    register(client, "binh@example.vn", name="Trần Văn Bình")
    client.post("/tai-khoan/xac-minh/", {"code": last_code("binh@example.vn")})
    client.logout()
    client.login(username="0912345678", password=PASSWORD)
    page = client.post(
        "/tai-khoan/ho-so-ca-nhan/doi-lien-he/", {"contact": "Binh@example.vn"}
    ).content.decode()
    assert "cannot be used" in page
    VerificationCode.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    client.post("/tai-khoan/ho-so-ca-nhan/doi-lien-he/", {"contact": "lan@example.vn"})
    client.post("/tai-khoan/ho-so-ca-nhan/xac-minh-lien-he/", {"code": last_code("lan@example.vn")})
    logged_in.refresh_from_db()
    assert logged_in.email == "lan@example.vn"
    assert logged_in.phone == "0912345678"


def test_identity_verified_data_is_locked(client, logged_in):
    profile = selectors.applicant_profile(logged_in)
    profile.full_name = "Nguyễn Thị Lan"
    profile.id_number = "001190012345"
    profile.identity_verified = True
    profile.save()
    client.post(URL, _form(full_name="Tên Khác", id_number="079095001234", address="Số 5"))
    profile.refresh_from_db()
    assert profile.full_name == "Nguyễn Thị Lan"
    assert profile.id_number == "001190012345"
    assert profile.address == "Số 5"
