"""REST API under /api/v1/review/drafts/: reads for officers (session or token), scoped like the pages.

- /review/drafts/ (?status=, ?year=) the register; /review/drafts/<id>/ with its procedures, their impact
  assessment figures, opinions and answers; /review/drafts/counts/ (?year=) the report's figures.
Errors keep core.errors' one shape; a bad filter is a 400, another department's draft a 404.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.core import params
from motcua.core.errors import error_responses

from .. import filters
from . import selectors
from .models import DraftProcedure, DraftRegulation
from .workflows import DraftStatus


class DraftProcedureOut(serializers.ModelSerializer):
    procedure = serializers.CharField(source="procedure.national_code", allow_null=True, default=None)
    catalog_draft = serializers.IntegerField(source="catalog_draft_id", allow_null=True)
    saving = serializers.DecimalField(max_digits=20, decimal_places=0)

    class Meta:
        model = DraftProcedure
        fields = [
            "id",
            "change",
            "procedure",
            "name",
            "necessity",
            "reasonableness",
            "legality",
            "hourly_income",
            "times_before",
            "times_after",
            "subjects",
            "cost_before",
            "cost_after",
            "annual_before",
            "annual_after",
            "saving",
            "opinion",
            "acceptance",
            "explanation",
            "catalog_draft",
        ]


class DraftOut(serializers.ModelSerializer):
    drafting_agency = serializers.CharField(source="drafting_agency.code")
    control_agency = serializers.CharField(source="control_agency.code")
    time_limit_working_days = serializers.IntegerField(source="time_limit.working_days")
    time_limit_legal_basis = serializers.CharField(source="time_limit.legal_basis")
    answered_late = serializers.BooleanField(allow_null=True)
    publication_decision = serializers.CharField(
        source="publication_decision.number", allow_null=True, default=None
    )

    class Meta:
        model = DraftRegulation
        fields = [
            "id",
            "plan",
            "kind",
            "title",
            "issuing_body",
            "drafting_agency",
            "control_agency",
            "sent_on",
            "received_on",
            "time_limit_working_days",
            "time_limit_legal_basis",
            "opinion_due_on",
            "status",
            "opinion_number",
            "opinion_on",
            "answered_late",
            "opinion_text",
            "explanation_on",
            "explanation_text",
            "issued_number",
            "issued_on",
            "publication_decision",
        ]


class DraftDetailOut(DraftOut):
    procedures = DraftProcedureOut(many=True)

    class Meta(DraftOut.Meta):
        fields = [*DraftOut.Meta.fields, "procedures"]


class DraftViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    serializer_class = DraftOut

    def get_queryset(self):
        rows = selectors.drafts_for(self.request.user).select_related(
            "drafting_agency", "control_agency", "time_limit", "publication_decision"
        )
        status = params.choice(self.request.query_params, "status", DraftStatus)
        if status:
            rows = rows.filter(status=status)
        year = filters.year(self.request.query_params, "year")
        if year is not None:
            rows = rows.filter(received_on__year=year)
        return rows.order_by("received_on", "pk")

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=DraftStatus.values),
            OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100}),
        ],
        responses={200: DraftOut(many=True), **error_responses(400, 401, 403)},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: DraftDetailOut, **error_responses(401, 404)})
    def retrieve(self, request, *args, **kwargs):
        found = selectors.draft_for(request.user, int(kwargs["pk"]))
        return Response(DraftDetailOut(found, context={"request": request}).data)


class DraftCountsOut(serializers.Serializer):
    drafts = serializers.IntegerField()
    answered = serializers.IntegerField()
    answered_late = serializers.IntegerField()
    procedures = serializers.IntegerField()
    opinions = serializers.IntegerField()
    accepted = serializers.IntegerField()
    partly = serializers.IntegerField()
    not_accepted = serializers.IntegerField()
    issued = serializers.IntegerField()
    published = serializers.IntegerField()


class DraftCountsView(APIView):
    """The report's figures on drafts in the actor's scope."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100})],
        responses={200: DraftCountsOut, **error_responses(400, 401)},
    )
    def get(self, request: Request) -> Response:
        year = filters.year(request.query_params, "year")
        return Response(DraftCountsOut(selectors.counts(request.user, year=year)).data)
