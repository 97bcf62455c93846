"""Registering by phone or e-mail, the verification code and its limits, through the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.accounts.models import AccountKind, CitizenProfile, VerificationCode
from motcua.core.models import AuditEvent
from motcua.integrations.models import Channel, OutboxMessage
from motcua.org.models import AccountType, User

from .conftest import PASSWORD, last_code, register

pytestmark = pytest.mark.django_db


def test_register_by_phone_sends_an_sms_and_the_code_activates_and_logs_in(client):
    page = client.get("/tai-khoan/dang-ky/")
    assert page.status_code == 200
    assert "Đăng ký tài khoản" in page.content.decode()

    response = register(client, "0912 345 678")
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/xac-minh/"
    user = User.objects.get(phone="0912345678")
    assert user.account_type == AccountType.CITIZEN
    assert not user.is_active
    assert not client.login(username="0912345678", password=PASSWORD)  # not before the code

    message = OutboxMessage.objects.get(recipient="0912345678")
    assert message.channel == Channel.SMS
    code = last_code("0912345678")
    stored = VerificationCode.objects.get(user=user)
    assert code not in stored.code_hash  # only a keyed hash is kept

    page = client.get("/tai-khoan/xac-minh/").content.decode()
    assert "091••••678" in page
    assert "0912345678" not in page

    response = client.post("/tai-khoan/xac-minh/", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == "/tai-khoan/ho-so-ca-nhan/"
    user.refresh_from_db()
    assert user.is_active
    assert client.get("/tai-khoan/ho-so-ca-nhan/").status_code == 200  # logged in
    profile = CitizenProfile.objects.get(user=user)
    assert profile.full_name == "Nguyễn Thị Lan"
    assert profile.verified_at is not None
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert {"account.register", "account.verify"} <= actions
    for event in AuditEvent.objects.all():
        assert "password" not in event.changes
        assert code not in str(event.changes)


def test_register_by_email_sends_an_email(client):
    response = register(
        client, "Lan.Nguyen@Example.vn", kind="business", business_name="Công ty TNHH Sen Vàng"
    )
    assert response.status_code == 302
    user = User.objects.get(email="lan.nguyen@example.vn")
    assert OutboxMessage.objects.get(recipient="lan.nguyen@example.vn").channel == Channel.EMAIL
    client.post("/tai-khoan/xac-minh/", {"code": last_code("lan.nguyen@example.vn")})
    user.refresh_from_db()
    assert user.is_active
    profile = user.citizen_profile
    assert profile.kind == AccountKind.BUSINESS
    assert profile.business_name == "Công ty TNHH Sen Vàng"


def test_business_needs_its_name(client):
    page = register(client, "0912345678", kind="business").content.decode()
    assert "Please enter the name of the business." in page
    assert not User.objects.filter(phone="0912345678").exists()


def test_wrong_code_counts_down_and_keeps_the_account_inactive(client):
    register(client, "0912345678")
    right = last_code("0912345678")
    wrong = "000000" if right != "000000" else "111111"
    page = client.post("/tai-khoan/xac-minh/", {"code": wrong}).content.decode()
    assert "Mã xác minh không đúng. Còn 4 lần thử. / The verification code is wrong. 4 attempts left." in page
    assert 'aria-describedby="id_code_error"' in page
    assert not User.objects.get(phone="0912345678").is_active


def test_code_that_is_not_six_digits(client):
    register(client, "0912345678")
    page = client.post("/tai-khoan/xac-minh/", {"code": "12ab"}).content.decode()
    assert "The verification code has 6 digits." in page
    assert VerificationCode.objects.get().attempts == 0


def test_expired_code(client):
    register(client, "0912345678")
    code = last_code("0912345678")
    VerificationCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    page = client.post("/tai-khoan/xac-minh/", {"code": code}).content.decode()
    assert "Mã đã hết hạn. Vui lòng yêu cầu mã mới. / The code has expired. Please ask for a new one." in page
    assert not User.objects.get(phone="0912345678").is_active


def test_too_many_attempts_lock_the_code_even_when_the_right_one_follows(client):
    register(client, "0912345678")
    right = last_code("0912345678")
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        client.post("/tai-khoan/xac-minh/", {"code": wrong})
    page = client.post("/tai-khoan/xac-minh/", {"code": right}).content.decode()
    assert "Đã nhập sai quá 5 lần. Vui lòng yêu cầu mã mới." in page
    assert not User.objects.get(phone="0912345678").is_active
    assert VerificationCode.objects.get().attempts == 5


def test_resend_is_throttled_then_gives_a_new_code_that_replaces_the_old(client):
    register(client, "0912345678")
    first = last_code("0912345678")
    page = client.post("/tai-khoan/xac-minh/", {"resend": "1"}, follow=True).content.decode()
    assert "please wait 60 seconds" in page
    VerificationCode.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    response = client.post("/tai-khoan/xac-minh/", {"resend": "1"})
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(recipient="0912345678").count() == 2
    second = last_code("0912345678")
    if first != second:
        page = client.post("/tai-khoan/xac-minh/", {"code": first}).content.decode()
        assert "hết hạn" in page or "không đúng" in page  # the old code is retired
    client.post("/tai-khoan/xac-minh/", {"code": second})
    assert User.objects.get(phone="0912345678").is_active


def test_already_registered_contact_gets_a_discreet_message(client, citizen):
    page = register(client, "+84 912 345 678", name="Người Khác").content.decode()
    assert "Không dùng được số điện thoại hoặc thư điện tử này." in page
    assert "This phone number or e-mail address cannot be used." in page
    assert User.objects.filter(phone="0912345678").count() == 1
    citizen.refresh_from_db()
    assert citizen.full_name == "Nguyễn Thị Lan"


def test_an_unverified_registration_does_not_block_the_number(client):
    register(client, "0912345678", name="Kẻ Giữ Chỗ")
    client.cookies.clear()
    page = register(client, "0912345678", name="Chủ Thuê Bao").content.decode()
    assert "please wait 60 seconds" in page  # nobody can flood a number with codes
    VerificationCode.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    register(client, "0912345678", name="Chủ Thuê Bao")
    client.post("/tai-khoan/xac-minh/", {"code": last_code("0912345678")})
    user = User.objects.get(phone="0912345678")
    assert user.is_active
    assert user.citizen_profile.full_name == "Chủ Thuê Bao"


def test_weak_password_is_refused_in_both_languages(client):
    page = register(client, "0912345678", password="12345678").content.decode()
    assert "Mật khẩu chưa đủ mạnh. / The password is too weak." in page
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in page
    assert not User.objects.filter(phone="0912345678").exists()


def test_passwords_must_match(client):
    page = client.post(
        "/tai-khoan/dang-ky/",
        {
            "kind": "citizen",
            "full_name": "A B",
            "contact": "0912345678",
            "password1": PASSWORD,
            "password2": "x",
        },
    ).content.decode()
    assert "The two passwords differ." in page


def test_bad_contact(client):
    page = register(client, "12345").content.decode()
    assert "Enter a Vietnamese phone number" in page
    assert "Traceback" not in page


def test_verify_without_a_registration_is_not_found(client):
    assert client.get("/tai-khoan/xac-minh/").status_code == 404
