"""The citizen's dossier pages: list, detail with timeline and files, supplement online, withdraw, declare
a bank transfer. Another person's dossier is "not found"; staff accounts have their own pages."""

from __future__ import annotations

import os
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.dossiers import payments, services
from motcua.dossiers.lifecycle import Action
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.evaluation import selectors as ratings
from motcua.evaluation.services import RATEABLE

from . import mine
from .forms_mine import SupplementForm, TransferForm, WithdrawForm, max_files


def citizen_only(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_citizen:
            raise PermissionDenied(_("Trang dành cho công dân, tổ chức. / For citizens and organisations."))
        return view(request, *args, **kwargs)

    return wrapper


def _mine(request, pk: int) -> Dossier:
    try:
        return mine.my_dossier(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404(_("Không tìm thấy hồ sơ. / Dossier not found.")) from None


def _messages_of(error: Exception) -> str:
    return " ".join(getattr(error, "messages", [str(error)]))


@citizen_only
def my_dossiers(request):
    show = request.GET.get("show", "")
    show = show if show in mine.SHOWS else ""
    page = Paginator(mine.my_dossiers(request.user, show=show), 20).get_page(request.GET.get("page"))
    rows = [(d, mine.countdown(d)) for d in page.object_list]
    return render(request, "portal/mine/list.html", {"page": page, "rows": rows, "show": show})


@citizen_only
def dossier(request, pk: int):
    d = _mine(request, pk)
    rating = ratings.rating_of(d)
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
            "instructions": payments.instructions(d) if payments.payable(d) else None,
            "transfer_form": TransferForm(),
        },
    )


def _file_response(field, download_name: str) -> FileResponse:
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404(_("Không tìm thấy tệp. / File not found.")) from None
    return FileResponse(handle, as_attachment=True, filename=download_name)


@citizen_only
def document_file(request, pk: int, document_pk: int):
    d = _mine(request, pk)
    try:
        doc = mine.document(d, document_pk)
    except DossierDocument.DoesNotExist:
        raise Http404(_("Không tìm thấy tệp. / File not found.")) from None
    return _file_response(doc.file, os.path.basename(doc.file.name))


@citizen_only
def result_file(request, pk: int):
    d = _mine(request, pk)
    if not mine.result_available(d):
        raise Http404(_("Chưa có kết quả điện tử. / No electronic result yet."))
    extension = os.path.splitext(d.result_file.name)[1]
    return _file_response(d.result_file, f"ket-qua-{d.code}{extension}")


@citizen_only
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
        try:
            services.record_supplement(
                actor=request.user,
                dossier=d,
                expected_version=data["version"],
                documents=lines,
                note=data["answer"].strip(),
            )
        except services.DossierConflict as conflict:
            form.add_error(None, str(conflict))
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã gửi hồ sơ bổ sung. Cơ quan tiếp tục giải quyết hồ sơ."))
            return redirect("portal:dossier", pk=d.pk)
    return render(request, "portal/mine/supplement.html", {"d": d, "form": form, "max_files": max_files()})


@citizen_only
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
        try:
            services.withdraw(
                actor=request.user,
                dossier=d,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except services.DossierConflict as conflict:
            form.add_error(None, str(conflict))
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã rút hồ sơ %(code)s.") % {"code": d.code})
            return redirect("portal:dossier", pk=d.pk)
    return render(request, "portal/mine/withdraw.html", {"d": d, "form": form})


@citizen_only
@require_POST
def declare_transfer(request, pk: int):
    d = _mine(request, pk)
    form = TransferForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:dossier", pk=d.pk)
    try:
        payments.declare_transfer(actor=request.user, dossier=d, reference=form.cleaned_data["reference"])
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("Đã ghi nhận khai báo chuyển khoản; cán bộ sẽ đối chiếu và xác nhận."))
    return redirect("portal:dossier", pk=d.pk)
