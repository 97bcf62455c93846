"""Pages of the citizen's document store (kho dữ liệu): list and upload, rename, delete, download.
Another citizen's document is a 404; files are streamed after the ownership check, never from MEDIA_URL."""

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core.access import citizen_required
from motcua.core.errors import run
from motcua.core.uploads import serve_private

from . import selectors, store
from .forms import RenameForm, StoreUploadForm
from .services import FOR_CITIZENS


@citizen_required(message=FOR_CITIZENS)
@require_http_methods(["GET", "POST"])
def store_list(request: HttpRequest) -> HttpResponse:
    form = StoreUploadForm()
    status = 200
    if request.method == "POST":
        form = StoreUploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            saved = run(
                request,
                lambda: store.upload_to_store(actor=request.user, title=data["title"], upload=data["file"]),
                form=form,
                success=_("Đã lưu giấy tờ vào kho dữ liệu."),
            )
            if saved is not None:
                return redirect("portal:store")
        status = 400
    return render(
        request,
        "portal/submission/store.html",
        {"form": form, "documents": selectors.stored_for(request.user)},
        status=status,
    )


@citizen_required(message=FOR_CITIZENS)
def store_download(request: HttpRequest, pk: int) -> FileResponse:
    document = selectors.stored_document_for(request.user, pk)
    return serve_private(request, document.file, filename=store.download_name(document))


@citizen_required(message=FOR_CITIZENS)
@require_http_methods(["GET", "POST"])
def store_rename(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.stored_document_for(request.user, pk)
    form = RenameForm(request.POST or None, initial={"title": document.title})
    if request.method == "POST" and form.is_valid():
        title = form.cleaned_data["title"]
        renamed = run(
            request,
            lambda: store.rename_stored(actor=request.user, document=document, title=title),
            form=form,
            success=_("Đã đổi tên giấy tờ."),
        )
        if renamed is not None:
            return redirect("portal:store")
    return render(request, "portal/submission/store_rename.html", {"form": form, "document": document})


@citizen_required(message=FOR_CITIZENS)
@require_POST
def store_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.stored_document_for(request.user, pk)
    run(
        request,
        lambda: store.delete_stored(actor=request.user, document=document),
        success=_("Đã xóa giấy tờ khỏi kho dữ liệu."),
    )
    return redirect("portal:store")
