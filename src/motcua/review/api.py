"""REST API under /api/v1/review/: reads for officers (session or token), scoped like the pages.

- /review/reviews/ (?plan=, ?status=) and /review/reviews/<id>/ with its parts and actions;
- /review/summary/ (?plan=, ?year=): the province's summed figures, as the summary page shows them.
Errors keep core.errors' one shape; a bad filter is a 400, another agency's form a 404.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.core import params
from motcua.core.errors import error_responses

from . import costs, filters, selectors
from .models import CostAction, ProcedureReview, ReviewPart
from .workflows import ReviewStatus


class PartOut(serializers.ModelSerializer):
    class Meta:
        model = ReviewPart
        fields = ["part", "necessary", "reasonable", "lawful", "finding", "proposal", "reason"]


class ActionOut(serializers.ModelSerializer):
    class Meta:
        model = CostAction
        fields = ["phase", "kind", "description", "hours", "money"]


class ReviewOut(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="item.plan_id")
    procedure = serializers.CharField(source="procedure.national_code")
    procedure_name = serializers.CharField(source="procedure.name")
    reviewing_agency = serializers.CharField(source="item.reviewing_agency.code")
    due_on = serializers.DateField(source="item.due_on")
    saving = serializers.DecimalField(max_digits=20, decimal_places=0)
    saving_percent = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    catalog_draft = serializers.IntegerField(source="catalog_draft_id", allow_null=True)

    class Meta:
        model = ProcedureReview
        fields = [
            "id",
            "plan",
            "procedure",
            "procedure_name",
            "reviewing_agency",
            "due_on",
            "status",
            "proposal",
            "option_text",
            "reason",
            "hourly_income",
            "times_before",
            "times_after",
            "subjects",
            "dossiers_counted",
            "cost_before",
            "cost_after",
            "annual_before",
            "annual_after",
            "saving",
            "saving_percent",
            "decision",
            "catalog_draft",
        ]

    def get_saving_percent(self, review: ProcedureReview) -> str | None:
        percent = costs.saving_percent(review.annual_before, review.annual_after)
        return None if percent is None else str(percent)

    def get_decision(self, review: ProcedureReview) -> dict | None:
        if review.decision is None:
            return None
        return {"number": review.decision.number, "signed_on": review.decision.signed_on.isoformat()}


class ReviewDetailOut(ReviewOut):
    parts = PartOut(many=True)
    actions = ActionOut(many=True)

    class Meta(ReviewOut.Meta):
        fields = [*ReviewOut.Meta.fields, "implementation", "parts", "actions"]


class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    serializer_class = ReviewOut

    def get_queryset(self):
        rows = selectors.reviews_for(self.request.user).select_related(
            "procedure", "item__reviewing_agency", "decision"
        )
        plan = params.integer(self.request.query_params, "plan")
        if plan is not None:
            rows = rows.filter(item__plan_id=plan)
        status = params.choice(self.request.query_params, "status", ReviewStatus)
        if status:
            rows = rows.filter(status=status)
        return rows.order_by("item__due_on", "pk")

    @extend_schema(
        parameters=[OpenApiParameter("plan", int), OpenApiParameter("status", str, enum=ReviewStatus.values)],
        responses={200: ReviewOut(many=True), **error_responses(400, 401, 403)},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: ReviewDetailOut, **error_responses(401, 404)})
    def retrieve(self, request, *args, **kwargs):
        found = selectors.review_for(request.user, int(kwargs["pk"]))
        return Response(ReviewDetailOut(found, context={"request": request}).data)


class SummaryRowOut(serializers.Serializer):
    agency = serializers.CharField()
    procedures = serializers.IntegerField()
    options = serializers.IntegerField()
    approved = serializers.IntegerField()
    annual_before = serializers.DecimalField(max_digits=22, decimal_places=0)
    annual_after = serializers.DecimalField(max_digits=22, decimal_places=0)
    saving = serializers.DecimalField(max_digits=22, decimal_places=0)
    percent = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)


class SummaryOut(serializers.Serializer):
    rows = SummaryRowOut(many=True)
    total = SummaryRowOut()
    amend = serializers.IntegerField()
    replace = serializers.IntegerField()
    abolish = serializers.IntegerField()


class SummaryView(APIView):
    """The province's summed review figures in the actor's scope."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        parameters=[
            OpenApiParameter("plan", int),
            OpenApiParameter("year", {"type": "integer", "minimum": 2000, "maximum": 2100}),
        ],
        responses={200: SummaryOut, **error_responses(400, 401, 404)},
    )
    def get(self, request: Request) -> Response:
        plan_id = params.integer(request.query_params, "plan")
        year = filters.year(request.query_params, "year")
        plan = selectors.plan_for(request.user, plan_id) if plan_id else None
        return Response(SummaryOut(selectors.summary(request.user, plan=plan, year=year)).data)
