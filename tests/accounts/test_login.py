"""The one login page takes a phone number in any spelling, an e-mail address, or a staff username."""

import pytest

from motcua.accounts.models import CitizenProfile
from tests.factories import CitizenFactory, StaffFactory

from .conftest import PASSWORD, register

pytestmark = pytest.mark.django_db


def _login(client, username, password=PASSWORD):
    return client.post("/dang-nhap/", {"username": username, "password": password})


@pytest.mark.parametrize(
    "spelling",
    ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345678", "84912345678"],
)
def test_citizen_logs_in_with_any_spelling_of_the_phone(client, citizen, spelling):
    response = _login(client, spelling)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_citizen_logs_in_with_email_in_any_case(client):
    register(client, "lan@example.vn")
    from .conftest import last_code

    client.post("/tai-khoan/xac-minh/", {"code": last_code("lan@example.vn")})
    client.logout()
    assert _login(client, "LAN@Example.VN").status_code == 302


def test_wrong_password_is_refused_with_a_bilingual_message(client, citizen):
    page = _login(client, "0912345678", "sai-mat-khau").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page
    assert "The login or password is incorrect." in page
    assert "_auth_user_id" not in client.session


def test_unverified_registration_cannot_log_in(client):
    register(client, "0912345678")
    client.cookies.clear()
    assert _login(client, "0912345678").status_code == 200


def test_staff_keep_logging_in_with_username_but_not_with_their_phone(client):
    StaffFactory(username="canbo-lan", phone="0987654321")
    assert client.login(username="canbo-lan", password="matkhau-thu-123")
    client.logout()
    assert _login(client, "0987654321", "matkhau-thu-123").status_code == 200


def test_login_page_offers_register_and_forgot_password_and_no_sso_by_default(client):
    page = client.get("/dang-nhap/").content.decode()
    assert (
        '<label class="form-label" for="id_username">Số điện thoại, thư điện tử hoặc tên đăng nhập <span'
        in page
    )
    assert 'href="/tai-khoan/dang-ky/"' in page
    assert 'href="/tai-khoan/quen-mat-khau/"' in page
    assert "VNeID" not in page
    assert 'maxlength="254"' in page


def test_citizen_created_without_contacts_still_logs_in_by_username(client):
    user = CitizenFactory(username="congdan-cu")
    CitizenProfile.objects.create(user=user, full_name="Công dân cũ")
    assert client.login(username="congdan-cu", password="matkhau-thu-123")
