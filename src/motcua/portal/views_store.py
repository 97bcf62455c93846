"""Pages of the citizen's document store (kho dữ liệu): list and upload, rename, delete, download.
Another citizen's document is a 404; files are streamed after the ownership check, never from MEDIA_URL."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, store
from .forms import RenameForm, StoreUploadForm
from .views_submission import citizen_required, private_file


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
    form.describe()


@citizen_required
@require_http_methods(["GET", "POST"])
def store_list(request):
    form = StoreUploadForm()
    status = 200
    if request.method == "POST":
        form = StoreUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                store.upload_to_store(
                    actor=request.user, title=form.cleaned_data["title"], upload=form.cleaned_data["file"]
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Đã lưu giấy tờ vào kho dữ liệu."))
                return redirect("portal:store")
        status = 400
    return render(
        request,
        "portal/submission/store.html",
        {"form": form, "documents": selectors.stored_for(request.user)},
        status=status,
    )


@citizen_required
def store_download(request, pk: int):
    document = selectors.stored_document_for(request.user, pk)
    return private_file(document.file, document.title, document.content_type)


@citizen_required
@require_http_methods(["GET", "POST"])
def store_rename(request, pk: int):
    document = selectors.stored_document_for(request.user, pk)
    form = RenameForm(request.POST or None, initial={"title": document.title})
    if request.method == "POST" and form.is_valid():
        try:
            store.rename_stored(actor=request.user, document=document, title=form.cleaned_data["title"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Đã đổi tên giấy tờ."))
            return redirect("portal:store")
    return render(request, "portal/submission/store_rename.html", {"form": form, "document": document})


@citizen_required
@require_POST
def store_delete(request, pk: int):
    document = selectors.stored_document_for(request.user, pk)
    try:
        store.delete_stored(actor=request.user, document=document)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã xóa giấy tờ khỏi kho dữ liệu."))
    return redirect("portal:store")
