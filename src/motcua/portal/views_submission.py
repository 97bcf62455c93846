"""Pages of online submission around its steps: start from a procedure, open a step (views_steps), my
drafts, a draft's file, and the confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.catalog.models import Procedure
from motcua.core.access import citizen_required
from motcua.core.errors import run
from motcua.core.uploads import serve_private

from . import selectors, services, store
from .views_steps import HANDLERS, STEPS, step_url

# An officer who opens these pages is told where officers receive dossiers (the 403 page).
FOR_CITIZENS = services.FOR_CITIZENS


def _not_offered(request: HttpRequest, procedure: Procedure) -> HttpResponse:
    return render(
        request,
        "portal/submission/refused.html",
        {
            "procedure": procedure,
            "message": _(
                "Thủ tục này chưa được cung cấp trực tuyến. / This procedure is not offered online."
            ),
        },
        status=404,
    )


@citizen_required(message=FOR_CITIZENS)
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, procedure_pk: int) -> HttpResponse:
    procedure = get_object_or_404(
        Procedure.objects.filter(versions__decision__isnull=False).distinct(), pk=procedure_pk
    )
    offer = selectors.offer_for(procedure)
    if offer is None:
        return _not_offered(request, procedure)
    if request.method == "POST":
        draft = run(request, lambda: services.start_draft(actor=request.user, procedure=procedure))
        if draft is not None:
            return redirect(step_url(draft, 1))
    return render(
        request,
        "portal/submission/start.html",
        {
            "procedure": procedure,
            "offer": offer,
            "documents": selectors.documents_of(offer.version),
            "drafts": selectors.drafts_for(request.user).filter(procedure=procedure),
        },
    )


@citizen_required(message=FOR_CITIZENS)
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    if step not in HANDLERS:
        raise Http404
    if step > draft.step:
        return redirect(step_url(draft, draft.step))
    offer = selectors.offer_for(draft.procedure)
    if offer is None:
        return _not_offered(request, draft.procedure)
    return HANDLERS[step](request, draft, offer)


@citizen_required(message=FOR_CITIZENS)
def drafts(request: HttpRequest) -> HttpResponse:
    labels = dict(STEPS)
    rows = [(draft, labels[draft.step]) for draft in selectors.drafts_for(request.user)]
    return render(request, "portal/submission/drafts.html", {"rows": rows})


@citizen_required(message=FOR_CITIZENS)
@require_POST
def draft_delete(request: HttpRequest, pk: int) -> HttpResponse:
    draft = selectors.draft_for(request.user, pk)
    services.delete_draft(actor=request.user, draft=draft)
    messages.success(request, _("Đã xóa hồ sơ nháp."))
    return redirect("portal:drafts")


@citizen_required(message=FOR_CITIZENS)
def draft_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    row = selectors.draft_file_for(request.user, pk, file_pk)
    if row.stored is not None:
        return serve_private(request, row.stored.file, filename=store.download_name(row.stored))
    return serve_private(request, row.file, filename=row.original_name)


@citizen_required(message=FOR_CITIZENS)
def submitted(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = selectors.my_dossier(request.user, pk)
    return render(request, "portal/submission/submitted.html", {"dossier": dossier})
