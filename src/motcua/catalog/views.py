"""Public pages of the catalog: browse and search, a procedure in plain Vietnamese, its printable sheet with a
QR code for the one-stop desk, form templates, what changed between versions, and the procedures that may be
received regardless of administrative boundary."""

from typing import cast

from django import forms
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from motcua.core import params
from motcua.core.uploads import serve_private

from . import selectors
from .content import differences, version_content
from .models import Applicant, Level, ProcedureVersion, RequiredDocument, Sector
from .search import search_procedures

PAGE_SIZE = 20

FIELD_LABELS = {
    "name": _("Tên thủ tục"),
    "sector": _("Lĩnh vực"),
    "levels": _("Cấp thực hiện"),
    "procedure_type": _("Loại thủ tục"),
    "implementing_agency": _("Cơ quan thực hiện"),
    "competent_agency": _("Cơ quan có thẩm quyền"),
    "delegated_agency": _("Cơ quan được ủy quyền"),
    "supporting_agency": _("Cơ quan phối hợp"),
    "sequence": _("Trình tự thực hiện"),
    "result": _("Kết quả thực hiện"),
    "fees": _("Phí, lệ phí"),
    "requirements": _("Yêu cầu, điều kiện"),
    "legal_basis": _("Căn cứ pháp lý"),
    "online_level": _("Mức độ dịch vụ công trực tuyến"),
    "notes": _("Ghi chú"),
    "applicants": _("Đối tượng thực hiện"),
    "vertical_sector": _("Thủ tục của cơ quan ngành dọc"),
    "any_boundary": _("Tiếp nhận không phụ thuộc địa giới hành chính"),
    "channels": _("Cách thức thực hiện, thời hạn, phí"),
    "documents": _("Thành phần hồ sơ"),
    "fee_items": _("Biểu phí, lệ phí"),
}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm thủ tục"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("Ví dụ: cap giay phep xay dung"),
            }
        ),
    )
    sector = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        required=False,
        queryset=Sector.objects.all(),
        to_field_name="code",
        empty_label=_("Tất cả lĩnh vực"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    level = forms.ModelChoiceField(
        label=_("Cấp thực hiện"),
        required=False,
        queryset=Level.objects.all(),
        to_field_name="code",
        empty_label=_("Tất cả các cấp"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Cơ quan"),
        required=False,
        queryset=None,
        to_field_name="code",
        empty_label=_("Tất cả cơ quan"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["sector"]).queryset = selectors.sectors_in_force()
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = selectors.applying_agency_choices()


@require_safe
def procedure_list(request: HttpRequest) -> HttpResponse:
    """Browse by sector, level and agency, or search in the citizen's own words."""
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    results = search_procedures(
        data.get("q", ""),
        sector=data.get("sector"),
        level=data["level"].code if data.get("level") else None,
        agency=data.get("agency"),
    )
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "catalog/procedure_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "searching": bool(data.get("q")),
            "sectors": selectors.sectors_in_force(),
            "levels": selectors.levels(),
        },
    )


@require_safe
def any_boundary(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/any_boundary.html", {"versions": selectors.any_boundary_procedures()})


def _version_or_404(code: str, number: str | None = None) -> ProcedureVersion:
    procedure = selectors.public_procedure(code)
    if procedure is None:
        raise Http404(_("Không tìm thấy thủ tục."))
    wanted = params.integer({"phien-ban": number}, "phien-ban")
    if wanted is not None:
        version = selectors.published_versions(procedure).filter(number=wanted).first()
    else:
        version = selectors.version_in_force(procedure) or selectors.latest_version(procedure)
    if version is None:
        raise Http404(_("Không tìm thấy thủ tục."))
    return selectors.version_detail(version.pk)


def _qr_svg(request: HttpRequest, version: ProcedureVersion) -> str:
    import segno

    url = request.build_absolute_uri(reverse("catalog:detail", args=[version.procedure.national_code]))
    return segno.make(url, error="m").svg_inline(scale=4, title=str(_("Mã QR trang thủ tục")), omitsize=False)


def _context(request: HttpRequest, version: ProcedureVersion) -> dict:
    procedure = version.procedure
    return {
        "version": version,
        "procedure": procedure,
        "in_force": selectors.version_in_force(procedure) == version,
        "applicants": [Applicant(a).label for a in version.applicants],
        "applications": selectors.applying_agencies(procedure),
        "history": selectors.published_versions(procedure),
        "qr_svg": mark_safe(_qr_svg(request, version)),
        "page_url": request.build_absolute_uri(reverse("catalog:detail", args=[procedure.national_code])),
    }


@require_safe
def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    version = _version_or_404(code, request.GET.get("phien-ban"))
    return render(request, "catalog/procedure_detail.html", _context(request, version))


@require_safe
def procedure_sheet(request: HttpRequest, code: str) -> HttpResponse:
    """A printable A4 sheet (PDF) to post at the one-stop desk, with a QR code to the page."""
    from weasyprint import HTML

    version = _version_or_404(code, request.GET.get("phien-ban"))
    html = render_to_string("catalog/procedure_sheet.html", _context(request, version), request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="thu-tuc-{version.procedure.national_code}.pdf"'
    return response


@require_safe
def procedure_changes(request: HttpRequest, code: str) -> HttpResponse:
    """Field-by-field comparison of two published versions (by default the latest and the one before)."""
    procedure = selectors.public_procedure(code)
    if procedure is None:
        raise Http404(_("Không tìm thấy thủ tục."))
    versions = list(selectors.published_versions(procedure))
    by_number = {v.number: v for v in versions}
    new = by_number.get(_int(request.GET.get("den"))) or versions[0]
    # A published version always has its number; the draft's is None and never listed here.
    old = by_number.get(_int(request.GET.get("tu"))) or by_number.get((new.number or 1) - 1) or new
    rows = differences(version_content(old), version_content(new))
    return render(
        request,
        "catalog/procedure_changes.html",
        {
            "procedure": procedure,
            "old": old,
            "new": new,
            "rows": rows,
            "versions": versions,
        },
    )


def _int(value: str | None) -> int | None:
    return params.integer({"value": value}, "value")


@require_safe
def form_template(request: HttpRequest, document_id: int) -> FileResponse:
    """Download the form template of a published document."""
    document = RequiredDocument.objects.filter(pk=document_id, version__decision__isnull=False).first()
    if document is None or not document.form_template:
        raise Http404(_("Không có tệp mẫu."))
    # The content type comes from the checked bytes, never from the name (an .html template is a download of
    # application/octet-stream, not a page of this site).
    return serve_private(request, document.form_template)
