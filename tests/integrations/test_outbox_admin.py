"""Issue 17: the notification outbox shows what was sent with its verification codes masked."""

from django.urls import reverse

from motcua.integrations.models import Channel, OutboxMessage
from tests.factories import StaffFactory


def test_the_outbox_masks_the_codes_it_shows(client, db):
    message = OutboxMessage.objects.create(
        recipient="0987654321",
        channel=Channel.SMS,
        subject="Mã xác thực",
        body="Mã xác thực MộtCửa của bạn là 482913, hiệu lực 10 phút. Hồ sơ G01.123.000.2026.",
    )
    client.force_login(StaffFactory(is_staff=True, is_superuser=True))
    listing = client.get(reverse("admin:integrations_outboxmessage_changelist"))
    page = client.get(reverse("admin:integrations_outboxmessage_change", args=[message.pk]))
    assert listing.status_code == page.status_code == 200
    for html in (listing.content.decode(), page.content.decode()):
        assert "482913" not in html
    html = page.content.decode()
    assert "Mã xác thực MộtCửa của bạn là [code], hiệu lực 10 phút." in html
    assert "0987654321" in html  # the addressee is still shown to the administrator
