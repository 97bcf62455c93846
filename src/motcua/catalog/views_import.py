"""The back-office upload page of the catalog import: the same import as `motcua catalog import`.

The file is read in memory and never stored or served (the readers accept only well-formed .xlsx, .json and
UTF-8 .csv); a dry run is the default, so the officer sees every row's outcome before anything is written.
The page is streamed while the import runs: its top, then a progress line per percent of the procedures
done (the stylesheet shows only the newest, no script needed), then the report. The last report stays in
the session for its CSV download.
"""

from collections.abc import Iterator

from django import forms
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from motcua.core.access import staff_required
from motcua.core.forms import BootstrapFormMixin

from .transfer import FileProblem, Sheets, import_steps, read_bytes

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SUFFIXES = (".xlsx", ".json", ".csv")
REPORT_KEY = "catalog_import_report"
PROGRESS_MARK, REPORT_MARK = "<!-- import-progress -->", "<!-- import-report -->"

catalog_manager = staff_required("catalog.manage_catalog")


class ImportForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp danh mục (.xlsx, .json, .csv)"),
        help_text=gettext_lazy(
            "Excel theo mẫu của hệ thống hoặc bố cục một dòng một thủ tục của CSDL quốc gia; JSON; CSV."
        ),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Chạy thử, chưa ghi"), required=False, initial=True)
    partial = forms.BooleanField(
        label=gettext_lazy("Nhập các thủ tục hợp lệ, bỏ qua các dòng lỗi"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(
                _("Chỉ nhận tệp .xlsx, .json hoặc .csv. / Only .xlsx, .json or .csv files.")
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa 20 MB). / The file is too large (20 MB at most).")
            )
        return upload


@catalog_manager
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponseBase:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            sheets = read_bytes(upload.name, upload.read())
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return _run_streamed(request, form, sheets)
    return render(request, "catalog/import.html", {"form": form})


def _run_streamed(request: HttpRequest, form: ImportForm, sheets: Sheets) -> StreamingHttpResponse:
    page = render_to_string("catalog/import.html", {"form": form, "running": True}, request=request)
    head, rest = page.split(PROGRESS_MARK, 1)
    between, tail = rest.split(REPORT_MARK, 1)
    steps = import_steps(
        sheets, dry_run=form.cleaned_data["dry_run"], partial=form.cleaned_data["partial"], actor=request.user
    )

    def body() -> Iterator[str]:
        yield head
        shown = -1
        while True:
            try:
                done, total = next(steps)
            except StopIteration as finished:
                report = finished.value
                break
            if done * 100 // total != shown:
                shown = done * 100 // total
                yield render_to_string("catalog/_import_progress.html", {"done": done, "total": total})
        # The session middleware has already answered: the report is saved here, for its download link.
        request.session[REPORT_KEY] = report.as_csv()
        request.session.save()
        yield between
        yield render_to_string("catalog/_import_report.html", {"report": report}, request=request)
        yield tail

    response = StreamingHttpResponse(body(), content_type="text/html; charset=utf-8")
    response["X-Accel-Buffering"] = "no"  # a proxy passes each progress line on as it comes
    return response


@catalog_manager
@require_safe
def import_report(request: HttpRequest) -> HttpResponse:
    text = request.session.get(REPORT_KEY)
    if not text:
        return render(
            request,
            "catalog/import.html",
            {"form": ImportForm(), "report": None, "no_report": True},
            status=404,
        )
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bao-cao-nhap-danh-muc.csv"'
    return response
