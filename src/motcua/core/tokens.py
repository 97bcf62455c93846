"""POST /api/v1/auth/token/: DRF's token view on the site's parsers and behind the login throttle.

DRF's own view names its parsers, its stock JSONParser among them, so it escaped the default bounded one
(core.parsers). With MOTCUA_STAFF_OTP on, staff send `otp_token` too (core.twofactor).
A locked-out account or address gets the bilingual 429 of core.throttle, with Retry-After.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.settings import api_settings

from . import twofactor
from .errors import ErrorSerializer, error_responses
from .throttle import locked_out_message, retry_after_seconds


class TokenView(ObtainAuthToken):
    # DRF's settings give the classes at run time; its stubs type them as the dotted names.
    parser_classes = api_settings.DEFAULT_PARSER_CLASSES  # type: ignore[assignment]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("AuthTokenOut", fields={"token": serializers.CharField()}),
            **error_responses(400),
            429: OpenApiResponse(ErrorSerializer, description="Đăng nhập sai quá nhiều lần / locked out"),
        },
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except serializers.ValidationError:
            if not getattr(request, "axes_locked_out", False):
                raise
        else:
            user = serializer.validated_data["user"]
            if twofactor.needs_second_factor(user):
                twofactor.verify(user, str(request.data.get(twofactor.FIELD, "")))
            token, _created = Token.objects.get_or_create(user=user)
            return Response({"token": token.key})
        return Response(
            {"detail": locked_out_message(), "code": "throttled"},
            status=429,
            headers={"Retry-After": str(retry_after_seconds())},
        )


obtain_auth_token = TokenView.as_view()
