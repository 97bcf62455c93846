"""POST /api/v1/auth/token/: DRF's token view on the site's parsers (core.parsers' JSON limits).

DRF's own view names its parsers, its stock JSONParser among them, so it escaped the default bounded one.
"""

from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.settings import api_settings


class TokenView(ObtainAuthToken):
    parser_classes = api_settings.DEFAULT_PARSER_CLASSES


obtain_auth_token = TokenView.as_view()
