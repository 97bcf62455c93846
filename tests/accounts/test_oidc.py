"""Single sign-on against a real OpenID provider (django-oidc-provider) served by the live server.

The provider answers on 127.0.0.1 and the relying party (MộtCửa) on localhost, so each has its own cookies,
as two sites would. The browser side is driven with `requests`; MộtCửa's own calls to the token, JWKS and
userinfo endpoints are real HTTP too, from inside the live server.
"""

import re
from urllib.parse import urlsplit

import pytest
import requests
from django.apps import apps
from django.core.cache import cache
from django.db import connection

from motcua.accounts.models import CitizenProfile, IdentityLink
from motcua.org.models import User
from tests.factories import StaffFactory

IDP_PASSWORD = "mat-khau-vneid-2025"
SECRET = "bi-mat-cua-ung-dung"


@pytest.fixture
def identity_provider(settings, transactional_db, live_server):
    """Install django-oidc-provider for this test only, with its tables, a client and a signing key."""
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "oidc_provider"]
    # Its tables straight from the models: replaying its 27 migrations would take seconds.
    with connection.schema_editor() as editor:
        for model in apps.get_app_config("oidc_provider").get_models():
            editor.create_model(model)
    from oidc_provider.management.commands.creatersakey import Command as CreateKey
    from oidc_provider.models import Client, ResponseType, RSAKey

    port = live_server.thread.port
    rp, idp = f"http://localhost:{port}", f"http://127.0.0.1:{port}"
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    settings.ROOT_URLCONF = "tests.accounts.idp_urls"
    # Provider side.
    settings.OIDC_USERINFO = "tests.accounts.idp_claims.userinfo"
    settings.OIDC_EXTRA_SCOPE_CLAIMS = "tests.accounts.idp_claims.CitizenScopeClaims"
    settings.OIDC_LOGIN_URL = "/dang-nhap/"
    CreateKey().handle()
    assert RSAKey.objects.exists()
    client = Client.objects.create(
        name="MộtCửa",
        client_type="confidential",
        client_id="motcua",
        client_secret=SECRET,
        jwt_alg="RS256",
        require_consent=False,
        _redirect_uris=f"{rp}/tai-khoan/dinh-danh/callback/",
        _scope="openid profile email phone citizen",
    )
    client.response_types.add(
        ResponseType.objects.create(value="code", description="code (Authorization Code Flow)")
    )
    StaffFactory(username="vneid-lan", password=IDP_PASSWORD)  # the person's account at the provider
    # Relying-party side: discovery only, as an installation would configure it.
    settings.OIDC_RP_CLIENT_ID = "motcua"
    settings.OIDC_RP_CLIENT_SECRET = SECRET
    settings.OIDC_OP_DISCOVERY = f"{idp}/idp/openid"
    settings.OIDC_RP_SCOPES = "openid profile email phone citizen"
    settings.MOTCUA_OIDC_CLAIMS = {**settings.MOTCUA_OIDC_CLAIMS, "id_number": "so_dinh_danh"}
    settings.OIDC_PROXY = {"http": None, "https": None}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield rp, idp
    cache.clear()
    _drop_provider_tables()


def _drop_provider_tables() -> None:
    """Leave the database and the admin as the rest of the suite knows them: the provider's admin module
    registers its models on import, and the admin index of a later test would ask for an app that is gone."""
    from django.contrib import admin

    with connection.schema_editor() as editor:
        for model in reversed(list(apps.get_app_config("oidc_provider").get_models())):
            editor.delete_model(model)
    for model in [m for m in admin.site._registry if m._meta.app_label == "oidc_provider"]:
        admin.site.unregister(model)


def _browser() -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    return session


def _sign_in(rp: str, idp: str) -> tuple[requests.Session, requests.Response]:
    browser = _browser()
    # 1. MộtCửa sends the visitor to the provider with state, nonce and a PKCE challenge.
    to_provider = browser.get(
        f"{rp}/tai-khoan/dinh-danh/?next=/tai-khoan/ho-so-ca-nhan/", allow_redirects=False
    )
    assert to_provider.status_code == 302
    authorize = to_provider.headers["Location"]
    assert authorize.startswith(f"{idp}/idp/openid/authorize")
    assert "code_challenge=" in authorize
    # 2. The provider asks the person to log in on its own site.
    login_page = browser.get(authorize)
    assert urlsplit(login_page.url).netloc == urlsplit(idp).netloc
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text).group(1)
    next_url = re.search(r'name="next" value="([^"]+)"', login_page.text).group(1).replace("&amp;", "&")
    back = browser.post(
        login_page.url,
        data={
            "csrfmiddlewaretoken": token,
            "username": "vneid-lan",
            "password": IDP_PASSWORD,
            "next": next_url,
        },
        allow_redirects=False,
    )
    assert back.status_code == 302
    # 3. Authorize → callback on MộtCửa → code exchanged server-side → profile page.
    landed = browser.get(f"{idp}{back.headers['Location']}")
    return browser, landed


def test_sign_in_through_a_real_provider(identity_provider):
    """One test, because installing the provider is the slow part."""
    rp, idp = identity_provider
    page = _browser().get(f"{rp}/dang-nhap/").text
    assert "Đăng nhập bằng VNeID / định danh điện tử" in page

    # A forged callback (no state of ours) goes back to the login page, with no trace and no account.
    forged = _browser().get(f"{rp}/tai-khoan/dinh-danh/callback/?code=abc&state=xyz")
    assert forged.status_code == 200
    assert forged.url.startswith(f"{rp}/dang-nhap/")
    assert "Traceback" not in forged.text
    assert "Không đăng nhập được bằng định danh điện tử." in forged.text
    assert not IdentityLink.objects.exists()

    # The first sign-in creates a citizen account with an identity-verified profile.
    _browser1, landed = _sign_in(rp, idp)
    assert landed.status_code == 200
    assert landed.url == f"{rp}/tai-khoan/ho-so-ca-nhan/"
    assert "Nguyễn Thị Lan" in landed.text
    assert "Đã định danh điện tử" in landed.text

    link = IdentityLink.objects.get()
    assert link.provider == "vneid"
    provider_user = User.objects.get(username="vneid-lan")
    assert link.subject == str(provider_user.pk)
    citizen = link.user
    assert citizen != provider_user
    assert citizen.is_citizen
    assert citizen.is_active
    assert citizen.phone == "0912345678"
    assert citizen.email == "lan@example.vn"
    profile = CitizenProfile.objects.get(user=citizen)
    assert profile.identity_verified
    assert profile.id_number == "001190012345"
    assert str(profile.date_of_birth) == "1990-05-17"

    # A second sign-in from a fresh browser reaches the same account.
    _browser2, landed = _sign_in(rp, idp)
    assert landed.url == f"{rp}/tai-khoan/ho-so-ca-nhan/"
    assert User.objects.filter(account_type="citizen").count() == 1
    assert IdentityLink.objects.count() == 1


@pytest.mark.django_db
def test_sso_is_off_without_a_client_id(client, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    assert client.get("/tai-khoan/dinh-danh/").status_code == 404
    assert client.get("/tai-khoan/dinh-danh/callback/?code=a&state=b").status_code == 404
    assert "VNeID" not in client.get("/dang-nhap/").content.decode()
