"""REST API under /api/v1/feedback/: every read and action, session or token authentication.

Officers: list (their scope, `status`, `overdue`), read, record, and one POST per action naming the version
they saw (409 when someone else moved the item first). Senders: send (with or without an account), track
by code plus verification (rate-limited with dossier tracking), supplement and vote with the same proof.
The public: published answers, personal data masked. Errors keep core.errors' one shape.
"""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from motcua.catalog.models import Procedure, Sector
from motcua.core import params
from motcua.core.errors import error_responses
from motcua.dossiers import tracking as dossier_tracking
from motcua.org.models import Agency

from . import masking, rules, selectors, services
from .models import Category, Channel, Feedback, Kind, SenderKind
from .workflows import FEEDBACK, OPEN_STATUSES, Action, Status

NOT_FOUND = "Không tìm thấy phản ánh với mã và thông tin đã nhập. / No feedback matches this code and check."

# ------------------------------------------------------------------------------------------------ output


class FeedbackEventOut(serializers.Serializer):
    occurred_at = serializers.DateTimeField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    to_agency = serializers.CharField(source="to_agency.code", allow_null=True, default=None)
    note = serializers.CharField()
    late = serializers.BooleanField()


class FeedbackOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    receiving_agency = serializers.CharField(source="receiving_agency.code")
    sector = serializers.CharField(source="sector.code", allow_null=True, default=None)
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Feedback
        fields = [
            "id",
            "code",
            "kind",
            "channel",
            "status",
            "version",
            "title",
            "category",
            "sector",
            "agency",
            "receiving_agency",
            "received_at",
            "due_at",
            "handle_due_at",
            "overdue",
            "approved_at",
            "handled_late",
            "published_at",
            "agree_count",
            "disagree_count",
        ]

    def get_overdue(self, item: Feedback) -> bool:
        return item.status in OPEN_STATUSES and item.due_at is not None and item.due_at < timezone.now()


class FeedbackDetailOut(FeedbackOut):
    sender = serializers.SerializerMethodField()
    content = serializers.CharField()
    proposal = serializers.CharField()
    regulation = serializers.CharField()
    regulation_article = serializers.CharField()
    procedure = serializers.CharField(source="procedure.national_code", allow_null=True, default=None)
    dossier = serializers.CharField(source="dossier.code", allow_null=True, default=None)
    missing_content = serializers.CharField()
    refusal_reason = serializers.CharField()
    answer = serializers.CharField()
    events = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta(FeedbackOut.Meta):
        fields = [
            *FeedbackOut.Meta.fields,
            "sender",
            "content",
            "proposal",
            "regulation",
            "regulation_article",
            "procedure",
            "dossier",
            "missing_content",
            "refusal_reason",
            "answer",
            "events",
            "allowed_actions",
        ]

    def get_sender(self, item: Feedback) -> dict[str, str]:
        """Contacts for the officers handling it; initials for anyone else in scope."""
        if rules.handles(self.context["request"].user, item):
            return {
                "name": item.sender_name,
                "kind": item.sender_kind,
                "phone": item.sender_phone,
                "email": item.sender_email,
                "address": item.sender_address,
            }
        return {"name": masking.mask_name(item.sender_name), "kind": item.sender_kind}

    def get_events(self, item: Feedback) -> list[dict]:
        return FeedbackEventOut(selectors.timeline(item), many=True).data

    def get_allowed_actions(self, item: Feedback) -> list[str]:
        return FEEDBACK.allowed_actions(item.status, rules.roles_on(self.context["request"].user, item))


class FeedbackPublishedOut(serializers.Serializer):
    id = serializers.IntegerField(source="item.pk")
    code = serializers.CharField(source="item.code")
    kind = serializers.CharField(source="item.kind")
    sender = serializers.CharField()
    title = serializers.CharField()
    content = serializers.CharField()
    answer = serializers.CharField()
    sector = serializers.CharField(source="item.sector.name", allow_null=True, default=None)
    agency = serializers.CharField(source="item.agency.name")
    published_at = serializers.DateTimeField(source="item.published_at")
    agree_count = serializers.IntegerField(source="item.agree_count")
    disagree_count = serializers.IntegerField(source="item.disagree_count")


class FeedbackTrackOut(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    missing_content = serializers.CharField()
    refusal_reason = serializers.CharField()
    answer = serializers.CharField()
    agency = serializers.CharField()


def published_row(item: Feedback) -> dict[str, Any]:
    names = (item.sender_name,)
    return {
        "item": item,
        "sender": masking.mask_name(item.sender_name),
        "title": masking.mask_text(item.title, names=names),
        "content": masking.mask_text(item.content, names=names),
        "answer": masking.mask_text(item.answer, names=names),
    }


def track_view(item: Feedback) -> dict[str, Any]:
    return {
        "id": item.pk,
        "code": item.code,
        "title": item.title,
        "status": item.status,
        "status_label": str(Status(item.status).label),
        "missing_content": item.missing_content if item.status == Status.INCOMPLETE else "",
        "refusal_reason": item.refusal_reason,
        "answer": item.answer if item.status == Status.PUBLISHED else "",
        "agency": item.agency.name,
    }


# ------------------------------------------------------------------------------------------------- input


class FeedbackSenderIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SenderKind.choices, default=SenderKind.PERSON)
    name = serializers.CharField(max_length=200)
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")


class FeedbackContentIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices, default=Kind.REPORT)
    title = serializers.CharField(max_length=255)
    content = serializers.CharField(max_length=10000)
    proposal = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    regulation = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    regulation_article = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    procedure = serializers.SlugRelatedField(
        slug_field="national_code", queryset=Procedure.objects.all(), required=False, allow_null=True
    )


class FeedbackSendIn(serializers.Serializer):
    sender = FeedbackSenderIn()
    content = FeedbackContentIn()
    channel = serializers.ChoiceField(
        choices=[c for c in Channel.choices if c[0] not in (Channel.PORTAL, Channel.NATIONAL_PORTAL)],
        required=False,
        help_text="Chỉ cán bộ tiếp nhận: kênh nhận ngoài cổng / officers only: the channel it came by",
    )


class FeedbackProofIn(serializers.Serializer):
    code = serializers.CharField(max_length=20)
    secret = serializers.CharField(max_length=254, help_text="4 số cuối điện thoại hoặc thư điện tử / check")


class FeedbackSupplementIn(FeedbackProofIn):
    version = serializers.IntegerField()
    text = serializers.CharField(max_length=10000)


class FeedbackVoteIn(serializers.Serializer):
    agrees = serializers.BooleanField()
    code = serializers.CharField(max_length=20, required=False)
    secret = serializers.CharField(max_length=254, required=False)


class FeedbackActionIn(serializers.Serializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc / the version the client saw")
    reason = serializers.CharField(max_length=2000, required=False, default="")
    missing = serializers.CharField(max_length=2000, required=False, default="")
    text = serializers.CharField(max_length=10000, required=False, default="")
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    answer = serializers.CharField(max_length=10000, required=False, default="")
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    sector = serializers.SlugRelatedField(
        slug_field="code", queryset=Sector.objects.all(), required=False, allow_null=True
    )
    agency = serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.all(), required=False, allow_null=True
    )


def _call(action_name: str, user: Any, item: Feedback, d: dict[str, Any]) -> Feedback:
    common = {"actor": user, "feedback": item, "expected_version": d["version"]}
    calls = {
        Action.REFUSE: lambda: services.refuse(**common, reason=d["reason"]),
        Action.ASK_TO_COMPLETE: lambda: services.ask_to_complete(**common, missing=d["missing"]),
        Action.SUPPLEMENT: lambda: services.supplement(**common, text=d["text"]),
        Action.ACCEPT: lambda: services.accept(
            **common, category=d.get("category", ""), kind=d.get("kind", ""), sector=d.get("sector")
        ),
        Action.ROUTE: lambda: services.route(**common, agency=d.get("agency"), note=d["note"]),
        Action.TRANSFER: lambda: services.transfer(**common, agency=d.get("agency"), note=d["note"]),
        Action.RETURN_TO_DESK: lambda: services.return_to_desk(**common, note=d["note"]),
        Action.DRAFT_ANSWER: lambda: services.draft_answer(**common, answer=d["answer"]),
        Action.APPROVE: lambda: services.approve(**common),
        Action.SEND_BACK: lambda: services.send_back(**common, note=d["note"]),
        Action.PUBLISH: lambda: services.publish(**common),
    }
    return calls[action_name]()


def _proven(request: Request, data: dict[str, Any]) -> Feedback:
    if not dossier_tracking.allow(request):
        raise Throttled(detail=str(dossier_tracking.LIMIT_MESSAGE))
    found = selectors.track(data.get("code", ""), data.get("secret", ""))
    if found is None:
        raise NotFound(NOT_FOUND)
    return found


def _valid(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


# ------------------------------------------------------------------------------------------------- views

ACTION_NAMES = [a for a in Action.values if a not in (Action.SEND, Action.RECORD, Action.IMPORT)]


class FeedbackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Feedback in the officer's scope; the sender's and the public's endpoints are marked AllowAny."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    serializer_class = FeedbackOut

    def get_queryset(self):
        rows = selectors.feedback_for(self.request.user).select_related(
            "agency", "receiving_agency", "sector"
        )
        status = params.choice(self.request.query_params, "status", Status)
        if status:
            rows = rows.filter(status=status)
        if params.choice(self.request.query_params, "overdue", ["true", "false", "1", "0"]) in ("1", "true"):
            rows = rows.filter(status__in=OPEN_STATUSES, due_at__lt=timezone.now())
        return rows.order_by("due_at", "-received_at", "pk")

    def get_serializer_class(self):
        return FeedbackDetailOut if self.action == "retrieve" else FeedbackOut

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=Status.values),
            OpenApiParameter("overdue", bool),
        ],
        responses={200: FeedbackOut(many=True), **error_responses(401, 403)},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: FeedbackDetailOut, **error_responses(401, 404)})
    def retrieve(self, request, *args, **kwargs):
        return Response(
            FeedbackDetailOut(
                selectors.get_for(request.user, int(kwargs["pk"])), context={"request": request}
            ).data
        )

    @extend_schema(
        request=FeedbackSendIn,
        responses={201: FeedbackTrackOut, **error_responses(400, 403)},
        description="Công dân gửi (có hoặc không có tài khoản); cán bộ tiếp nhận nhập kèm `channel`. / A "
        "citizen sends (with or without an account); a desk officer records it with `channel`.",
    )
    def create(self, request):
        data = _valid(FeedbackSendIn, request)
        content = {**data["content"]}
        user = request.user
        if user.is_authenticated and not user.is_citizen:
            item = services.record(
                actor=user, channel=data.get("channel", ""), sender=data["sender"], content=content
            )
        else:
            item = services.send(actor=user, sender=data["sender"], content=content)
        return Response(track_view(item), status=201)

    def get_permissions(self):
        if self.action in ("create", "track", "supplement_by_sender", "vote", "published", "published_item"):
            return [permissions.AllowAny()]
        return super().get_permissions()

    @extend_schema(
        request=FeedbackProofIn, responses={200: FeedbackTrackOut, **error_responses(400, 404, 429)}
    )
    @action(detail=False, methods=["post"], authentication_classes=[])
    def track(self, request):
        """A POST, so the verification never lands in access logs."""
        return Response(track_view(_proven(request, _valid(FeedbackProofIn, request))))

    @extend_schema(
        request=FeedbackSupplementIn,
        responses={200: FeedbackTrackOut, **error_responses(400, 403, 404, 409, 429)},
    )
    @action(detail=False, methods=["post"], url_path="sender-supplement", authentication_classes=[])
    def supplement_by_sender(self, request):
        data = _valid(FeedbackSupplementIn, request)
        item = _proven(request, data)
        item = services.supplement(
            actor=request.user,
            feedback=item,
            expected_version=data["version"],
            text=data["text"],
            tracked=True,
        )
        return Response(track_view(item))

    @extend_schema(request=FeedbackVoteIn, responses={201: None, **error_responses(400, 404, 429)})
    @action(detail=True, methods=["post"])
    def vote(self, request, pk=None):
        """The sender (with `code` and `secret`) or a citizen account agrees or disagrees."""
        data = _valid(FeedbackVoteIn, request)
        if data.get("code"):
            item = _proven(request, data)
            if item.pk != int(pk):
                raise NotFound(NOT_FOUND)
            services.vote(actor=request.user, feedback=item, agrees=data["agrees"], tracked=True)
        else:
            services.vote(
                actor=request.user, feedback=selectors.published_item(int(pk)), agrees=data["agrees"]
            )
        return Response(status=201)

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str),
            OpenApiParameter("sector", int),
            OpenApiParameter("agency", int),
        ],
        responses={200: FeedbackPublishedOut(many=True)},
    )
    @action(detail=False, methods=["get"], authentication_classes=[])
    def published(self, request):
        query = request.query_params
        rows = selectors.published(
            text=query.get("q", "")[:100],
            sector=params.integer(query, "sector"),
            agency=params.integer(query, "agency"),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(
            FeedbackPublishedOut([published_row(i) for i in page], many=True).data
        )

    @extend_schema(responses={200: FeedbackPublishedOut, **error_responses(404)})
    @action(detail=True, methods=["get"], url_path="published", authentication_classes=[])
    def published_item(self, request, pk=None):
        return Response(FeedbackPublishedOut(published_row(selectors.published_item(int(pk)))).data)


def _make_action(name: str):
    def act(self, request, pk=None):
        item = selectors.get_for(request.user, int(pk))
        data = _valid(FeedbackActionIn, request)
        item = _call(name, request.user, item, data)
        return Response(FeedbackDetailOut(item, context={"request": request}).data)

    act.__name__ = f"act_{name}"
    act.__doc__ = str(FEEDBACK.action_label(name))
    routed = action(detail=True, methods=["post"], url_path=name.replace("_", "-"), url_name=name)(act)
    return extend_schema(
        request=FeedbackActionIn,
        responses={200: FeedbackDetailOut, **error_responses(400, 403, 404, 409)},
    )(routed)


for _name in ACTION_NAMES:
    setattr(FeedbackViewSet, f"act_{_name}", _make_action(_name))
