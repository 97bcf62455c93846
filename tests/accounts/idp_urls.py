"""Test URLconf: the site plus a real OpenID provider (django-oidc-provider) under /idp/openid/.

Imported only while `oidc_provider` is installed by the `identity_provider` fixture of test_oidc.py.
"""

from django.urls import include, path

from motcua.urls import urlpatterns as site

urlpatterns = [*site, path("idp/openid/", include("oidc_provider.urls", namespace="oidc_provider"))]
