"""SMS without diacritics when the gateway carries plain text only (issue 17): the outbox stores the text
exactly as the gateway received it; e-mail and gateways that carry Vietnamese keep the marks."""

import pytest
from django.db import transaction

from motcua.integrations import notifications
from motcua.integrations.models import OutboxMessage
from motcua.integrations.notifications import Plugin, register

BODY = "Hồ sơ “Đăng ký khai sinh” của ông/bà đã có kết quả – mời đến nhận."
PLAIN = 'Ho so "Dang ky khai sinh" cua ong/ba da co ket qua - moi den nhan.'
SENT: list[tuple[str, str]] = []


@register
class PlainTextGateway(Plugin):
    """A GSM 7-bit SMS gateway as a province would register it; it keeps what it was handed."""

    name = "plain-text-test-gateway"
    plain_text = True

    def deliver(self, message):
        body = message.body
        if any(ord(ch) > 127 for ch in body):
            raise ValueError("the gateway takes plain text only")
        SENT.append((message.recipient, body))


@pytest.mark.django_db(transaction=True)
def test_a_plain_text_gateway_gets_and_the_outbox_keeps_the_text_without_diacritics(settings):
    SENT.clear()
    settings.MOTCUA_NOTIFICATION_PLUGINS = {"sms": "plain-text-test-gateway", "email": "outbox"}
    with transaction.atomic():
        notifications.send(channel="sms", recipient="0912345678", subject="Kết quả hồ sơ", body=BODY)
        notifications.send(channel="email", recipient="an@example.vn", subject="Kết quả hồ sơ", body=BODY)
    assert SENT == [("0912345678", PLAIN)]
    sms = OutboxMessage.objects.get(channel="sms")
    assert (sms.subject, sms.body, sms.attempts) == ("Ket qua ho so", PLAIN, 1)
    assert sms.sent_at is not None
    assert OutboxMessage.objects.get(channel="email").body == BODY


@pytest.mark.django_db
def test_the_setting_asks_it_of_any_sms_plugin(settings):
    notifications.send(channel="sms", recipient="0912345678", subject="Hồ sơ", body=BODY)
    assert OutboxMessage.objects.get().body == BODY  # the local outbox carries Vietnamese by default
    settings.MOTCUA_SMS_WITHOUT_DIACRITICS = True
    notifications.send(channel="sms", recipient="0912345678", subject="Hồ sơ", body=BODY)
    notifications.send(channel="zalo", recipient="0912345678", subject="Hồ sơ", body=BODY)
    assert list(OutboxMessage.objects.order_by("id").values_list("body", flat=True)) == [BODY, PLAIN, BODY]


def test_plain_text_keeps_case_and_every_vietnamese_letter_has_its_plain_letter():
    assert notifications.plain_text("ĐẶNG Thị Ánh Tuyết, Đường Ỷ Lan") == "DANG Thi Anh Tuyet, Duong Y Lan"
    letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
    assert notifications.plain_text(letters + letters.upper()).isascii()
