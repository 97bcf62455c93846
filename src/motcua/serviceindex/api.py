"""/api/v1/index/…: the public figures of the index as JSON (no personal data, no login needed).

`GET /api/v1/index/?ky=month&nam=2026&thang=3` gives the province, the agencies and the units with their
points, maximum, percent, rank and change; `GET /api/v1/index/agencies/<id>/` one agency's indicators.
Period parameters as on the pages (ky = month | quarter | year | range; nam, thang, quy, tu, den).
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.core.errors import error_responses

from . import selectors
from .periods import parse

PERIOD_PARAMETERS = [
    OpenApiParameter("ky", str, enum=["month", "quarter", "year", "range"]),
    # The bounds periods.parse checks, so the document says which values are refused.
    OpenApiParameter("nam", {"type": "integer", "minimum": 2000, "maximum": 2100}),
    OpenApiParameter("thang", {"type": "integer", "minimum": 1, "maximum": 12}),
    OpenApiParameter("quy", {"type": "integer", "minimum": 1, "maximum": 4}),
    OpenApiParameter("tu", {"type": "string", "format": "date"}, description="yyyy-mm-dd (ky=range)"),
    OpenApiParameter("den", {"type": "string", "format": "date"}, description="yyyy-mm-dd (ky=range)"),
]


class IndicatorOut(serializers.Serializer):
    code = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    group = serializers.CharField(source="indicator.group.name")
    max_points = serializers.DecimalField(source="indicator.max_points", max_digits=6, decimal_places=2)
    target = serializers.DecimalField(source="indicator.target", max_digits=5, decimal_places=2)
    legal_basis = serializers.CharField(source="indicator.legal_basis")
    status = serializers.ChoiceField(choices=["scored", "no_source", "no_cases"])
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    rate = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    points = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)


class ScoreOut(serializers.Serializer):
    id = serializers.IntegerField(source="key", allow_null=True)
    name = serializers.CharField(source="label")
    level = serializers.CharField()
    points = serializers.DecimalField(max_digits=6, decimal_places=2)
    maximum = serializers.DecimalField(max_digits=6, decimal_places=2)
    excluded = serializers.DecimalField(max_digits=6, decimal_places=2)
    percent = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    rank = serializers.IntegerField(allow_null=True)
    peers = serializers.IntegerField()
    change = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)


class ScoreDetailOut(ScoreOut):
    indicators = IndicatorOut(many=True)


class IndexOut(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    label = serializers.CharField()
    province = ScoreDetailOut(allow_null=True)
    agencies = ScoreOut(many=True)
    units = ScoreOut(many=True)


def _period(request: Request):
    return parse(request.query_params, today=timezone.localdate())


class IndexView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: IndexOut, **error_responses(400, 409)})
    def get(self, request: Request) -> Response:
        period = _period(request)
        tables = selectors.public_tables(period)
        data = {
            "start": period.start,
            "end": period.end,
            "label": period.label,
            "province": tables["province"][0] if tables["province"] else None,
            "agencies": tables["agencies"],
            "units": tables["units"],
        }
        return Response(IndexOut(data).data)


class AgencyIndexView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=PERIOD_PARAMETERS, responses={200: ScoreDetailOut, **error_responses(400, 404, 409)}
    )
    def get(self, request: Request, pk: int) -> Response:
        period = _period(request)
        for score in selectors.public_tables(period)["agencies"]:
            if score.key == pk:
                return Response(ScoreDetailOut(score).data)
        raise Http404(_("Cơ quan không có số liệu trong kỳ. / No figures for this agency in the period."))
