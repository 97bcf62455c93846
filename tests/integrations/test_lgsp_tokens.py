"""LGSP OAuth2 client-credentials tokens (issue 22) against the portal simulator's token endpoint over real
HTTP: one token serves many calls until it is about to expire, a revoked token is renewed once and the call
goes through, refused credentials fail the change with the reason an administrator reads on the status
page, the token endpoint down keeps the change waiting for its retry."""

import pytest

from motcua.integrations import lgsp
from motcua.integrations.models import PortalSync
from motcua.integrations.portal import sync
from motcua.integrations.portal.simulator import PortalSimulator
from tests.dossiers.factories import receive, to_leader
from tests.integrations.portal_server import lgsp_client, serving

CLIENT, SECRET = "motcua-tinh", "bi-mat-lgsp"


@pytest.fixture
def lgsp_portal(settings):
    simulator = PortalSimulator(clients={CLIENT: SECRET})
    lgsp.forget()
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_PORTAL_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_PORTAL = lgsp_client(url, CLIENT, SECRET)
        yield simulator
    lgsp.forget()


def states(dossier):
    return [r.state for r in PortalSync.objects.filter(dossier_code=dossier.code).order_by("sequence")]


def test_one_token_serves_every_call_until_it_expires(desk, lgsp_portal):
    dossier = to_leader(desk, receive(desk))
    assert sync.push_due() == 3
    assert states(dossier) == ["sent", "sent", "sent"]
    assert lgsp_portal.tokens_issued == 1  # fetched once, kept for the next calls
    assert len(lgsp_portal.events) == 3


def test_a_token_about_to_expire_is_renewed_before_use(desk, lgsp_portal):
    lgsp_portal.token_lifetime = 20  # under the 30 s margin: never reused
    dossier = to_leader(desk, receive(desk))
    assert sync.push_due() == 3
    assert states(dossier) == ["sent", "sent", "sent"]
    assert lgsp_portal.tokens_issued == 3


def test_a_revoked_token_is_renewed_once_and_the_change_goes_through(desk, lgsp_portal):
    first = receive(desk)
    assert sync.push_due() == 1
    lgsp_portal.revoke_tokens()
    second = receive(desk)
    assert sync.push_due() == 1
    assert states(first) == states(second) == ["sent"]
    assert lgsp_portal.tokens_issued == 2


def test_refused_credentials_fail_the_change_with_the_reason_on_the_status_page(
    desk, lgsp_portal, settings, client, admin_user
):
    settings.MOTCUA_NATIONAL_PORTAL = {**settings.MOTCUA_NATIONAL_PORTAL, "client_secret": "sai"}
    dossier = receive(desk)
    assert sync.push_due() == 0
    row = PortalSync.objects.get(dossier_code=dossier.code)
    assert (row.state, row.last_error) == ("failed", "LGSP token: HTTP 401 invalid_client")
    assert lgsp_portal.events == {}
    client.force_login(admin_user)
    page = client.get("/tich-hop/trang-thai/").content.decode()
    assert "LGSP token: HTTP 401 invalid_client" in page


def test_the_token_endpoint_down_keeps_the_change_waiting(desk, lgsp_portal):
    lgsp_portal.fail_tokens_next(times=1, status=503)
    dossier = receive(desk)
    assert sync.push_due() == 0
    row = PortalSync.objects.get(dossier_code=dossier.code)
    assert (row.state, row.attempts, row.last_error) == ("pending", 1, "LGSP token: HTTP 503")
    assert row.next_attempt_at is not None
    assert sync.push(row.pk)  # the retry: the endpoint is back
    assert states(dossier) == ["sent"]


def test_a_fixed_token_setting_still_works_without_a_token_endpoint(settings):
    assert lgsp.bearer({"token": "co-dinh"}) == "co-dinh"
    assert lgsp.bearer({}) == ""
