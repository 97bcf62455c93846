"""REST API under /api/v1/dossiers/: every read and action, session or token authentication.

Thin: a serializer checks the input, one selector or service does the work. Errors go through core.errors'
one handler and shape (`{"detail", "code", "errors"?}` in Vietnamese and English): 400 bad input, 403 an
action the actor's roles do not allow, 404 a dossier outside the actor's scope (never 403, so codes of other
communes leak nothing), 409 someone else changed the dossier first, 429 too many tracking lookups.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from motcua.catalog.fees import FeeChoice
from motcua.catalog.models import FeeItem, LimitCase, Procedure
from motcua.core import params
from motcua.core.errors import error_responses
from motcua.core.parsers import BoundedJSONParser
from motcua.org.models import AdministrativeUnit, Agency

from . import reference, selectors, services, tracking
from .lifecycle import Status, allowed_actions
from .models import Dossier, ReturnMethod, SubmissionChannel
from .rules import assignments_read_once, roles_on

ERRORS = error_responses(400, 403, 404, 409)


# ------------------------------------------------------------------------------------------------ output


class StepOut(serializers.Serializer):
    position = serializers.IntegerField()
    name = serializers.CharField()
    agency = serializers.CharField(source="agency.name")
    role = serializers.CharField()
    started_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    timeliness = serializers.CharField()


class EventOut(serializers.Serializer):
    occurred_at = serializers.DateTimeField()
    action = serializers.CharField()
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    actor = serializers.CharField(source="actor_label")
    to_agency = serializers.CharField(source="to_agency.name", allow_null=True, default=None)
    timeliness = serializers.CharField()
    reason = serializers.CharField()


class DossierOut(serializers.ModelSerializer):
    procedure = serializers.CharField(source="procedure_version.name")
    procedure_code = serializers.CharField(source="procedure.national_code")
    receiving_agency = serializers.CharField(source="receiving_agency.code")
    competent_agency = serializers.CharField(source="competent_agency.code")
    current_agency = serializers.CharField(source="current_agency.code")
    overdue = serializers.SerializerMethodField()
    # The rule version that produced `timeliness` (empty while processing runs).
    timeliness_rule = serializers.CharField(source="timeliness_rule.code", allow_null=True, default=None)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "code",
            "status",
            "version",
            "channel",
            "procedure",
            "procedure_code",
            "receiving_agency",
            "competent_agency",
            "current_agency",
            "submitted_at",
            "received_at",
            "due_at",
            "promised_at",
            "extensions",
            "overdue",
            "supplement_requests",
            "missing_documents",
            "timeliness",
            "timeliness_rule",
            "result_number",
            "result_date",
            "return_method",
        ]

    def get_overdue(self, dossier) -> bool:
        return (
            dossier.status in ("received", "processing")
            and dossier.due_at is not None
            and (timezone.now() > dossier.due_at)
        )


class FeeLineOut(serializers.Serializer):
    item = serializers.IntegerField(source="item_id", help_text="FeeItem id (catalog)")
    quantity = serializers.IntegerField()
    declared_value = serializers.IntegerField(allow_null=True)
    amount = serializers.IntegerField(help_text="VND")
    wording = serializers.CharField(help_text="As printed on the receipt")


class SupplementPaperOut(serializers.Serializer):
    name = serializers.CharField()
    detail = serializers.CharField()


class SupplementRequestOut(serializers.Serializer):
    requested_at = serializers.DateTimeField()
    requested_by = serializers.CharField(allow_null=True)
    requested_as = serializers.CharField(
        help_text="one_stop_officer, specialist, division_head, agency_leader"
    )
    reason = serializers.CharField()
    papers = SupplementPaperOut(many=True)


class DossierDetailOut(DossierOut):
    applicant_name = serializers.CharField()
    applicant_phone = serializers.CharField()
    applicant_email = serializers.CharField()
    steps = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    supplement_details = serializers.SerializerMethodField()
    limit_case = serializers.IntegerField(
        source="limit_case_id",
        allow_null=True,
        help_text="LimitCase id chosen at reception; null: the channel's default time limit",
    )
    fee_lines = FeeLineOut(many=True, help_text="Rows of the fee table chosen at reception")

    class Meta(DossierOut.Meta):
        fields = [
            *DossierOut.Meta.fields,
            "limit_case",
            "fee_due",
            "fee_lines",
            "applicant_name",
            "applicant_phone",
            "applicant_email",
            "steps",
            "events",
            "allowed_actions",
            "supplement_details",
        ]

    @extend_schema_field(SupplementRequestOut(many=True))
    def get_supplement_details(self, dossier) -> list[dict]:
        found = dossier.supplement_requests_made.select_related("requested_by").prefetch_related("papers")
        return SupplementRequestOut(found, many=True).data

    def get_steps(self, dossier) -> list[dict]:
        return StepOut(selectors.steps(dossier), many=True).data

    def get_events(self, dossier) -> list[dict]:
        return EventOut(selectors.timeline(dossier), many=True).data

    def get_allowed_actions(self, dossier) -> list[str]:
        return allowed_actions(dossier.status, roles_on(self.context["request"].user, dossier))


# ------------------------------------------------------------------------------------------------ input


class DocumentIn(serializers.Serializer):
    required_document = serializers.IntegerField(
        required=False, allow_null=True, help_text="Mã thành phần hồ sơ (id) / required document id"
    )
    name = serializers.CharField(max_length=500)
    originals = serializers.IntegerField(min_value=0, default=0)
    copies = serializers.IntegerField(min_value=0, default=0)


class ReferenceField(serializers.SlugRelatedField):
    """A code looked up in the reception reference data (`reference`, kept a minute in memory) instead of
    one query per request: the counter's API answers hundreds of receptions a minute."""

    def __init__(self, lookup, **kwargs):
        self.lookup = lookup
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        try:
            return self.lookup(str(data))
        except ObjectDoesNotExist:
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data))


class FeeIn(serializers.Serializer):
    item = serializers.PrimaryKeyRelatedField(queryset=FeeItem.objects.all(), help_text="FeeItem id")
    quantity = serializers.IntegerField(min_value=1, max_value=100_000, default=1)
    declared_value = serializers.IntegerField(
        min_value=0, max_value=10**15, required=False, allow_null=True, help_text="VND, for a percentage"
    )


class ReceptionIn(serializers.Serializer):
    centre = ReferenceField(reference.agency_by_code, slug_field="code", queryset=Agency.objects.all())
    procedure = ReferenceField(
        reference.procedure_by_code, slug_field="national_code", queryset=Procedure.objects.all()
    )
    channel = serializers.ChoiceField(choices=SubmissionChannel.choices, default=SubmissionChannel.DIRECT)
    applicant_name = serializers.CharField(max_length=200)
    applicant_id_number = serializers.CharField(max_length=12)
    applicant_phone = serializers.CharField(max_length=20)
    applicant_email = serializers.EmailField(required=False, allow_blank=True, default="")
    applicant_address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    applicant_commune = serializers.PrimaryKeyRelatedField(
        queryset=AdministrativeUnit.objects.all(), required=False, allow_null=True
    )
    competent_agency = serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.all(), required=False, allow_null=True
    )
    result_by_post = serializers.BooleanField(default=False)
    documents = DocumentIn(many=True)
    limit_case = serializers.PrimaryKeyRelatedField(
        queryset=LimitCase.objects.all(),
        required=False,
        allow_null=True,
        help_text="Trường hợp thời hạn (LimitCase id) / time-limit case; bỏ trống: thời hạn chung",
    )
    fees = FeeIn(
        many=True,
        required=False,
        default=list,
        max_length=50,
        help_text="Các mức phí áp dụng / rows of the fee table owed; bỏ trống: mức phí chung",
    )


class VersionIn(serializers.Serializer):
    expected_version = serializers.IntegerField(min_value=1)


class ReasonIn(VersionIn):
    reason = serializers.CharField(max_length=2000)


class PaperIn(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    detail = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class MissingIn(VersionIn):
    missing = serializers.CharField(max_length=2000, help_text="Lý do / the reason (form 02)")
    papers = PaperIn(
        many=True,
        required=False,
        default=list,
        help_text="Giấy tờ cần bổ sung, hoàn thiện / the papers to add or correct (form 02's table)",
    )


class HandOverIn(VersionIn):
    to_agency = serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.all(), required=False, allow_null=True
    )
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SupplementIn(VersionIn):
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    file = serializers.FileField(required=False)


class ExtendIn(VersionIn):
    new_due_day = serializers.DateField()
    reason = serializers.CharField(max_length=2000)


class ResultIn(VersionIn):
    number = serializers.CharField(max_length=60)
    signed_on = serializers.DateField()
    # No signer: the signer is the account calling (dossiers.signing).
    file = serializers.FileField(required=False)


class ReturnIn(VersionIn):
    method = serializers.ChoiceField(choices=ReturnMethod.choices)


class TrackIn(serializers.Serializer):
    code = serializers.CharField(max_length=40)
    last4 = serializers.RegexField(
        r"^\d{4}$", help_text="4 số cuối điện thoại hoặc số định danh / last 4 digits"
    )


TrackOut = inline_serializer(
    "DossierTracking",
    fields={
        "code": serializers.CharField(),
        "procedure": serializers.CharField(),
        "status": serializers.CharField(),
        "status_label": serializers.CharField(),
        "due_at": serializers.DateTimeField(allow_null=True),
        "promised_at": serializers.DateTimeField(allow_null=True),
        "missing": serializers.CharField(),
        "timeline": serializers.ListField(child=serializers.DictField()),
    },
)


TRACK_RESPONSES = {
    200: TrackOut,
    400: ERRORS[400],
    404: ERRORS[404],
    **error_responses(429),
}


# ------------------------------------------------------------------------------------------------ views


class NewestFirst(CursorPagination):
    """The dossier list, newest submission first, a page after an opaque cursor (`next`, `previous`).

    No total: counting every dossier in scope cost a scan of the table on every page (0.6 s at a million
    rows); a cursor reads the next page from the index on (submitted_at, id) whatever the page's depth. The
    queue counts (`queues/`) are what an officer counts."""

    ordering = ("-submitted_at", "-id")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_cursor_message = "Con trỏ trang không hợp lệ. / Invalid page cursor."

    def get_page_size(self, request):
        params.integer(request.query_params, self.page_size_query_param)  # "abc" is a 400, not ignored
        return super().get_page_size(request)


class DossierViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Dossiers in the actor's scope; POST creates one at the counter (or an online/postal submission)."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_value_regex = r"[0-9]+"  # another shape matches no route: a 404, never int()'s 500
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    serializer_class = DossierOut
    pagination_class = NewestFirst

    def get_queryset(self):
        return (
            selectors.dossiers_for(self.request.user)
            .select_related(
                "procedure",
                "procedure_version",
                "receiving_agency",
                "competent_agency",
                "current_agency",
                "timeliness_rule",
            )
            .order_by("-submitted_at", "-id")
        )

    def get_object(self):
        try:
            return selectors.dossier_detail(self.request.user, int(self.kwargs["pk"]))
        except (Dossier.DoesNotExist, ValueError):
            raise NotFound("Không tìm thấy hồ sơ. / Dossier not found.") from None

    @extend_schema(responses={200: DossierDetailOut, 404: ERRORS[404]})
    def retrieve(self, request, *args, **kwargs):
        return Response(DossierDetailOut(self.get_object(), context={"request": request}).data)

    @extend_schema(request=ReceptionIn, responses={201: DossierOut, **{k: ERRORS[k] for k in (400, 403)}})
    def create(self, request):
        data = _valid(ReceptionIn, request)
        applicant = services.Applicant(
            name=data["applicant_name"],
            id_number=data["applicant_id_number"],
            phone=data["applicant_phone"],
            email=data["applicant_email"],
            address=data["applicant_address"],
            commune=data.get("applicant_commune"),
        )
        documents = _document_lines(data["documents"], data["procedure"])
        common = {
            "actor": request.user,
            "centre": data["centre"],
            "procedure": data["procedure"],
            "applicant": applicant,
            "documents": documents,
            "result_by_post": data["result_by_post"],
            "competent_agency": data.get("competent_agency"),
            "limit_case": data.get("limit_case"),
            "fees": [FeeChoice(f["item"], f["quantity"], f.get("declared_value")) for f in data["fees"]],
        }
        if data["channel"] == SubmissionChannel.DIRECT:
            result = services.receive_at_counter(**common)
        else:
            result = services.submit(channel=data["channel"], **common)
        # The short form: a counter desk receives hundreds a day; GET the dossier for steps and timeline.
        return Response(DossierOut(result).data, status=status.HTTP_201_CREATED)

    def _act(self, request, service, serializer, **extra):
        """The dossier read once (the service acts on the row just read, at the version the caller saw)
        and the actor's roles read once, for the check before the action and the answer after it."""
        dossier = self.get_object()
        data = _valid(serializer, request)
        with assignments_read_once(request.user):
            result = service(actor=request.user, dossier=dossier, **data, **extra)
            return Response(DossierDetailOut(result, context={"request": request}).data)

    @extend_schema(request=VersionIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def receive(self, request, pk=None):
        return self._act(request, services.receive, VersionIn)

    @extend_schema(request=MissingIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="request-completion")
    def request_completion(self, request, pk=None):
        return self._act(request, services.request_completion, MissingIn)

    @extend_schema(request=ReasonIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        return self._act(request, services.refuse, ReasonIn)

    @extend_schema(request=HandOverIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="hand-over")
    def hand_over(self, request, pk=None):
        return self._act(request, services.hand_over, HandOverIn)

    @extend_schema(request=ReasonIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        return self._act(request, services.send_back, ReasonIn)

    @extend_schema(request=MissingIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="request-supplement")
    def request_supplement(self, request, pk=None):
        return self._act(request, services.request_supplement, MissingIn)

    @extend_schema(request=SupplementIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def supplement(self, request, pk=None):
        dossier = self.get_object()
        data = _valid(SupplementIn, request)
        upload = data.pop("file", None)
        lines = [services.DocumentLine(name=upload.name, copies=1, file=upload)] if upload else []
        with assignments_read_once(request.user):
            result = services.record_supplement(actor=request.user, dossier=dossier, documents=lines, **data)
            return Response(DossierDetailOut(result, context={"request": request}).data)

    @extend_schema(request=ReasonIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def stop(self, request, pk=None):
        return self._act(request, services.stop, ReasonIn)

    @extend_schema(request=ExtendIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        return self._act(request, services.extend, ExtendIn)

    @extend_schema(request=ReasonIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._act(request, services.withdraw, ReasonIn)

    @extend_schema(request=ResultIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="attach-result")
    def attach_result(self, request, pk=None):
        return self._act(request, services.attach_result, ResultIn)

    @extend_schema(request=ReturnIn, responses={200: DossierDetailOut, **ERRORS})
    @action(detail=True, methods=["post"], url_path="return-result")
    def return_result(self, request, pk=None):
        return self._act(request, services.return_result, ReturnIn)

    @extend_schema(
        operation_id="v1_dossiers_queue_page",
        parameters=[OpenApiParameter("cursor", str), OpenApiParameter("order", str, enum=["due", "-due"])],
        responses={
            200: inline_serializer(
                "QueuePage", fields={"results": DossierOut(many=True), "next_cursor": serializers.CharField()}
            ),
            404: ERRORS[404],
        },
    )
    @action(detail=False, methods=["get"], url_path=r"queues/(?P<queue>[a-z_]+)")
    def queue(self, request, queue=None):
        if queue not in selectors.QUEUES:
            raise NotFound("Không có hàng đợi này. / No such queue.")
        page = selectors.queue(
            request.user,
            queue,
            descending=request.query_params.get("order") == "-due",
            cursor=request.query_params.get("cursor", ""),
        )
        return Response({"results": DossierOut(page.items, many=True).data, "next_cursor": page.next_cursor})

    @extend_schema(
        responses={
            200: inline_serializer(
                "QueueCounts", fields={name: serializers.IntegerField() for name in selectors.QUEUES}
            )
        }
    )
    @action(detail=False, methods=["get"], url_path="queues")
    def queues(self, request):
        return Response(selectors.queue_counts(request.user))

    @extend_schema(
        methods=["GET"],
        parameters=[TrackIn],
        responses=TRACK_RESPONSES,
    )
    @extend_schema(methods=["POST"], request=TrackIn, responses=TRACK_RESPONSES)
    @action(
        detail=False,
        methods=["get", "post"],
        permission_classes=[permissions.AllowAny],
        authentication_classes=[],
    )
    def track(self, request):
        """POST keeps the four digits out of access logs; GET is there for simple links and clients."""
        if not tracking.allow(request):
            raise Throttled(detail=tracking.LIMIT_MESSAGE)
        given = TrackIn(data=request.data if request.method == "POST" else request.query_params)
        given.is_valid(raise_exception=True)
        dossier = selectors.track(given.validated_data["code"], given.validated_data["last4"])
        if dossier is None:
            raise NotFound(tracking.NOT_FOUND_MESSAGE)
        return Response(tracking.public_view(dossier))


def _document_lines(rows: list[dict], procedure: Procedure) -> list[services.DocumentLine]:
    """Checklist lines; an id that is not a document of the version in force is simply not one (the check of
    mandatory documents then names what is missing)."""
    known = reference.documents_in_force(procedure.pk, timezone.localdate())
    return [
        services.DocumentLine(
            name=r["name"],
            originals=r["originals"],
            copies=r["copies"],
            required_document=known.get(r.get("required_document")),
        )
        for r in rows
    ]


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


__all__ = ["DossierViewSet", "Http404", "Status"]
