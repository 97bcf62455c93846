"""REST API reads: /api/v1/review/inspections/ (with recommendations and their follow-up) and
/api/v1/review/misconduct/ (only for the roles that keep the register; others get an empty list)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, viewsets

from motcua.core.errors import error_responses

from . import access, selectors
from .models import EvidenceFile, Inspection, MisconductCase, Recommendation


class EvidenceFileOut(serializers.ModelSerializer):
    class Meta:
        model = EvidenceFile
        fields = ["id", "name", "uploaded_at"]


class RecommendationOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    files = EvidenceFileOut(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "agency",
            "text",
            "due_on",
            "status",
            "done_on",
            "evidence",
            "files",
            "accepted_on",
            "returned_reason",
        ]


class InspectionOut(serializers.ModelSerializer):
    inspecting_agency = serializers.CharField(source="inspecting_agency.code")
    agencies = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    recommendations = RecommendationOut(many=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "plan",
            "inspecting_agency",
            "agencies",
            "subject",
            "starts_on",
            "ends_on",
            "minutes_number",
            "minutes_on",
            "findings",
            "recommendations",
        ]


class InspectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    serializer_class = InspectionOut

    def get_queryset(self):
        return (
            selectors.inspections_for(self.request.user)
            .select_related("inspecting_agency")
            .prefetch_related("agencies", "recommendations__agency", "recommendations__files")
            .order_by("starts_on", "pk")
        )

    @extend_schema(responses={200: InspectionOut(many=True), **error_responses(401, 403)})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: InspectionOut, **error_responses(401, 404)})
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class MisconductOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    feedback = serializers.CharField(source="feedback.code", allow_null=True, default=None)

    class Meta:
        model = MisconductCase
        fields = [
            "id",
            "agency",
            "official",
            "source",
            "feedback",
            "inspection",
            "occurred_on",
            "description",
            "measures",
            "measures_on",
        ]


class MisconductViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = MisconductOut

    def get_queryset(self):
        return access.misconduct_for(self.request.user).select_related("agency", "feedback").order_by("pk")

    @extend_schema(responses={200: MisconductOut(many=True), **error_responses(401, 403)})
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)
