"""Login throttling (django-axes through core.throttle), password policy and session rotation (issue 19)."""

import time

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import CitizenFactory, StaffFactory

PASSWORD = "matkhau-thu-123"
LIMIT = 10


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = LIMIT


def page_login(client, username, password):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def token(client, username, password):
    return client.post("/api/v1/auth/token/", {"username": username, "password": password})


def test_the_right_password_after_too_many_wrong_ones_is_refused_on_the_page(db):
    user = StaffFactory()
    client = Client()
    for _ in range(LIMIT - 1):
        assert page_login(client, user.username, "sai-mat-khau").status_code == 200
    assert page_login(client, user.username, "sai-mat-khau").status_code == 429  # the LIMIT-th failure
    response = page_login(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_the_token_endpoint_is_throttled_with_the_api_error_shape(db):
    user = StaffFactory()
    client = Client()
    for _ in range(LIMIT - 1):
        assert token(client, user.username, "sai-mat-khau").status_code == 400
    assert token(client, user.username, "sai-mat-khau").status_code == 429
    response = token(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert " / " in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


def test_150_wrong_passwords_then_the_right_one_is_refused_as_the_issue_probed(db):
    """Issue 19's probe replayed: 150 wrong passwords, through the page and the token endpoint by turns,
    then the right one on both (docs/security.md)."""
    user = StaffFactory()
    client = Client()
    answers: dict[int, int] = {}
    for n in range(150):
        status = (page_login if n % 2 else token)(client, user.username, "sai-mat-khau").status_code
        answers[status] = answers.get(status, 0) + 1
    assert answers[429] == 150 - LIMIT + 1
    assert page_login(client, user.username, PASSWORD).status_code == 429
    assert token(client, user.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_account_whatever_the_address(db):
    user = StaffFactory()
    for n in range(LIMIT):
        page_login(Client(REMOTE_ADDR=f"10.0.0.{n + 1}"), user.username, "sai")
    assert page_login(Client(REMOTE_ADDR="10.0.1.1"), user.username, PASSWORD).status_code == 429


def test_the_lockout_is_per_address_whatever_the_account(db):
    other = CitizenFactory()
    attacker = Client(REMOTE_ADDR="10.9.9.9")
    for n in range(LIMIT):
        page_login(attacker, f"khong-co-{n}", "sai")
    assert page_login(attacker, other.username, PASSWORD).status_code == 429
    # The same account from another address is not locked.
    response = page_login(Client(REMOTE_ADDR="10.9.9.10"), other.username, PASSWORD)
    assert response.status_code == 302


def test_an_administrator_lifts_a_lockout(db):
    user = StaffFactory()
    client = Client()
    for _ in range(LIMIT):
        page_login(client, user.username, "sai")
    call_command("axes_reset_username", user.username)
    call_command("axes_reset_ip", "127.0.0.1")
    assert page_login(client, user.username, PASSWORD).status_code == 302


def test_a_success_below_the_limit_resets_the_count(db):
    user = StaffFactory()
    client = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(LIMIT - 1):
        page_login(client, user.username, "sai")
    assert page_login(client, user.username, PASSWORD).status_code == 302
    for _ in range(LIMIT - 1):
        page_login(Client(REMOTE_ADDR="10.1.1.2"), user.username, "sai")
    assert page_login(Client(REMOTE_ADDR="10.1.1.3"), user.username, PASSWORD).status_code == 302


def test_the_session_is_rotated_on_login(db):
    user = StaffFactory()
    client = Client()
    session = client.session
    session["seen"] = True
    session.save()
    before = session.session_key
    client.cookies["sessionid"] = before
    assert page_login(client, user.username, PASSWORD).status_code == 302
    after = client.cookies["sessionid"].value
    assert after
    assert after != before


@pytest.mark.parametrize("weak", ["12345678", "matkhau", "password1", "canbo-a1"])
def test_weak_passwords_are_refused_by_the_configured_validators(db, weak):
    user = StaffFactory(username="canbo-a")
    with pytest.raises(ValidationError):
        password_validation.validate_password(weak, user)
    password_validation.validate_password("Ngay-moi-1-mua-xuan", user)


# ----------------------------------------------------------------------------- optional TOTP for staff


def current_code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def test_without_the_setting_nobody_is_asked_for_a_code(db, settings):
    settings.MOTCUA_STAFF_OTP = False
    user = StaffFactory()
    client = Client()
    assert "otp_token" not in client.get("/dang-nhap/").content.decode()
    assert page_login(client, user.username, PASSWORD).status_code == 302


def test_with_the_setting_staff_need_the_code_of_their_device(db, settings):
    settings.MOTCUA_STAFF_OTP = True
    user = StaffFactory()
    client = Client()
    response = page_login(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert "ask an administrator" in response.content.decode()

    device = TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)
    response = client.post(
        "/dang-nhap/", {"username": user.username, "password": PASSWORD, "otp_token": "000000"}
    )
    assert response.status_code == 200
    assert "two-factor code is wrong" in response.content.decode()
    assert "_auth_user_id" not in client.session

    device.refresh_from_db()
    device.throttle_reset()  # django-otp delays the next try after a wrong code
    form = {"username": user.username, "password": PASSWORD, "otp_token": current_code(device)}
    verified = Client()
    assert verified.post("/dang-nhap/", form).status_code == 302
    assert verified.session.get("otp_device_id") == device.persistent_id


def test_with_the_setting_citizens_are_not_asked(db, settings):
    settings.MOTCUA_STAFF_OTP = True
    citizen = CitizenFactory()
    assert page_login(Client(), citizen.username, PASSWORD).status_code == 302


def test_with_the_setting_a_staff_token_needs_the_code(db, settings):
    settings.MOTCUA_STAFF_OTP = True
    user = StaffFactory()
    device = TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)
    response = token(Client(), user.username, PASSWORD)
    assert response.status_code == 400
    assert "two-factor" in response.json()["detail"]
    response = Client().post(
        "/api/v1/auth/token/",
        {"username": user.username, "password": PASSWORD, "otp_token": current_code(device)},
    )
    assert response.status_code == 200, response.content
