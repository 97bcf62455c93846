"""Pages of the integrations: the public signature check and the administrators' adapter status."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core import throttle

from . import payment_gateway, payment_reconciliation, signatures, status
from .forms import GatewayFileForm, ReconcilePeriodForm, VerifyForm
from .models import PortalSync, SyncState, SyncTarget
from .portal import client, sync
from .signatures.verification import verdict_of

SIGNATURE_CHECK_LIMIT = (10, 600)  # checks per address, per seconds
SIGNATURE_CHECK_MESSAGE = gettext_lazy(
    "Bạn đã kiểm tra quá nhiều tệp; vui lòng thử lại sau ít phút. "
    "/ Too many checks; try again in a few minutes."
)


@require_http_methods(["GET", "POST"])
def verify_signature(request: HttpRequest) -> HttpResponse:
    """Anyone holding a result file checks its digital signature; the file is read, never stored."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    checks, verdict, status = None, None, 200
    if request.method == "POST":
        limit, window = getattr(settings, "MOTCUA_SIGNATURE_CHECK_LIMIT", SIGNATURE_CHECK_LIMIT)
        if not throttle.within_allowance(request, "integrations:verify", limit, window):
            # Each check parses a PDF up to the upload limit: a script must not make the server do it
            # without end.
            form.add_error(None, SIGNATURE_CHECK_MESSAGE)
            status = 429
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            upload.seek(0)
            checks = signatures.verify(upload.read())
            verdict = verdict_of(checks)
        else:
            status = 400
    context = {"form": form, "checks": checks, "verdict": verdict}
    return render(request, "integrations/verify.html", context, status=status)


@login_required
@permission_required("integrations.view_portalsync", raise_exception=True)
def adapters(request: HttpRequest) -> HttpResponse:
    """The administrators' page: each connection, its plugin, what waits, what failed, the sync rate."""
    context = {
        "portal": status.portal(),
        "national_catalog": status.national_catalog(),
        "signing": status.signing(),
        "notifications": status.notifications(),
        "others": status.others(),
    }
    return render(request, "integrations/status.html", context)


@login_required
@permission_required("integrations.view_portalsync", raise_exception=True)
@require_POST
def resend_failed(request: HttpRequest) -> HttpResponse:
    """Send every failed change again (each one audited)."""
    count = sync.resend(request.user, list(PortalSync.objects.filter(state=SyncState.FAILED)))
    messages.success(request, _("Đã đưa %(n)s thay đổi vào hàng gửi lại.") % {"n": count})
    return redirect("integrations:status")


@login_required
@permission_required("integrations.view_portalsync", raise_exception=True)
@require_http_methods(["GET", "POST"])
def reconcile(request: HttpRequest) -> HttpResponse:
    """The administrators' reconciliation: a period's dossier changes against what the national portal
    holds, and the payment gateway's daily file against the payments confirmed that day."""
    today = timezone.localdate()
    period = ReconcilePeriodForm(
        request.GET if "tu" in request.GET else None, initial={"tu": today, "den": today}
    )
    gateway = GatewayFileForm(request.POST or None, request.FILES or None, initial={"ngay": today})
    context: dict = {"period": period, "gateway": gateway, "portal": None, "payments": None}
    code = 200
    if period.is_bound:
        if period.is_valid():
            start, end = sync.days(period.cleaned_data["tu"], period.cleaned_data["den"])
            try:
                context["portal"] = sync.reconcile(start, end)
            except (client.Transient, client.Rejected) as error:  # the portal down or refusing: said
                context["portal_error"] = str(error)
        else:
            code = 400
    if request.method == "POST":
        if gateway.is_valid():
            context["payments"] = payment_reconciliation.run(
                gateway.cleaned_data["tep"], gateway.cleaned_data["ngay"]
            )
        else:
            code = 400
    return render(request, "integrations/reconcile.html", context, status=code)


@login_required
@permission_required("integrations.view_portalsync", raise_exception=True)
@require_POST
def resend_selected(request: HttpRequest) -> HttpResponse:
    """Send again the changes the administrator picked on the reconciliation page (each one audited):
    acknowledged but missing on the portal, or given up; a change still waiting is sent anyway."""
    ids = [int(value) for value in request.POST.getlist("row") if value.isdigit()][:500]
    rows = PortalSync.objects.filter(
        pk__in=ids, target=SyncTarget.DOSSIER, state__in=[SyncState.SENT, SyncState.FAILED]
    )
    count = sync.resend(request.user, list(rows))
    if count:
        messages.success(request, _("Đã đưa %(n)s thay đổi vào hàng gửi lại.") % {"n": count})
    else:
        messages.warning(request, _("Chưa chọn thay đổi nào để gửi lại."))
    back = {key: request.POST.get(key, "") for key in ("tu", "den")}
    return redirect(f"{reverse('integrations:reconcile')}?{urlencode(back)}")


@require_http_methods(["GET"])
def payment_ipn(request: HttpRequest) -> JsonResponse:
    """The gateway's server-to-server notice (IPN): signature checked, the fee confirmed once."""
    return JsonResponse(payment_gateway.handle_ipn(request.GET.dict()))


@require_http_methods(["GET"])
def payment_return(request: HttpRequest) -> HttpResponse:
    """Where the gateway sends the applicant back: the outcome in words; the IPN is what confirms."""
    notice = payment_gateway.read_notice(request.GET.dict())
    return render(
        request, "integrations/payment_return.html", {"notice": notice}, status=200 if notice else 400
    )
