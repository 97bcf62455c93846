"""Helpers for account tests: codes read back from the notification outbox."""

import re

import pytest

from motcua.integrations.models import OutboxMessage

PASSWORD = "Hoa-sen-vang-2025"


def last_code(recipient: str) -> str:
    message = OutboxMessage.objects.filter(recipient=recipient).order_by("-id").first()
    assert message is not None, "no message was queued"
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def register(client, contact: str, *, name: str = "Nguyễn Thị Lan", password: str = PASSWORD, **extra):
    return client.post(
        "/tai-khoan/dang-ky/",
        {
            "kind": "citizen",
            "full_name": name,
            "contact": contact,
            "password1": password,
            "password2": password,
        }
        | extra,
    )


@pytest.fixture
def citizen(client, db):
    """A verified citizen registered by phone through the pages, then logged out."""
    from motcua.org.models import User

    register(client, "0912345678")
    client.post("/tai-khoan/xac-minh/", {"code": last_code("0912345678")})
    client.logout()
    return User.objects.get(phone="0912345678")
