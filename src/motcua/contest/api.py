"""/api/v1/contest/…: reads only.

- `contests/` and `contests/{code}/`: launched contests with their phases, criteria, prizes (public);
- `contests/{code}/winners/`: the awarded entries once announced (public, no contacts);
- `contests/{code}/standings/?round=preliminary|final`: a closed round's ranking, for the contest's
  secretariat and jury (an open round answers 403: the marks are blind until it closes);
- `entries/mine/`: the caller's own entries with their status;
- `good-models/`: the published register of good models and initiatives.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from motcua.core.errors import error_responses

from . import selectors
from .models import Contest, Criterion, Entry, GoodModel, Phase, Prize
from .rules import roles_on
from .workflows import Round

BLIND = (
    "Vòng thi chưa kết thúc: điểm chưa được công bố. / The round is open: scores stay blind until it closes."
)


class PhaseOut(serializers.ModelSerializer):
    class Meta:
        model = Phase
        fields = ["kind", "starts_on", "ends_on", "note"]


class CriterionOut(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "name", "description", "weight", "max_score", "order"]


class PrizeOut(serializers.ModelSerializer):
    class Meta:
        model = Prize
        fields = ["id", "name", "count", "amount", "order"]


class ContestOut(serializers.ModelSerializer):
    organiser = serializers.CharField(source="organiser.code")

    class Meta:
        model = Contest
        fields = ["code", "title", "organiser", "legal_basis", "status", "launched_at", "awarded_at"]


class ContestDetailOut(ContestOut):
    phases = PhaseOut(many=True)
    criteria = CriterionOut(many=True)
    prizes = PrizeOut(many=True)
    audience = serializers.SerializerMethodField()

    class Meta(ContestOut.Meta):
        fields = [
            *ContestOut.Meta.fields,
            "rules",
            "audience",
            "finalists",
            "min_award_score",
            "phases",
            "criteria",
            "prizes",
        ]

    def get_audience(self, contest: Contest) -> list[str]:
        pairs = [
            ("citizens", contest.for_citizens),
            ("organisations", contest.for_organisations),
            ("agencies", contest.for_agencies),
            ("communes", contest.for_communes),
        ]
        return [name for name, allowed in pairs if allowed]


class WinnerOut(serializers.ModelSerializer):
    prize = serializers.CharField(source="prize.name")
    agency = serializers.CharField(source="agency.code", allow_null=True, default=None)

    class Meta:
        model = Entry
        fields = [
            "code",
            "title",
            "category",
            "author_name",
            "organisation_name",
            "agency",
            "summary",
            "final_score",
            "final_rank",
            "prize",
        ]


class StandingOut(serializers.Serializer):
    rank = serializers.IntegerField(allow_null=True)
    code = serializers.CharField()
    title = serializers.CharField()
    score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    sheets = serializers.IntegerField()
    points = serializers.DictField(child=serializers.DecimalField(max_digits=6, decimal_places=2))


class OwnEntryOut(serializers.ModelSerializer):
    contest = serializers.CharField(source="contest.code")

    class Meta:
        model = Entry
        fields = ["code", "contest", "title", "category", "status", "eligibility_note", "submitted_at"]


class GoodModelOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    entry = serializers.CharField(source="entry.code", allow_null=True, default=None)

    class Meta:
        model = GoodModel
        fields = ["id", "kind", "title", "agency", "summary", "recognised_on", "basis", "entry"]


class ContestViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"
    serializer_class = ContestOut

    def get_queryset(self):
        return selectors.public_contests().prefetch_related("phases", "criteria", "prizes")

    def get_serializer_class(self):
        return ContestOut if self.action == "list" else ContestDetailOut

    @extend_schema(responses={200: ContestOut(many=True)})
    def list(self, request: Request, *args, **kwargs) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: ContestDetailOut, **error_responses(404)})
    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(responses={200: WinnerOut(many=True), **error_responses(404)})
    @action(detail=True, methods=["get"])
    def winners(self, request: Request, code: str) -> Response:
        contest = selectors.public_contest(code)
        return Response(WinnerOut(selectors.winners(contest), many=True).data)

    @extend_schema(
        parameters=[OpenApiParameter("round", str, enum=[*Round.values])],
        responses={200: StandingOut(many=True), **error_responses(400, 403, 404)},
    )
    @action(detail=True, methods=["get"], permission_classes=[permissions.IsAuthenticated])
    def standings(self, request: Request, code: str) -> Response:
        contest = selectors.managed_contests(request.user).filter(code=code).first()
        if contest is None:
            raise NotFound()
        round_ = request.query_params.get("round", Round.PRELIMINARY)
        if round_ not in Round.values:
            raise ValidationError({"round": ["preliminary | final"]})
        if not roles_on(request.user, contest) or not selectors.round_closed(contest, round_):
            raise PermissionDenied(BLIND)
        entries = {e.pk: e for e in selectors.entries_for(request.user, contest)}
        rows = [
            {
                "rank": r.rank,
                "code": entries[r.key].code,
                "title": entries[r.key].title,
                "score": r.score,
                "sheets": r.sheets,
                "points": {str(k): v for k, v in r.points.items()},
            }
            for r in selectors.standings(request.user, contest, round_)
            if r.key in entries
        ]
        return Response(StandingOut(rows, many=True).data)


class OwnEntryViewSet(viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = OwnEntryOut

    def get_queryset(self):
        return selectors.own_entries(self.request.user).order_by("-pk")

    @extend_schema(responses={200: OwnEntryOut(many=True), **error_responses(403)})
    @action(detail=False, methods=["get"])
    def mine(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(OwnEntryOut(page, many=True).data)


class GoodModelViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.AllowAny]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    serializer_class = GoodModelOut

    def get_queryset(self):
        return selectors.published_models().exclude(kind="poor").order_by("-recognised_on", "-pk")
