"""Forgotten password: a code to the phone or the address, then a new password."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.accounts.models import VerificationCode
from motcua.core.models import AuditEvent
from motcua.integrations.models import OutboxMessage

from .conftest import PASSWORD, last_code, register

pytestmark = pytest.mark.django_db
NEW = "Trang-an-ninh-binh-2026"


def _reset(client, contact, code_for):
    response = client.post("/tai-khoan/quen-mat-khau/", {"contact": contact})
    assert response["Location"] == "/tai-khoan/quen-mat-khau/nhap-ma/"
    response = client.post("/tai-khoan/quen-mat-khau/nhap-ma/", {"code": last_code(code_for)})
    assert response["Location"] == "/tai-khoan/quen-mat-khau/mat-khau-moi/"
    return client.post("/tai-khoan/quen-mat-khau/mat-khau-moi/", {"password1": NEW, "password2": NEW})


def test_reset_by_phone(client, citizen):
    response = _reset(client, "+84 912.345.678", "0912345678")
    assert response["Location"] == "/dang-nhap/"
    assert not client.login(username="0912345678", password=PASSWORD)
    assert client.login(username="0912345678", password=NEW)
    event = AuditEvent.objects.get(action="account.password_reset")
    assert event.changes == {}
    # The code opened one change only.
    assert client.get("/tai-khoan/quen-mat-khau/mat-khau-moi/")["Location"] == "/tai-khoan/quen-mat-khau/"


def test_reset_by_email(client):
    register(client, "lan@example.vn")
    client.post("/tai-khoan/xac-minh/", {"code": last_code("lan@example.vn")})
    client.logout()
    VerificationCode.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    _reset(client, "lan@example.vn", "lan@example.vn")
    assert client.login(username="lan@example.vn", password=NEW)


def test_unknown_contact_looks_the_same_and_sends_nothing(client, citizen):
    sent = OutboxMessage.objects.count()
    response = client.post("/tai-khoan/quen-mat-khau/", {"contact": "0900000000"})
    assert response["Location"] == "/tai-khoan/quen-mat-khau/nhap-ma/"
    assert OutboxMessage.objects.count() == sent
    page = client.get("/tai-khoan/quen-mat-khau/nhap-ma/").content.decode()
    assert "090••••000" in page
    page = client.post("/tai-khoan/quen-mat-khau/nhap-ma/", {"code": "123456"}).content.decode()
    assert "Còn 4 lần thử" in page


def test_wrong_code_then_weak_password(client, citizen):
    client.post("/tai-khoan/quen-mat-khau/", {"contact": "0912345678"})
    right = last_code("0912345678")
    wrong = "000000" if right != "000000" else "111111"
    page = client.post("/tai-khoan/quen-mat-khau/nhap-ma/", {"code": wrong}).content.decode()
    assert "The verification code is wrong. 4 attempts left." in page
    client.post("/tai-khoan/quen-mat-khau/nhap-ma/", {"code": right})
    page = client.post(
        "/tai-khoan/quen-mat-khau/mat-khau-moi/", {"password1": "password", "password2": "password"}
    ).content.decode()
    assert "The password is too weak." in page
    assert client.login(username="0912345678", password=PASSWORD)


def test_new_password_page_needs_an_accepted_code(client, citizen):
    client.post("/tai-khoan/quen-mat-khau/", {"contact": "0912345678"})
    response = client.get("/tai-khoan/quen-mat-khau/mat-khau-moi/")
    assert response["Location"] == "/tai-khoan/quen-mat-khau/"
