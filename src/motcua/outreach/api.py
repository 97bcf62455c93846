"""/api/v1/outreach/…: reads only.

- `articles/` and `articles/{id}/`: the e-bulletin. Anyone reads the published articles (`category`, `q`);
  a communication officer also reads the drafts and submissions of the agencies he sees (`status`).
- `faqs/`: the public Q&A (published entries, personal data masked when they came from a citizen's
  question; `q`); a communication officer also reads the unpublished entries of his agencies.
- `questions/`: citizens' questions in the caller's queue (officers only; no asker's contact leaves it).
- `reading-points/` and `reading-points/{id}/` (with the deliveries of material): the points of the
  agencies the officer sees (`agency` code, `kind`), each with the date it last received material.
- `training-courses/` and `training-courses/{id}/` (with the attendees), `training-coverage/?year=`: for
  the officers who organise training, over the agencies they see.
"""

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.core import params
from motcua.core.access import is_staff_member
from motcua.core.errors import error_responses

from . import selectors
from .models import (
    Article,
    Attendance,
    Distribution,
    Faq,
    Question,
    ReadingPoint,
    ReadingPointKind,
    TrainingCourse,
)
from .training import TRAINED_ROLES
from .workflows import ArticleStatus


class ArticleOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    category = serializers.CharField(source="category.name")
    issue = serializers.CharField(source="issue.number", allow_null=True, default=None)

    class Meta:
        model = Article
        fields = ["id", "title", "summary", "category", "issue", "agency", "byline", "status", "publish_at"]


class ArticleDetailOut(ArticleOut):
    procedures = serializers.SlugRelatedField(many=True, read_only=True, slug_field="national_code")
    agencies = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta(ArticleOut.Meta):
        fields = [*ArticleOut.Meta.fields, "body", "procedures", "agencies"]


class FaqOut(serializers.ModelSerializer):
    topic = serializers.CharField(source="topic.name")
    procedure = serializers.CharField(source="procedure.national_code", allow_null=True, default=None)

    class Meta:
        model = Faq
        fields = ["id", "topic", "question", "answer", "procedure", "published", "updated_at"]


class QuestionOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code", allow_null=True, default=None)
    procedure = serializers.CharField(source="procedure.national_code", allow_null=True, default=None)

    class Meta:
        model = Question
        fields = [
            "code",
            "status",
            "title",
            "body",
            "agency",
            "procedure",
            "asked_at",
            "due_at",
            "answered_late",
            "published_at",
        ]


class CourseOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    enrolled = serializers.IntegerField()
    present = serializers.IntegerField()

    class Meta:
        model = TrainingCourse
        fields = [
            "id",
            "topic",
            "audience",
            "trainer",
            "agency",
            "starts_on",
            "ends_on",
            "mode",
            "place",
            "materials_link",
            "enrolled",
            "present",
        ]


class AttendeeOut(serializers.ModelSerializer):
    name = serializers.CharField()
    agency = serializers.CharField(source="agency.code", allow_null=True, default=None)
    organisation = serializers.CharField(source="guest_organisation")

    class Meta:
        model = Attendance
        fields = ["id", "name", "agency", "organisation", "role", "attended", "certificate_number"]


class CourseDetailOut(CourseOut):
    attendees = serializers.SerializerMethodField()

    class Meta(CourseOut.Meta):
        fields = [*CourseOut.Meta.fields, "attendees"]

    @extend_schema_field(AttendeeOut(many=True))
    def get_attendees(self, course: TrainingCourse) -> list[dict]:
        return AttendeeOut(selectors.attendees_of(course), many=True).data


class CoverageOut(serializers.Serializer):
    agency = serializers.CharField(source="agency.code")
    agency_name = serializers.CharField(source="agency.name")
    officials = serializers.IntegerField()
    trained = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=6, decimal_places=2)


class DeliveryOut(serializers.ModelSerializer):
    has_proof = serializers.SerializerMethodField()

    class Meta:
        model = Distribution
        fields = ["id", "material", "title", "quantity", "delivered_on", "has_proof"]

    def get_has_proof(self, row: Distribution) -> bool:
        return bool(row.proof)


class ReadingPointOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    agency_name = serializers.CharField(source="agency.name")
    last_delivery = serializers.DateField(allow_null=True)

    class Meta:
        model = ReadingPoint
        fields = ["id", "agency", "agency_name", "kind", "name", "address", "active", "last_delivery"]


class ReadingPointDetailOut(ReadingPointOut):
    deliveries = serializers.SerializerMethodField()

    class Meta(ReadingPointOut.Meta):
        fields = [*ReadingPointOut.Meta.fields, "deliveries"]

    @extend_schema_field(DeliveryOut(many=True))
    def get_deliveries(self, point: ReadingPoint) -> list[dict]:
        return DeliveryOut(point.distributions.order_by("-delivered_on", "-pk"), many=True).data


def _writer(request: Request) -> bool:
    return is_staff_member(request.user) and request.user.has_perm("outreach.write_faq")


def _filters(request: Request) -> tuple[str, int | None]:
    """The list's `status` and `category`: a value that cannot be one is a 400 (core.params), as the document
    says, for every reader; a valid status is the officers' filter and means nothing to other readers."""
    return (
        params.choice(request.query_params, "status", ArticleStatus),
        params.integer(request.query_params, "category"),
    )


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]

    def get_queryset(self):
        status, category = _filters(self.request) if self.action == "list" else ("", None)
        if _writer(self.request):
            rows = selectors.articles_for(self.request.user, status=status)
        else:
            rows = Article.objects.filter(status=ArticleStatus.PUBLISHED).select_related("category", "agency")
        if category is not None:
            rows = rows.filter(category_id=category)
        return rows.select_related("issue").order_by("-publish_at", "-pk")

    def get_serializer_class(self):
        return ArticleOut if self.action == "list" else ArticleDetailOut

    @extend_schema(
        parameters=[
            OpenApiParameter("category", int),
            OpenApiParameter("q", str, description="words of the title, summary or body, marks optional"),
            OpenApiParameter("status", str, enum=list(ArticleStatus.values), description="officers only"),
        ],
        responses={200: ArticleOut(many=True)},
    )
    def list(self, request: Request, *args, **kwargs) -> Response:
        query = request.query_params.get("q", "")[:200]
        _status, category = _filters(request)
        if query.strip() and not _writer(request):
            found = selectors.published_articles(
                category=selectors.article_categories().filter(pk=category).first()
                if category is not None
                else None,
                query=query,
            )
            page = self.paginate_queryset(found)
            return self.get_paginated_response(ArticleOut(page, many=True).data)
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: ArticleDetailOut, **error_responses(404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return super().retrieve(request, *args, **kwargs)


class FaqViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]
    serializer_class = FaqOut
    queryset = Faq.objects.none()  # the type of the path's id for the schema; get_queryset answers

    def get_queryset(self):
        query = self.request.query_params.get("q", "")[:200]
        if _writer(self.request):
            return selectors.faqs_for(self.request.user, query=query)
        return selectors.published_faqs(query)

    @extend_schema(parameters=[OpenApiParameter("q", str)], responses={200: FaqOut(many=True)})
    def list(self, request: Request, *args, **kwargs) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: FaqOut, **error_responses(404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        found = next((f for f in self.get_queryset() if str(f.pk) == str(kwargs.get("pk"))), None)
        if found is None:
            raise NotFound()
        return Response(FaqOut(found).data)


class StaffOnly(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return is_staff_member(request.user)


class Organiser(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return is_staff_member(request.user) and request.user.has_perm("outreach.manage_training")


class QuestionViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, StaffOnly]
    serializer_class = QuestionOut
    lookup_field = "code"

    def get_queryset(self):
        status = self.request.query_params.get("status", "")
        return selectors.questions_for(self.request.user, status=status).order_by("-asked_at", "-pk")

    @extend_schema(
        parameters=[OpenApiParameter("status", str)],
        responses={200: QuestionOut(many=True), **error_responses(403)},
    )
    def list(self, request: Request, *args, **kwargs) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: QuestionOut, **error_responses(403, 404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return super().retrieve(request, *args, **kwargs)


class ReadingPointViewSet(viewsets.ReadOnlyModelViewSet):
    """Officers only, over the agencies they see; the proof photos stay on the pages (private files)."""

    permission_classes = [permissions.IsAuthenticated, StaffOnly]

    def get_queryset(self):
        rows = selectors.reading_points_for(self.request.user)
        agency = self.request.query_params.get("agency", "")[:50]
        if agency:
            rows = rows.filter(agency__code=agency)
        kind = params.choice(self.request.query_params, "kind", ReadingPointKind)  # outside the enum: 400
        if kind:
            rows = rows.filter(kind=kind)
        return rows.order_by("agency__name", "name", "pk")

    def get_serializer_class(self):
        return ReadingPointOut if self.action == "list" else ReadingPointDetailOut

    @extend_schema(
        parameters=[
            OpenApiParameter("agency", str, description="the commune's (agency's) code"),
            OpenApiParameter("kind", str, enum=list(ReadingPointKind.values)),
        ],
        responses={200: ReadingPointOut(many=True), **error_responses(403)},
    )
    def list(self, request: Request, *args, **kwargs) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: ReadingPointDetailOut, **error_responses(403, 404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return super().retrieve(request, *args, **kwargs)


class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, Organiser]

    def get_queryset(self):
        year = self.request.query_params.get("year", "")
        return selectors.courses_for(self.request.user, year=int(year) if year.isdigit() else None).order_by(
            "-starts_on", "-pk"
        )

    def get_serializer_class(self):
        return CourseOut if self.action == "list" else CourseDetailOut

    @extend_schema(
        parameters=[OpenApiParameter("year", int)],
        responses={200: CourseOut(many=True), **error_responses(403)},
    )
    def list(self, request: Request, *args, **kwargs) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: CourseDetailOut, **error_responses(403, 404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return super().retrieve(request, *args, **kwargs)


class CoverageView(APIView):
    permission_classes = [permissions.IsAuthenticated, Organiser]

    @extend_schema(
        parameters=[OpenApiParameter("year", int, description="the calendar year; this year by default")],
        responses={200: CoverageOut(many=True), **error_responses(400, 403)},
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("year", "")
        if raw and not (raw.isdigit() and 2000 <= int(raw) <= 2100):
            raise ValidationError({"year": ["2000–2100"]})
        year = int(raw) if raw else timezone.localdate().year
        rows = selectors.coverage_for(
            request.user, start=date(year, 1, 1), end=date(year, 12, 31), roles=list(TRAINED_ROLES)
        )
        return Response(CoverageOut(rows, many=True).data)
