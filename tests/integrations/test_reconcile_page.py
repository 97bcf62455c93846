"""The administrators' reconciliation page (issue 22) over HTTP: a period's dossier changes against the
national portal's simulator (served over real HTTP), a lost change resent from the page and audited, a
key the portal holds that was never sent, the portal down; the payment gateway's daily file against the
payments confirmed that day. Bad input is a message (400), never a 500; only administrators get in."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.core.models import AuditEvent
from motcua.integrations.models import PortalSync
from motcua.integrations.portal import sync
from tests.dossiers.factories import receive, to_leader
from tests.integrations.test_payment_gateway import FEE, owing  # noqa: F401
from tests.integrations.test_payment_reconciliation import HEADER, paid_online
from tests.integrations.test_portal_sync import portal, rows_of  # noqa: F401

PAGE = "/tich-hop/trang-thai/doi-soat/"


def today_query() -> str:
    return f"tu={timezone.localdate():%d/%m/%Y}&den={timezone.localdate():%d/%m/%Y}"


def test_only_administrators_reach_the_page(desk, client):
    assert client.get(PAGE).status_code == 302
    client.force_login(desk.officer_a)
    assert client.get(PAGE).status_code == 403
    assert client.post(f"{PAGE}gui-lai/", {"row": ["1"]}).status_code == 403


def test_a_lost_change_is_listed_and_resent_from_the_page(desk, portal, client, admin_user):  # noqa: F811
    dossier = to_leader(desk, receive(desk))
    assert sync.push_due() == 3
    lost = rows_of(dossier)[1]
    portal.forget(lost.key)
    portal.events["HS-LA/1-receive"] = {  # a key the platform never sent
        "receipt": "r-la",
        "body": {"MaHoSo": "HS-LA", "SoThuTu": 1, "ThoiDiem": timezone.now().isoformat()},
    }
    client.force_login(admin_user)

    page = client.get(f"{PAGE}?{today_query()}")
    assert page.status_code == 200
    html = page.content.decode()
    summary = html[
        html.index('data-testid="portal-summary"') : html.index("</dl>", html.index("portal-summary"))
    ]
    # Three changes sent: two still on the portal, one lost; nothing waiting; one key unknown here.
    assert [int(n) for n in _numbers(summary)] == [2, 0, 1, 1]
    assert f'name="row" value="{lost.pk}"' in html
    assert "HS-LA/1-receive" in html

    response = client.post(f"{PAGE}gui-lai/", {"row": [str(lost.pk)], "tu": "x", "den": ""})
    assert response.status_code == 302
    lost.refresh_from_db()
    assert (lost.state, lost.attempts) == ("pending", 0)
    event = AuditEvent.objects.get(action="portal_sync.resend", actor=admin_user)
    assert event.target_id == str(lost.pk)
    assert sync.push_due() == 1  # acknowledged again by the portal

    html = client.get(f"{PAGE}?{today_query()}").content.decode()
    assert f'name="row" value="{lost.pk}"' not in html
    assert 'data-testid="portal-clean"' not in html  # the unknown key is still a difference
    del portal.events["HS-LA/1-receive"]
    assert 'data-testid="portal-clean"' in client.get(f"{PAGE}?{today_query()}").content.decode()


def test_resending_nothing_or_a_waiting_change_sends_nothing(desk, client, admin_user):
    dossier = receive(desk)
    (row,) = rows_of(dossier)  # pending: the worker sends it, not the page
    client.force_login(admin_user)
    response = client.post(f"{PAGE}gui-lai/", {"row": [str(row.pk), "abc", "-1"]}, follow=True)
    assert "Chưa chọn thay đổi nào để gửi lại." in response.content.decode()
    assert not AuditEvent.objects.filter(action="portal_sync.resend").exists()
    assert PortalSync.objects.get(pk=row.pk).attempts == 0


def test_the_portal_down_or_a_bad_period_is_a_message(desk, portal, client, admin_user):  # noqa: F811
    client.force_login(admin_user)
    portal.fail_next(times=1, status=503)
    page = client.get(f"{PAGE}?{today_query()}")
    assert page.status_code == 200
    assert "Không hỏi được Cổng Dịch vụ công quốc gia" in page.content.decode()
    assert "HTTP 503" in page.content.decode()

    backwards = client.get(f"{PAGE}?tu=10/03/2026&den=01/03/2026")
    assert backwards.status_code == 400
    assert "Ngày kết thúc trước ngày bắt đầu." in backwards.content.decode()
    too_long = client.get(f"{PAGE}?tu=01/01/2026&den=31/12/2026")
    assert too_long.status_code == 400
    assert "Mỗi lần đối soát tối đa 92 ngày." in too_long.content.decode()
    for bad in ("tu=%00&den=x", "tu=31/02/2026&den=01/03/2026", "tu=" + "9" * 5000 + "&den=1"):
        assert client.get(f"{PAGE}?{bad}").status_code == 400


def test_the_gateway_file_is_compared_with_the_payments_of_the_day(owing, desk, client, admin_user):  # noqa: F811
    matched = paid_online(client, owing)
    client.force_login(admin_user)
    today = timezone.localdate()
    csv = (
        HEADER
        + f"{matched},{FEE * 100},14123456,{today:%Y%m%d}101500,00\n"
        + f"HS-KHONG-CO_{today:%Y%m%d}101700,3000000,14123457,{today:%Y%m%d}101700,00\n"
        + ",abc,1,2,00\n"
    )
    upload = SimpleUploadedFile("doi-soat.csv", csv.encode(), content_type="text/csv")
    response = client.post(PAGE, {"ngay": f"{today:%d/%m/%Y}", "tep": upload})
    assert response.status_code == 200
    html = response.content.decode()
    summary = html[html.index('data-testid="payment-summary"') :]
    assert [int(n) for n in _numbers(summary[: summary.index("</dl>")])] == [1, 0, 1, 0]
    assert f"HS-KHONG-CO_{today:%Y%m%d}101700" in html
    assert "30000" in html
    assert "Dòng 4:" in html  # the unreadable row is said with its line number

    clean = HEADER + f"{matched},{FEE * 100},14123456,{today:%Y%m%d}101500,00\n"
    upload = SimpleUploadedFile("doi-soat.csv", clean.encode(), content_type="text/csv")
    html = client.post(PAGE, {"ngay": f"{today:%d/%m/%Y}", "tep": upload}).content.decode()
    assert 'data-testid="payments-clean"' in html


def test_an_unreadable_gateway_file_is_a_message(desk, client, admin_user):
    client.force_login(admin_user)
    for content, message in (
        (b"\xff\xfe\x00binary", "Tệp không phải CSV UTF-8."),
        (b"a,b\n1,2\n", "Tệp thiếu cột: vnp_TxnRef"),
    ):
        upload = SimpleUploadedFile("x.csv", content, content_type="text/csv")
        response = client.post(PAGE, {"ngay": "01/03/2026", "tep": upload})
        assert response.status_code == 400
        assert message in response.content.decode()
    assert client.post(PAGE, {"ngay": "hôm qua"}).status_code == 400


def _numbers(html: str) -> list[str]:
    return re.findall(r"<dd[^>]*>(\d+)</dd>", html)
