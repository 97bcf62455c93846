"""Single sign-on through an electronic identity provider (VNeID-style OpenID Connect) as a plugin.

    MOTCUA_IDENTITY_PROVIDER = "oidc"        # the registered plugin; "oidc" is mozilla-django-oidc
    OIDC_RP_CLIENT_ID = ""                   # empty: single sign-on is off, its button and pages are hidden

A plugin turns a provider's answer into an `Identity` (subject, name, ID number, contacts) and hands it to
the account resolver (`MOTCUA_IDENTITY_ACCOUNT_RESOLVER`, by default
`motcua.accounts.services.sign_in_with_identity`), which links or creates the citizen account. The plugin
never touches accounts itself, so another provider (SAML, a national gateway) plugs in the same way.

The OpenID Connect plugin reads the usual mozilla-django-oidc settings; endpoints left empty are taken from
the provider's discovery document (`OIDC_OP_DISCOVERY`, the issuer URL or its
`/.well-known/openid-configuration`). Claim names are settings too (`MOTCUA_OIDC_CLAIMS`), because VNeID
and provincial gateways name the personal ID number differently. See docs/accounts.md.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from motcua.core.plugins import Registry

logger = logging.getLogger(__name__)

DEFAULT_ACCOUNT_RESOLVER = "motcua.accounts.services.sign_in_with_identity"
DEFAULT_CLAIMS = {
    "name": "name",
    # OpenID Connect's standard parts, used only when the provider sends no whole name.
    "family_name": "family_name",
    "middle_name": "middle_name",
    "given_name": "given_name",
    "id_number": "id_number",
    "birthdate": "birthdate",
    "phone": "phone_number",
    "email": "email",
}
DISCOVERY_CACHE_SECONDS = 3600
# Settings that may come from the discovery document, and the document's key for each.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


class ProviderUnavailable(Exception):
    """The identity provider could not be reached or answered nonsense."""


@dataclass(frozen=True)
class Identity:
    """What an identity provider vouches for; `subject` is its stable identifier of the person."""

    provider: str
    subject: str
    full_name: str = ""
    id_number: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""


class IdentityProvider(ABC):
    """One way to sign citizens in through an outside identity system."""

    name = ""

    @abstractmethod
    def is_enabled(self) -> bool:
        """Configured for this installation: the login button and the pages exist only then."""

    @abstractmethod
    def login_view(self) -> Callable[[HttpRequest], HttpResponse]:
        """The view that sends the visitor to the provider."""

    @abstractmethod
    def callback_view(self) -> Callable[[HttpRequest], HttpResponse]:
        """The view the provider sends the visitor back to."""


providers: Registry[type[IdentityProvider]] = Registry(
    "identity", base=IdentityProvider, setting="MOTCUA_IDENTITY_PROVIDER", default="oidc"
)
register = providers.register


def provider() -> IdentityProvider:
    """The provider the settings name; UnknownPlugin (an ImproperlyConfigured) for an unknown name."""
    return providers.active()()


def enabled() -> bool:
    return provider().is_enabled()


def resolve_account(identity: Identity):
    """The citizen account for an identity, linked or created by the configured resolver."""
    resolver = getattr(settings, "MOTCUA_IDENTITY_ACCOUNT_RESOLVER", DEFAULT_ACCOUNT_RESOLVER)
    return import_string(resolver)(identity=identity)


# --- OpenID Connect (mozilla-django-oidc) -------------------------------------------------------------


def discovery() -> dict:
    """The provider's discovery document, cached; empty when no discovery URL is configured."""
    url = getattr(settings, "OIDC_OP_DISCOVERY", "")
    if not url:
        return {}
    if not url.rstrip("/").endswith("/.well-known/openid-configuration"):
        url = url.rstrip("/") + "/.well-known/openid-configuration"
    key = f"motcua.identity.discovery:{url}"
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(
                url,
                timeout=getattr(settings, "OIDC_TIMEOUT", None) or 10,
                verify=getattr(settings, "OIDC_VERIFY_SSL", True),
                proxies=getattr(settings, "OIDC_PROXY", None),
            )
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(type(error).__name__) from error
        cache.set(key, document, DISCOVERY_CACHE_SECONDS)
    return document


_MISSING = object()


def oidc_setting(name: str, default=_MISSING):
    """A mozilla-django-oidc setting; empty endpoints come from the discovery document."""
    value = getattr(settings, name, None)
    if not value and name in DISCOVERED:
        value = discovery().get(DISCOVERED[name]) or None
    if value is None or value == "":
        if default is not _MISSING:
            return default
        raise ImproperlyConfigured(f"Setting {name} not found")
    return value


def _claim(claims: dict, key: str) -> str:
    names = {**DEFAULT_CLAIMS, **getattr(settings, "MOTCUA_OIDC_CLAIMS", {})}
    value = claims.get(names[key]) if names.get(key) else None
    return str(value).strip() if value not in (None, "") else ""


def _full_name(claims: dict) -> str:
    """The name as Vietnamese write it: the whole `name` claim, else family, middle and given name in that
    order ("Đỗ" "Thị" "Mai" → "Đỗ Thị Mai"), never given name first."""
    whole = _claim(claims, "name")
    if whole:
        return " ".join(whole.split())
    parts = (_claim(claims, key) for key in ("family_name", "middle_name", "given_name"))
    return " ".join(" ".join(parts).split())


def identity_from_claims(claims: dict) -> Identity:
    """Map the provider's claims to an Identity; a malformed birth date is dropped, not fatal."""
    birthdate = None
    raw_birthdate = _claim(claims, "birthdate")
    if raw_birthdate:
        try:
            birthdate = date.fromisoformat(raw_birthdate[:10])
        except ValueError:
            birthdate = None
    return Identity(
        provider=getattr(settings, "OIDC_PROVIDER_NAME", "vneid"),
        subject=str(claims["sub"]),
        full_name=_full_name(claims),
        id_number=_claim(claims, "id_number"),
        date_of_birth=birthdate,
        phone=_claim(claims, "phone"),
        email=_claim(claims, "email"),
    )


class OIDCBackend(OIDCAuthenticationBackend):
    """Authorization-code flow; answers only the callback's `authenticate(request, nonce=…)` call."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django builds every backend for every password login: stay inert (and offline) until needed.
        pass

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs or not OIDCProvider().is_enabled():
            return None
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims) -> bool:
        # VNeID gives no e-mail to many citizens: the subject is what identifies the person.
        return bool(claims.get("sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims) or str(claims["sub"]) != str(payload.get("sub")):
            # OpenID Connect Core §5.3.2: the userinfo subject must be the ID token's.
            raise SuspiciousOperation("userinfo subject differs from the ID token subject")
        try:
            return resolve_account(identity_from_claims(claims))
        except ValidationError as error:
            # Codes only: claims are personal data.
            logger.warning("identity sign-in refused (%s)", ",".join(e.code or "" for e in error.error_list))
            return None

    def get_user(self, user_id):
        return ModelBackend.get_user(self, user_id)

    def user_can_authenticate(self, user) -> bool:
        return ModelBackend.user_can_authenticate(self, user)


def _back_to_login(request: HttpRequest) -> HttpResponse:
    messages.error(
        request,
        _(
            "Không đăng nhập được bằng định danh điện tử. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu. "
            "/ Signing in with the electronic identity failed. Please try again or log in with a password."
        ),
    )
    return redirect(settings.LOGIN_URL)


class OIDCLoginView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc_setting)


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def get(self, request):
        try:
            return super().get(request)
        except (requests.RequestException, ProviderUnavailable, SuspiciousOperation) as error:
            logger.warning("identity callback failed (%s)", type(error).__name__)
            return _back_to_login(request)

    def login_failure(self):
        return _back_to_login(self.request)


@register
class OIDCProvider(IdentityProvider):
    name = "oidc"

    def is_enabled(self) -> bool:
        return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))

    def login_view(self):
        view = OIDCLoginView.as_view()

        def start(request: HttpRequest) -> HttpResponse:
            try:
                return view(request)
            except (ProviderUnavailable, ImproperlyConfigured) as error:
                logger.warning("identity provider unavailable (%s)", type(error).__name__)
                return _back_to_login(request)

        return start

    def callback_view(self):
        return OIDCCallbackView.as_view()
