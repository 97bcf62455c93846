"""Pages for officers (queues, counter reception, a dossier with its actions and forms, the register) and
the public tracking page. They call the same selectors and services as the API."""

from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from motcua.catalog.models import Procedure
from motcua.catalog.search import search_procedures
from motcua.catalog.selectors import version_in_force
from motcua.core import params
from motcua.core.access import staff_required
from motcua.core.actions import done_message
from motcua.core.errors import apply_to_form, message_of
from motcua.core.forms import VietnameseDateField
from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload
from motcua.org.models import AdministrativeUnit, Agency
from motcua.org.selectors import active_roles, visible_agencies

from . import (
    certification,
    declarations,
    documents,
    payment_receipts,
    payments,
    selectors,
    services,
    signing,
    supplements,
    tracking,
)
from .forms import CertifyCopyForm, ReceptionForm, RegisterForm, SearchForm, TrackForm
from .lifecycle import DOSSIER, ONE_STOP, Action, allowed_actions
from .models import Dossier, FormKind, ReturnMethod, SubmissionChannel, Timeliness
from .rules import assignments_read_once, roles_on

# Lazy: the module loads once, the labels are translated per request.
QUEUE_LABELS = {
    "to_check": gettext_lazy("Chờ kiểm tra"),
    "mine": gettext_lazy("Của tôi"),
    "my_unit": gettext_lazy("Của đơn vị"),
    "due_soon": gettext_lazy("Đến hạn trong 1 ngày làm việc"),
    "overdue": gettext_lazy("Quá hạn"),
    "waiting_supplement": gettext_lazy("Chờ bổ sung"),
    "ready_to_return": gettext_lazy("Chờ trả kết quả"),
}


FOR_OFFICERS = gettext_lazy("Trang dành cho cán bộ xử lý hồ sơ. / For officers handling dossiers.")


@staff_required("dossiers.work_queue", message=FOR_OFFICERS)
def queues(request):
    scope = selectors.scope_of(request.user)
    counts = selectors.recent_queue_counts(request.user, scope=scope)
    name = request.GET.get("q") or ("to_check" if counts["to_check"] else "mine")
    if name not in selectors.QUEUES:
        raise Http404
    descending = request.GET.get("order") == "-due"
    page = selectors.queue(
        request.user, name, descending=descending, cursor=request.GET.get("cursor", ""), scope=scope
    )
    now = timezone.now()
    rows = [(d, selectors.is_overdue(d, now)) for d in page.items]
    return render(
        request,
        "dossiers/queue.html",
        {
            "queues": [(q, QUEUE_LABELS[q], counts[q]) for q in selectors.QUEUES],
            "current": name,
            "label": QUEUE_LABELS[name],
            "rows": rows,
            "page": page,
            "descending": descending,
            "sort_link": f"?q={name}&order={'due' if descending else '-due'}",
            "can_receive": bool(scope.desks),  # the counter button only for those who hold a desk
        },
    )


@staff_required("dossiers.work_queue", message=FOR_OFFICERS)
def search(request):
    """Find a dossier by code, ID number, phone or name, with filters, among those the officer may see."""
    form = SearchForm(request.GET or None, procedures=_procedures())
    rows, more = [], False
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        tz = timezone.get_current_timezone()
        query = selectors.SearchQuery(
            text=data["text"],
            procedure_id=data["procedure"].pk if data["procedure"] else None,
            status=data["status"],
            submitted_from=datetime.combine(data["start"], time.min, tz) if data["start"] else None,
            submitted_before=datetime.combine(data["end"] + timedelta(days=1), time.min, tz)
            if data["end"]
            else None,
        )
        found = selectors.search(request.user, query, limit=selectors.SEARCH_LIMIT + 1)
        more = len(found) > selectors.SEARCH_LIMIT
        now = timezone.now()
        rows = [(d, selectors.is_overdue(d, now)) for d in found[: selectors.SEARCH_LIMIT]]
    return render(
        request,
        "dossiers/search.html",
        {"form": form, "rows": rows, "more": more, "limit": selectors.SEARCH_LIMIT},
    )


def _procedures():
    return Procedure.objects.filter(applications__isnull=False).distinct().order_by("name")


PICKER_LIMIT = 20


def _matching(procedures, text: str) -> list[Procedure]:
    """The procedures received here that the catalog's own search finds for `text` (no diacritics needed,
    typos and the officers' synonyms understood), best first; every one when `text` is empty."""
    if not text.strip():
        return list(procedures)
    found = search_procedures(text).values_list("procedure_id", flat=True)[: PICKER_LIMIT * 3]
    order = list(dict.fromkeys(found))
    received = {p.pk: p for p in procedures.filter(pk__in=order)}
    return [received[pk] for pk in order if pk in received][:PICKER_LIMIT]


@login_required
@require_GET
def procedure_options(request):
    """Search as you type at the counter (static/motcua/combobox.js): the matching procedures as JSON."""
    if not _desk_centres(request.user).exists():
        raise PermissionDenied(_("Chỉ công chức Bộ phận Một cửa tiếp nhận hồ sơ. / One-stop officers only."))
    text = params.text(request.GET, "q", max_length=200)
    rows = _matching(_procedures(), text)
    return JsonResponse(
        {"results": [{"id": p.pk, "label": f"{p.national_code} — {p.name}"} for p in rows]},
        headers={"Cache-Control": "private, no-store"},
    )


def _desk_centres(user):
    return Agency.objects.filter(pk__in=[a.agency_id for a in active_roles(user) if a.role == ONE_STOP])


@login_required
@require_http_methods(["GET", "POST"])
def reception(request):
    centres = _desk_centres(request.user)
    if not centres:
        raise PermissionDenied(_("Chỉ công chức Bộ phận Một cửa tiếp nhận hồ sơ. / One-stop officers only."))
    procedures = _procedures()
    chosen_pk = params.integer(request.POST, "procedure") or params.integer(request.GET, "procedure")
    chosen = procedures.filter(pk=chosen_pk).first() if chosen_pk else None
    # Without JavaScript the search box filters the list on the server, with the same search.
    wanted = params.text(request.GET, "q", max_length=200)
    offered = _matching(procedures, wanted)
    if request.GET.get("action") == "find":  # the search box's own button: a single answer is the choice
        chosen = offered[0] if len(offered) == 1 else None
    if chosen is not None and chosen not in offered:
        offered.insert(0, chosen)
    version = version_in_force(chosen) if chosen else None
    form = ReceptionForm(
        request.POST if request.method == "POST" and "applicant_name" in request.POST else None,
        request.FILES if request.method == "POST" else None,
        initial={"procedure": chosen, "centre": centres.first()},
        centres=centres,
        procedures=procedures,
        version=version,
        communes=AdministrativeUnit.objects.filter(level__code="commune", valid_to__isnull=True).order_by(
            "name"
        ),
    )
    if form.is_bound and form.is_valid() and version is not None:
        data = form.cleaned_data
        lines = [
            services.DocumentLine(
                name=doc.name,
                originals=data.get(f"doc_{doc.pk}_originals") or 0,
                copies=data.get(f"doc_{doc.pk}_copies") or 0,
                required_document=doc,
                file=data.get(f"doc_{doc.pk}_scan"),
            )
            for doc in form.required_documents
        ]
        applicant = services.Applicant(
            name=data["applicant_name"],
            id_number=data["applicant_id_number"],
            phone=data["applicant_phone"],
            email=data["applicant_email"],
            address=data["applicant_address"],
            commune=data["applicant_commune"],
        )
        try:
            dossier = services.receive_at_counter(
                actor=request.user,
                centre=data["centre"],
                procedure=data["procedure"],
                applicant=applicant,
                documents=lines,
                result_by_post=data["result_by_post"],
                limit_case=data.get("limit_case"),
                fees=form.chosen_fees(),
            )
        except ValidationError as error:
            apply_to_form(form, error)
        else:
            selectors.forget_queue_counts(request.user)
            messages.success(request, _("Đã tiếp nhận hồ sơ %(code)s.") % {"code": dossier.code})
            return redirect("dossiers:detail", pk=dossier.pk)
    return render(
        request,
        "dossiers/reception.html",
        {"form": form, "version": version, "chosen": chosen, "offered": offered, "wanted": wanted},
    )


def _dossier(request, pk: int) -> Dossier:
    try:
        return selectors.dossier_detail(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404(_("Không tìm thấy hồ sơ. / Dossier not found.")) from None


@login_required
def detail(request, pk: int):
    with assignments_read_once(request.user):
        return _detail(request, pk)


def _detail(request, pk: int):
    dossier = _dossier(request, pk)
    steps = list(selectors.steps(dossier))
    actions = _offered(request.user, dossier, steps)
    # Each paper with the event it records (two supplement requests give two forms 02), then the
    # control sheet.
    printable = [
        (kind, FormKind(kind).label, event.pk, event.occurred_at)
        for kind in documents.PAPER_EVENTS
        for event in list(documents.paper_events(dossier, kind))[::-1]
    ]
    printable.append((FormKind.CONTROL_SHEET, FormKind.CONTROL_SHEET.label, None, None))
    return render(
        request,
        "dossiers/detail.html",
        {
            "d": dossier,
            "actions": actions,
            "labels": dict(Action.choices),
            "steps": steps,
            "events": selectors.timeline(dossier),
            "forms": printable,
            "overdue": dossier.status in ("received", "processing") and dossier.due_at < timezone.now(),
            "return_methods": ReturnMethod.choices,
            "confirmed": CONFIRMED,
            "default_return": _chosen_return(dossier),
            "timeliness": dict(Timeliness.choices),
            # What the applicant declared and every paper they gave (supplements included), shown before
            # the actions so that the officer checks them first.
            "declaration": declarations.of(dossier),
            "documents": selectors.documents(dossier),
            "payments": payments.payments_of(dossier) if dossier.fee_due else (),
            "payable": payments.payable(dossier) and ONE_STOP in roles_on(request.user, dossier),
            "agencies": Agency.objects.filter(valid_to__isnull=True).order_by("code")
            if "hand_over" in actions
            else (),
        },
    )


# Actions that end or decide a dossier: the page asks for a ticked confirmation, and so does the view.
CONFIRMED = frozenset({Action.REFUSE, Action.STOP, Action.ATTACH_RESULT, Action.RETURN_RESULT})


def _chosen_return(dossier: Dossier) -> str:
    """What the applicant asked for: by post when they chose it, the electronic copy for an online dossier
    with a result file, else at the counter."""
    if dossier.result_by_post:
        return ReturnMethod.POST
    if dossier.channel == SubmissionChannel.ONLINE and dossier.result_file:
        return ReturnMethod.ELECTRONIC
    return ReturnMethod.COUNTER


def _offered(user, dossier: Dossier, steps: list) -> list[str]:
    """The actions the page offers: what the lifecycle table gives the user's roles, without the result
    outside the signing step or for someone who does not hold it, and without a hand-over from the last
    processing step (the services refuse both; a button that can only fail is not shown), and without an
    apology once the rule in force allows no more."""
    actions = allowed_actions(dossier.status, roles_on(user, dossier))
    if Action.EXTEND in actions and not services.may_extend_again(dossier, timezone.localdate()):
        actions.remove(Action.EXTEND)
    if Action.ATTACH_RESULT in actions and not signing.may_sign(user, dossier, steps):
        actions.remove(Action.ATTACH_RESULT)
    if Action.HAND_OVER in actions and dossier.status == "processing":
        after = [s for s in steps if dossier.current_step and s.position > dossier.current_step.position]
        if not after or (len(after) == 1 and after[0].role == ONE_STOP):
            actions.remove(Action.HAND_OVER)
    return actions


def _upload(request, name: str):
    upload = request.FILES.get(name)
    if upload is not None:
        check_upload(upload, DOSSIER_DOCUMENT)
    return upload


def _call_action(request, dossier: Dossier, action: str):
    post = request.POST
    common = {
        "actor": request.user,
        "dossier": dossier,
        "expected_version": params.integer(post, "version", default=0),
    }
    if action == Action.RECEIVE:
        return services.receive(**common)
    if action in (Action.REQUEST_COMPLETION, Action.REQUEST_SUPPLEMENT):
        service = (
            services.request_completion
            if action == Action.REQUEST_COMPLETION
            else services.request_supplement
        )
        papers = supplements.parse_lines(post.get("papers", ""))
        return service(**common, missing=post.get("reason", ""), papers=papers)
    if action == Action.SUPPLEMENT:
        upload = _upload(request, "file")
        lines = [services.DocumentLine(name=upload.name, copies=1, file=upload)] if upload else []
        return services.record_supplement(**common, documents=lines, note=post.get("reason", ""))
    if action == Action.HAND_OVER:
        code = params.text(post, "to_agency", max_length=50)
        target = Agency.objects.filter(code=code).first() if code else None
        return services.hand_over(**common, to_agency=target, note=post.get("reason", ""))
    if action == Action.EXTEND:
        return services.extend(
            **common, new_due_day=_day(post.get("new_due_day")), reason=post.get("reason", "")
        )
    if action == Action.ATTACH_RESULT:
        return services.attach_result(
            **common,
            number=post.get("number", ""),
            signed_on=_day(post.get("signed_on")),
            file=_upload(request, "file"),
        )
    if action == Action.RETURN_RESULT:
        return services.return_result(**common, method=post.get("method", ""))
    service = {
        Action.SEND_BACK: services.send_back,
        Action.REFUSE: services.refuse,
        Action.STOP: services.stop,
        Action.WITHDRAW: services.withdraw,
    }.get(action)
    if service is None:
        raise Http404
    return service(**common, reason=post.get("reason", ""))


def _day(text: str | None) -> date:
    """A day typed as dd/mm/yyyy (ISO is read too); a bilingual ValidationError otherwise."""
    if not (text or "").strip():
        raise ValidationError(_("Cần nhập ngày (dd/mm/yyyy). / The date is required."))
    return VietnameseDateField().clean(text)


@login_required
@require_POST
def act(request, pk: int, action: str):
    dossier = _dossier(request, pk)
    if action in CONFIRMED and request.POST.get("confirm") != "yes":
        messages.error(
            request,
            _("Hãy đánh dấu ô xác nhận trước khi “%(action)s”. / Tick the confirmation box first.")
            % {"action": Action(action).label},
        )
        return redirect("dossiers:detail", pk=pk)
    try:
        with assignments_read_once(request.user):
            done = _call_action(request, dossier, action)
    except services.DossierConflict as conflict:
        messages.error(request, str(conflict))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        selectors.forget_queue_counts(request.user)
        selectors.forget_counts_around(done)
        if action == Action.HAND_OVER:
            # The dossier has left the officer's hands (often their agency too): back to the queue, saying
            # where it went, rather than to a page they may no longer open.
            step = done.current_step
            messages.success(
                request,
                _("Đã thực hiện: chuyển hồ sơ %(code)s đến %(agency)s (%(step)s).")
                % {"code": done.code, "agency": done.current_agency.name, "step": step.name if step else ""},
            )
            return redirect("dossiers:queues")
        messages.success(request, done_message(DOSSIER, action))
    return redirect("dossiers:detail", pk=pk)


@login_required
@require_POST
def payment(request, pk: int):
    """The desk confirms a declared transfer, cancels it, or records the fee paid at the counter now."""
    dossier = _dossier(request, pk)
    payment_pk = params.integer(request.POST, "payment", default=0)
    declared = payments.payments_of(dossier).filter(pk=payment_pk).first()
    try:
        if request.POST.get("decision") == "cancel" and declared is not None:
            payments.cancel_payment(
                actor=request.user, payment=declared, reason=request.POST.get("reason", "")
            )
        elif declared is not None:
            payments.confirm_payment(actor=request.user, payment=declared)
        else:
            payments.confirm_payment(actor=request.user, dossier=dossier, method="counter")
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã cập nhật việc nộp phí, lệ phí."))
    return redirect("dossiers:detail", pk=pk)


@login_required
@require_GET
def payment_receipt(request, pk: int, payment_pk: int):
    """The e-receipt of a confirmed payment, for the officers who may see the dossier."""
    paid = payments.confirmed_of(_dossier(request, pk), payment_pk)
    if paid is None:
        raise Http404(_("Không có biên lai. / No receipt."))
    return payment_receipts.receipt_response(paid, actor=request.user)


@login_required
def form_pdf(request, pk: int, kind: str):
    dossier = _dossier(request, pk)
    if kind not in FormKind.values:
        raise Http404
    event_id = request.GET.get("su-kien", "")
    try:
        pdf = documents.paper_pdf(
            dossier,
            kind,
            actor=request.user,
            request=request,
            event_id=int(event_id) if event_id.isdigit() else None,
        )
    except ValidationError as error:
        messages.error(request, message_of(error))
        return redirect("dossiers:detail", pk=pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{dossier.code}-{kind}.pdf"'
    return response


@staff_required("dossiers.work_queue", message=FOR_OFFICERS)
def register(request):
    """Form 07 per receiving unit and period, as Excel (default) or PDF."""
    agencies = visible_agencies(request.user).filter(
        kind__in=("commune_service_centre", "provincial_service_centre")
    )
    today = timezone.localdate()
    form = RegisterForm(
        request.GET or None,
        agencies=agencies,
        initial={"agency": agencies.first(), "start": today.replace(day=1), "end": today},
    )
    if not form.is_bound:
        return render(request, "dossiers/register.html", {"form": form})
    if not form.is_valid():  # a malformed address or period: the form with its reasons, as a 400
        return render(request, "dossiers/register.html", {"form": form}, status=400)
    agency, start, end = (form.cleaned_data[name] for name in ("agency", "start", "end"))
    tz = timezone.get_current_timezone()
    rows = selectors.register_rows(
        request.user,
        agency_ids=[agency.pk],
        start=datetime.combine(start, time.min, tz),
        end=datetime.combine(end + timedelta(days=1), time.min, tz),
    )
    pdf = form.cleaned_data["format"] == "pdf"
    try:
        content = (documents.register_pdf if pdf else documents.register_xlsx)(agency, rows, start, end)
    except ValidationError as error:  # no form 07 in force on that day: say so on the form
        apply_to_form(form, error)
        return render(request, "dossiers/register.html", {"form": form})
    suffix = "pdf" if pdf else "xlsx"
    response = HttpResponse(
        content,
        content_type="application/pdf"
        if pdf
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="so-theo-doi-{agency.code}-{start}-{end}.{suffix}"'
    )
    return response


@require_http_methods(["GET", "POST"])
def track(request):
    """Public: code + last 4 digits. The lookup is a POST so the digits never appear in server logs."""
    form = TrackForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    found, status = None, 200
    if request.method == "POST":
        if not tracking.allow(request):
            form.add_error(None, tracking.LIMIT_MESSAGE)
            status = 429
        elif form.is_valid():
            dossier = selectors.track(form.cleaned_data["code"], form.cleaned_data["last4"])
            if dossier is None:
                form.add_error(None, tracking.NOT_FOUND_MESSAGE)
                status = 404
            else:
                found = tracking.public_view(dossier)
    return render(request, "dossiers/track.html", {"form": form, "found": found}, status=status)


@staff_required("dossiers.work_queue", message=FOR_OFFICERS)
@require_http_methods(["GET", "POST"])
def certified_copies(request):
    """The counter's electronic certified copies: certify a scanned original, and the register of the year."""
    agencies = certification.counter_agencies(request.user)
    form = CertifyCopyForm(
        request.POST or None, request.FILES or None, agencies=agencies, initial={"agency": agencies.first()}
    )
    status = 200
    if request.method == "POST":
        if not agencies.exists():
            raise PermissionDenied(certification.FOR_COUNTER)
        if form.is_valid():
            data = form.cleaned_data
            try:
                copy = certification.certify(
                    actor=request.user,
                    agency=data["agency"],
                    request=certification.Request(
                        data["title"], data["issuer"], data["holder_name"], data["holder_id_number"]
                    ),
                    scans=data["scans"],
                )
            except ValidationError as error:
                apply_to_form(form, error)
            else:
                messages.success(
                    request,
                    _("Đã chứng thực bản sao điện tử số %(number)s.") % {"number": copy.register_number},
                )
                return redirect("dossiers:certified_copies")
        status = 400
    rows = list(certification.register(request.user)[:200])
    return render(request, "dossiers/certified_copies.html", {"form": form, "rows": rows}, status=status)
