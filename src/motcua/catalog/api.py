"""REST API of the catalog (/api/v1/): public reads, writes for the TTHC-control officer (session auth).

Thin: serializers check the input, one selector or service does the work. Errors (a service's
ValidationError, PermissionDenied, bad query parameters) are answered by core.errors.api_exception_handler
in the one error shape of the API, {"detail", "code", "errors"}, never a 500.
"""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from motcua.core.api import paged
from motcua.core.errors import error_responses
from motcua.org.models import Agency

from . import selectors, services
from .content import version_content
from .models import (
    Applicant,
    Channel,
    FeeBasis,
    FeeKind,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureType,
    PublicationDecision,
    TimeUnit,
)
from .search import search_procedures


class SearchParams(serializers.Serializer):
    search = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Từ khóa, có dấu hoặc không dấu / words, with or without diacritics",
    )
    sector = serializers.CharField(required=False, max_length=20, help_text="Mã lĩnh vực / sector code")
    level = serializers.SlugRelatedField(slug_field="code", queryset=Level.objects.all(), required=False)
    agency = serializers.CharField(
        required=False, max_length=20, help_text="Mã định danh cơ quan / agency code"
    )
    at = serializers.DateField(required=False, help_text="YYYY-MM-DD; mặc định hôm nay / default today")


class AtParam(serializers.Serializer):
    at = serializers.DateField(required=False)


MAX_AMOUNT = 10**15  # đồng: far above any fee, far below the column's limit


class LimitSerializer(serializers.Serializer):
    """The structured time limit, the same on a channel (its default case) and on a named case."""

    time_limit = serializers.DecimalField(
        max_digits=6, decimal_places=2, min_value=0, help_text="upper bound of a range"
    )
    time_unit = serializers.ChoiceField(choices=TimeUnit.choices)
    time_limit_min = serializers.DecimalField(
        max_digits=6,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        default=None,
        help_text="lower bound of a range (“từ 3 đến 5 ngày”)",
    )
    cutoff = serializers.TimeField(
        required=False,
        allow_null=True,
        default=None,
        format="%H:%M",
        help_text="HH:MM, for “trong ngày; sau 15 giờ thì ngày làm việc tiếp theo”",
    )
    at_most = serializers.BooleanField(default=False, help_text="“không quá”")

    def validate(self, attrs):
        low = attrs.get("time_limit_min")
        if low is not None and low > attrs["time_limit"]:
            raise ApiValidationError(
                {
                    "time_limit_min": [
                        _(
                            "Thời hạn tối thiểu lớn hơn thời hạn tối đa. "
                            "/ The lower bound of the range is above its upper bound."
                        )
                    ]
                }
            )
        return attrs


class CaseSerializer(LimitSerializer):
    """Another time limit of a channel for a named case (“trường hợp phải xác minh: 20 ngày”)."""

    id = serializers.IntegerField(read_only=True, help_text="LimitCase id: what a reception names")
    condition = serializers.CharField(max_length=500)


class ChannelSerializer(LimitSerializer):
    channel = serializers.ChoiceField(choices=Channel.choices)
    time_limit_text = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Nguyên văn / the published wording"
    )
    fee = serializers.IntegerField(min_value=0, max_value=MAX_AMOUNT, help_text="VND, the default case")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    cases: serializers.ListSerializer = serializers.ListSerializer(
        child=CaseSerializer(), required=False, default=list, max_length=50
    )


class FeeItemSerializer(serializers.Serializer):
    """One row of the fee table (per case, area, page, copy, unit, a percentage, or an exemption)."""

    id = serializers.IntegerField(read_only=True, help_text="FeeItem id: what a reception names")
    kind = serializers.ChoiceField(choices=FeeKind.choices, default=FeeKind.CHARGE)
    channel = serializers.ChoiceField(
        choices=Channel.choices, allow_blank=True, default="", help_text="empty: every channel"
    )
    condition = serializers.CharField(max_length=500, allow_blank=True, default="")
    area = serializers.CharField(max_length=255, allow_blank=True, default="")
    basis = serializers.ChoiceField(choices=FeeBasis.choices, default=FeeBasis.DOSSIER)
    amount = serializers.IntegerField(
        min_value=0, max_value=MAX_AMOUNT, required=False, allow_null=True, default=None, help_text="VND"
    )
    rate = serializers.DecimalField(
        max_digits=7,
        decimal_places=4,
        min_value=0,
        max_value=100,
        required=False,
        allow_null=True,
        default=None,
        help_text="% of the declared value",
    )
    maximum = serializers.IntegerField(
        min_value=0, max_value=MAX_AMOUNT, required=False, allow_null=True, default=None, help_text="VND"
    )
    exempt = serializers.BooleanField(default=False)
    note = serializers.CharField(max_length=500, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs["exempt"]:
            return attrs
        if attrs["basis"] == FeeBasis.PERCENT and attrs.get("rate") is None:
            raise ApiValidationError(
                {"rate": [_("Mức thu theo tỷ lệ cần tỷ lệ %. / A percentage fee needs its rate.")]}
            )
        if attrs["basis"] != FeeBasis.PERCENT and attrs.get("amount") is None:
            raise ApiValidationError(
                {"amount": [_("Mức thu cần số tiền hoặc là miễn. / A fee needs an amount or is exempt.")]}
            )
        return attrs


class DocumentSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    form_name = serializers.CharField(required=False, allow_blank=True, default="")
    originals = serializers.IntegerField(min_value=0, default=1)
    copies = serializers.IntegerField(min_value=0, default=0)
    mandatory = serializers.BooleanField(default=True)
    condition = serializers.CharField(required=False, allow_blank=True, default="")


class ContentSerializer(serializers.Serializer):
    """The legal content of a version (catalog.content), for reading and for writing drafts."""

    national_code = serializers.RegexField(r"^\d+\.\d+$", max_length=30)
    name = serializers.CharField(max_length=500)
    sector = serializers.CharField(max_length=20)
    levels = serializers.ListField(child=serializers.CharField(max_length=20))
    procedure_type = serializers.ChoiceField(choices=ProcedureType.choices)
    implementing_agency = serializers.CharField(allow_blank=True, default="")
    competent_agency = serializers.CharField(allow_blank=True, default="")
    delegated_agency = serializers.CharField(allow_blank=True, default="")
    supporting_agency = serializers.CharField(allow_blank=True, default="")
    sequence = serializers.CharField(allow_blank=True, default="")
    applicants = serializers.ListField(child=serializers.ChoiceField(choices=Applicant.choices))
    result = serializers.CharField(allow_blank=True, default="")
    fees = serializers.CharField(allow_blank=True, default="")
    requirements = serializers.CharField(allow_blank=True, default="")
    legal_basis = serializers.CharField(allow_blank=True, default="")
    online_level = serializers.ChoiceField(choices=OnlineLevel.choices)
    vertical_sector = serializers.BooleanField(default=False)
    any_boundary = serializers.BooleanField(default=False)
    notes = serializers.CharField(allow_blank=True, default="")
    channels = ChannelSerializer(many=True)
    documents = DocumentSerializer(many=True)
    fee_items: serializers.ListSerializer = serializers.ListSerializer(
        child=FeeItemSerializer(), required=False, default=list, max_length=200
    )


class ProcedureSummarySerializer(serializers.Serializer):
    code = serializers.CharField(source="procedure.national_code")
    name = serializers.CharField()
    sector = serializers.CharField(source="sector.code")
    sector_name = serializers.CharField(source="sector.name")
    online_level = serializers.CharField()
    any_boundary = serializers.BooleanField()
    version = serializers.IntegerField(source="number")
    valid_from = serializers.DateField()


class ApplicationSerializer(serializers.Serializer):
    local_code = serializers.CharField()
    agency = serializers.CharField(source="agency.code")
    agency_name = serializers.CharField(source="agency.name")
    office_address = serializers.CharField()
    fee = serializers.IntegerField(allow_null=True)
    online_level = serializers.CharField()


class ProcedureDetailSerializer(ContentSerializer):
    version = serializers.IntegerField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)
    decision = serializers.CharField()
    status = serializers.CharField()
    agencies = ApplicationSerializer(many=True)


class ProcedureViewSet(viewsets.ViewSet):
    """Procedures in force: search, filter, read one."""

    lookup_field = "code"
    lookup_value_regex = r"[0-9A-Za-z._-]+"  # national codes and local ones (C08_XPHCDB)
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[SearchParams],
        responses={
            200: paged(ProcedureSummarySerializer, "PaginatedProcedureSummaryList", detail=True),
            **error_responses(400),
        },
        summary="Tìm thủ tục hành chính / search procedures",
    )
    def list(self, request):
        params = SearchParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        agency = data.get("agency")
        if agency and not Agency.objects.filter(code=agency).exists():
            raise ApiValidationError(
                {"agency": [_("Không có cơ quan mã '%(code)s'. / Unknown agency.") % {"code": agency}]}
            )
        results = search_procedures(
            data.get("search", ""),
            at=data.get("at"),
            sector=data.get("sector"),
            level=data["level"].code if data.get("level") else None,
            agency=agency,
        )
        paginator = self.paginator_class()
        page = paginator.paginate_queryset(results, request, view=self)
        response = paginator.get_paginated_response(ProcedureSummarySerializer(page, many=True).data)
        if data.get("search", "").strip() and not page:
            # "No match" is an answer: nothing relevant, rather than the whole catalog or a bare [].
            response.data["detail"] = _(
                "Không tìm thấy thủ tục phù hợp với “%(query)s”. / No procedure matches “%(query)s”."
            ) % {"query": data["search"].strip()}
        return response

    @property
    def paginator_class(self):
        from rest_framework.settings import api_settings

        return api_settings.DEFAULT_PAGINATION_CLASS

    @extend_schema(
        parameters=[
            AtParam,
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="Mã thủ tục / national code, e.g. 1.001193",
            ),
        ],
        responses={200: ProcedureDetailSerializer, **error_responses(400, 404)},
        summary="Một thủ tục theo mã / one procedure by code",
    )
    def retrieve(self, request, code=None):
        params = AtParam(data=request.query_params)
        params.is_valid(raise_exception=True)
        procedure = selectors.public_procedure(code)
        version = (
            selectors.version_in_force(procedure, params.validated_data.get("at")) if procedure else None
        )
        if procedure is None or version is None:
            raise NotFound(
                _(
                    "Không có thủ tục mã %(code)s có hiệu lực vào thời điểm này. / No procedure %(code)s "
                    "in force at that time."
                )
                % {"code": code}
            )
        data = {
            **_with_ids(version, version_content(version)),
            "version": version.number,
            "valid_from": version.valid_from,
            "valid_to": version.valid_to,
            "decision": version.decision.number if version.decision else "",
            "status": procedure.status,
            "agencies": selectors.applying_agencies(procedure),
        }
        return Response(ProcedureDetailSerializer(data).data)


def _with_ids(version, content: dict) -> dict:
    """The content with the ids of its cases and fee rows, which a reception names (same order as content)."""
    for channel, row in zip(version.channels.order_by("channel"), content["channels"], strict=True):
        for case, case_row in zip(channel.cases.order_by("position"), row["cases"], strict=True):
            case_row["id"] = case.pk
    for item, item_row in zip(version.fee_items.order_by("position"), content["fee_items"], strict=True):
        item_row["id"] = item.pk
    return content


class DraftViewSet(viewsets.ViewSet):
    """The control officer writes drafts; a publication decision publishes them."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ContentSerializer,
        responses={201: ContentSerializer, **error_responses(400, 403)},
        summary="Tạo hoặc sửa dự thảo / create or replace a draft",
    )
    def create(self, request):
        body = ContentSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        draft = services.save_draft(actor=request.user, content=body.validated_data)
        return Response(ContentSerializer(version_content(draft)).data, status=status.HTTP_201_CREATED)


class DecisionInput(serializers.Serializer):
    number = serializers.CharField(max_length=60)
    title = serializers.CharField(max_length=500)
    signed_on = serializers.DateField()
    signer = serializers.CharField(max_length=150)
    effective_from = serializers.DateField()
    legal_documents = serializers.CharField()
    legal_effective_on = serializers.DateField(required=False, allow_null=True)
    posted_on = serializers.DateField(required=False, allow_null=True)
    publish = serializers.ListField(
        child=serializers.CharField(), default=list, help_text="mã thủ tục / codes"
    )
    abolish = serializers.ListField(
        child=serializers.CharField(), default=list, help_text="mã thủ tục / codes"
    )


class DecisionSerializer(serializers.ModelSerializer):
    procedures = serializers.SerializerMethodField()

    class Meta:
        model = PublicationDecision
        fields = [
            "number",
            "title",
            "signed_on",
            "signer",
            "effective_from",
            "legal_documents",
            "legal_effective_on",
            "publish_deadline",
            "published_on_time",
            "post_deadline",
            "posted_on",
            "posted_on_time",
            "procedures",
        ]

    def get_procedures(self, decision) -> list[str]:
        return [v.procedure.national_code for v in decision.versions.all()]


class DecisionViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    @extend_schema(
        responses={200: paged(DecisionSerializer, "PaginatedDecisionList")},
        summary="Quyết định công bố / decisions",
    )
    def list(self, request):
        paginator = ProcedureViewSet().paginator_class()
        page = paginator.paginate_queryset(selectors.decisions(), request, view=self)
        return paginator.get_paginated_response(DecisionSerializer(page, many=True).data)

    @extend_schema(
        request=DecisionInput,
        responses={201: DecisionSerializer, **error_responses(400, 403)},
        summary="Ban hành quyết định công bố / issue a publication decision",
    )
    def create(self, request):
        body = DecisionInput(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        codes = [*data["publish"], *data["abolish"]]
        lookup = {p.national_code: p for p in Procedure.objects.filter(national_code__in=codes)}
        unknown = {
            field: [
                _("Không có thủ tục mã '%(code)s'. / Unknown procedure.") % {"code": code}
                for code in data[field]
                if code not in lookup
            ]
            for field in ("publish", "abolish")
        }
        if any(unknown.values()):  # a code in the body is bad input (400), not a missing page (404)
            raise ApiValidationError({field: errors for field, errors in unknown.items() if errors})
        data["publish"] = [lookup[code] for code in data.pop("publish")]
        data["abolish"] = [lookup[code] for code in data.pop("abolish")]
        decision = services.issue_publication_decision(actor=request.user, **data)
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)
