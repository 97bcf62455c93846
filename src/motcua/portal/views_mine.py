"""The citizen's dossier pages: list, detail with timeline and files, supplement online, withdraw, declare
a bank transfer. Another person's dossier is "not found"; staff accounts have their own pages."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from motcua.core.access import citizen_required
from motcua.core.errors import run
from motcua.core.uploads import serve_private
from motcua.dossiers import payment_receipts, payments, services
from motcua.dossiers.lifecycle import Action
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.evaluation import selectors as ratings
from motcua.evaluation.services import RATEABLE
from motcua.integrations import vietqr

from . import mine
from .forms_mine import SupplementForm, TransferForm, WithdrawForm, max_files


def _mine(request: HttpRequest, pk: int) -> Dossier:
    try:
        return mine.my_dossier(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404(_("Không tìm thấy hồ sơ. / Dossier not found.")) from None


@citizen_required
def my_dossiers(request):
    show = request.GET.get("show", "")
    show = show if show in mine.SHOWS else ""
    page = Paginator(mine.my_dossiers(request.user, show=show), 20).get_page(request.GET.get("page"))
    rows = [(d, mine.countdown(d)) for d in page.object_list]
    return render(request, "portal/mine/list.html", {"page": page, "rows": rows, "show": show})


@citizen_required
def dossier(request, pk: int):
    d = _mine(request, pk)
    rating = ratings.rating_of(d)
    instructions = payments.instructions(d) if payments.payable(d) else None
    return render(
        request,
        "portal/mine/detail.html",
        {
            "d": d,
            "countdown": mine.countdown(d),
            "timeline": mine.timeline(d),
            "documents": mine.documents(d),
            "actions": mine.citizen_actions(request.user, d),
            "result_available": mine.result_available(d),
            "rating": rating,
            "may_rate": rating is None and d.status in RATEABLE,
            "payments": payments.payments_of(d) if d.fee_due else (),
            "payable": payments.payable(d),
            "pending": payments.pending_of(d) if d.fee_due else None,
            "instructions": instructions,
            "transfer_qr": _transfer_qr(instructions, d),
            "transfer_form": TransferForm(),
        },
    )


def _transfer_qr(instructions, d: Dossier) -> str:
    """The VietQR code of the transfer (bank, account, amount, the dossier code as note), as SVG."""
    if instructions is None or instructions.pay_url:
        return ""
    text = vietqr.transfer_code(instructions.account, amount=instructions.amount, code=d.code)
    return vietqr.svg(text, _("Mã VietQR chuyển khoản phí hồ sơ %(code)s") % {"code": d.code}) if text else ""


@citizen_required
def document_file(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    d = _mine(request, pk)
    try:
        doc = mine.document(d, document_pk)
    except DossierDocument.DoesNotExist:
        raise Http404(_("Không tìm thấy tệp. / File not found.")) from None
    return serve_private(request, doc.file)


@citizen_required
def result_file(request: HttpRequest, pk: int) -> FileResponse:
    d = _mine(request, pk)
    if not mine.result_available(d):
        raise Http404(_("Chưa có kết quả điện tử. / No electronic result yet."))
    extension = PurePath(d.result_file.name or "").suffix
    return serve_private(request, d.result_file, filename=f"ket-qua-{d.code}{extension}")


@citizen_required
@require_safe
def payment_receipt(request: HttpRequest, pk: int, payment_pk: int) -> HttpResponse:
    """The e-receipt of the citizen's own confirmed payment."""
    paid = payments.confirmed_of(_mine(request, pk), payment_pk)
    if paid is None:
        raise Http404(_("Không có biên lai. / No receipt."))
    return payment_receipts.receipt_response(paid, actor=request.user)


@citizen_required
@require_http_methods(["GET", "POST"])
def supplement(request, pk: int):
    d = _mine(request, pk)
    if Action.SUPPLEMENT not in mine.citizen_actions(request.user, d):
        messages.warning(request, _("Hồ sơ hiện không cần bổ sung. / This dossier needs no supplement now."))
        return redirect("portal:dossier", pk=d.pk)
    form = SupplementForm(request.POST or None, request.FILES or None, initial={"version": d.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lines = [
            services.DocumentLine(name=upload.name[:500], copies=1, file=upload) for upload in data["files"]
        ]
        done = run(
            request,
            lambda: services.record_supplement(
                actor=request.user,
                dossier=d,
                expected_version=data["version"],
                documents=lines,
                note=data["answer"].strip(),
            ),
            form=form,
            success=_("Đã gửi hồ sơ bổ sung. Cơ quan tiếp tục giải quyết hồ sơ."),
        )
        if done is not None:
            return redirect("portal:dossier", pk=d.pk)
    return render(request, "portal/mine/supplement.html", {"d": d, "form": form, "max_files": max_files()})


@citizen_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    d = _mine(request, pk)
    if Action.WITHDRAW not in mine.citizen_actions(request.user, d):
        messages.warning(
            request, _("Không thể rút hồ sơ ở trạng thái này. / This dossier cannot be withdrawn now.")
        )
        return redirect("portal:dossier", pk=d.pk)
    form = WithdrawForm(request.POST or None, initial={"version": d.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        done = run(
            request,
            lambda: services.withdraw(
                actor=request.user, dossier=d, expected_version=data["version"], reason=data["reason"]
            ),
            form=form,
            success=_("Đã rút hồ sơ %(code)s.") % {"code": d.code},
        )
        if done is not None:
            return redirect("portal:dossier", pk=d.pk)
    return render(request, "portal/mine/withdraw.html", {"d": d, "form": form})


@citizen_required
@require_POST
def declare_transfer(request, pk: int):
    d = _mine(request, pk)
    form = TransferForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:dossier", pk=d.pk)
    reference = form.cleaned_data["reference"]
    run(
        request,
        lambda: payments.declare_transfer(actor=request.user, dossier=d, reference=reference),
        success=_("Đã ghi nhận khai báo chuyển khoản; cán bộ sẽ đối chiếu và xác nhận."),
    )
    return redirect("portal:dossier", pk=d.pk)
