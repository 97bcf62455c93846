"""The national TTHC database's client takes its bearer token from the LGSP by OAuth2 client credentials
(issue 22), against the database simulator's token endpoint over real HTTP: one token serves the pulls until
it is about to expire, a revoked token is renewed once and the pull goes through, refused credentials or the
endpoint down change nothing and the administrators' status page says why; a later success clears it."""

import pytest

from motcua.catalog.models import Procedure
from motcua.catalog.national_sync import pull
from motcua.integrations import health, lgsp
from motcua.integrations.national_catalog.simulator import NationalCatalogSimulator
from tests.integrations.portal_server import lgsp_client, serving
from tests.integrations.test_national_catalog import decision, procedure

CLIENT, SECRET = "motcua-tinh", "bi-mat-lgsp"


@pytest.fixture
def database(settings):
    simulator = NationalCatalogSimulator(clients={CLIENT: SECRET})
    simulator.publish(decision("101/QĐ-BTP", "2026-07-01", [procedure("1.001193", "Đăng ký khai sinh")]))
    lgsp.forget()
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_CATALOG_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_CATALOG = lgsp_client(url, CLIENT, SECRET)
        yield simulator
    lgsp.forget()


def status_page(client, admin_user) -> str:
    client.force_login(admin_user)
    return client.get("/tich-hop/trang-thai/").content.decode()


def test_the_simulator_refuses_a_pull_without_a_token(database, settings, db):
    settings.MOTCUA_NATIONAL_CATALOG = {**settings.MOTCUA_NATIONAL_CATALOG, "token_url": ""}
    assert pull(actor=None, dry_run=True).unavailable == "HTTP 401"
    assert database.tokens_issued == 0


def test_one_token_serves_every_pull_until_it_expires(database, db):
    for _ in range(3):
        report = pull(actor=None, dry_run=True)
        assert not report.unavailable
        assert [o.number for o in report.decisions] == ["101/QĐ-BTP"]
    assert database.tokens_issued == 1


def test_a_token_about_to_expire_is_renewed_before_use(database, db):
    database.token_lifetime = 20  # under the 30 s margin: never reused
    pull(actor=None, dry_run=True)
    pull(actor=None, dry_run=True)
    assert database.tokens_issued == 2


def test_a_revoked_token_is_renewed_once_and_the_pull_goes_through(database, db):
    pull(actor=None, dry_run=True)
    database.revoke_tokens()
    report = pull(actor=None, dry_run=False)
    assert not report.unavailable
    assert Procedure.objects.filter(national_code="1.001193").exists()
    assert database.tokens_issued == 2


def test_refused_credentials_change_nothing_and_the_status_page_says_why(
    database, settings, client, admin_user
):
    settings.MOTCUA_NATIONAL_CATALOG = {**settings.MOTCUA_NATIONAL_CATALOG, "client_secret": "sai"}
    report = pull(actor=None, dry_run=False)
    assert report.unavailable == "LGSP token: HTTP 401 invalid_client"
    assert not Procedure.objects.exists()
    pull(actor=None, dry_run=False)
    row = health.of(health.NATIONAL_CATALOG)
    assert (row.failures, row.last_success_at) == (2, None)
    page = status_page(client, admin_user)
    assert "CSDL quốc gia về thủ tục hành chính" in page
    assert "LGSP token: HTTP 401 invalid_client (2 lần liên tiếp)" in page
    assert "sai" not in page.split("catalog-health")[1].split("</dl>")[0]  # the secret is never echoed


def test_the_token_endpoint_down_then_back_clears_the_error(database, client, admin_user):
    database.fail_tokens_next(times=1, status=503)
    assert pull(actor=None, dry_run=False).unavailable == "LGSP token: HTTP 503"
    assert "LGSP token: HTTP 503" in status_page(client, admin_user)

    assert not pull(actor=None, dry_run=False).unavailable  # the nightly run after: the endpoint is back
    row = health.of(health.NATIONAL_CATALOG)
    assert (row.failures, row.last_error) == (0, "")
    assert row.last_success_at is not None
    assert "LGSP token: HTTP 503" not in status_page(client, admin_user)
