"""Forms and registers on paper: the FormTemplate in force on the dossier's reception day, rendered to PDF
by WeasyPrint (Noto Serif carries every Vietnamese letter); the receipt has a QR code to the tracking page;
the register (form 07) also goes to Excel."""

from __future__ import annotations

from datetime import date, datetime

import segno
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from motcua.core import spreadsheets
from motcua.core.validity import in_force

from .models import Dossier, FormKind, FormTemplate, Timeliness

CSS = """@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Noto Serif', 'DejaVu Serif', serif; font-size: 12.5pt; line-height: 1.35; }
h1 { font-size: 14pt; text-align: center; margin: 10pt 0 4pt; }
.center { text-align: center; } .number { text-align: right; font-style: italic; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; }
.head td, .sign td { width: 50%; text-align: center; vertical-align: top; }
.grid th, .grid td { border: 0.6pt solid #000; padding: 3pt; font-size: 10.5pt; vertical-align: top; }
.box { border: 0.6pt solid #000; padding: 6pt; white-space: pre-wrap; }
.qr { float: right; width: 34mm; text-align: center; font-size: 8pt; } .qr svg { width: 30mm; height: 30mm; }
"""


def _fmt(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%H giờ %M, ngày %d/%m/%Y") if moment else ""


def reception_day(dossier: Dossier) -> date:
    return timezone.localtime(dossier.received_at or dossier.submitted_at).date()


def template_for(kind: str, day: date) -> FormTemplate:
    found = in_force(FormTemplate.objects.filter(kind=kind), day)
    if found is None:
        raise ValidationError(
            _("Không có mẫu “%(kind)s” áp dụng ngày %(day)s. / No form of this kind applies on that day.")
            % {"kind": FormKind(kind).label, "day": day.strftime("%d/%m/%Y")}
        )
    return found


def tracking_url(request, dossier: Dossier) -> str:
    path = f"{reverse('dossiers:track')}?code={dossier.code}"
    return request.build_absolute_uri(path) if request is not None else path


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3)


def _last_event(dossier: Dossier, action: str):
    return dossier.events.filter(action=action).order_by("-occurred_at", "-id").first()


def form_context(dossier: Dossier, kind: str, request=None) -> dict:
    from .selectors import timeline

    centre = dossier.receiving_agency
    issuer = dossier.competent_agency if kind in ("apology", "stop") else centre
    reason_event = {"refusal": "refuse", "stop": "stop", "apology": "extend"}.get(kind)
    event = _last_event(dossier, reason_event) if reason_event else None
    officer = event.actor_label if event else (str(dossier.received_by) if dossier.received_by else "")
    limit = dossier.procedure_version.channels.filter(
        channel={1: "direct", 2: "online", 3: "postal"}[dossier.channel]
    ).first()
    extend_event = _last_event(dossier, "extend")
    url = tracking_url(request, dossier)
    return {
        "d": dossier,
        "issuer": issuer.name,
        "issuer_parent": issuer.parent.name if issuer.parent else "",
        "documents": list(dossier.documents.all()),
        "limit": str(limit) if limit else "",
        "received_at": _fmt(dossier.received_at or dossier.submitted_at),
        "received_date": reception_day(dossier).strftime("%d/%m/%Y"),
        "due_at": _fmt(dossier.due_at),
        "old_due": extend_event_old_due(extend_event),
        "missing": dossier.missing_documents
        or (
            _last_event(dossier, "request_supplement").reason
            if _last_event(dossier, "request_supplement")
            else ""
        ),
        "reason": event.reason if event else "",
        "officer": officer,
        "place_date": timezone.localtime().strftime("Ngày %d tháng %m năm %Y"),
        "qr": qr_svg(url),
        "tracking_url": url,
        "handovers": [
            {
                "from_agency": e.from_agency.name if e.from_agency else "",
                "at": _fmt(e.occurred_at),
                "actor": e.actor_label,
                "to_agency": e.to_agency.name if e.to_agency else "",
                "timeliness": Timeliness(e.timeliness).label if e.timeliness else "",
                "note": e.reason,
            }
            for e in timeline(dossier)
            if e.to_agency_id
        ],
    }


def extend_event_old_due(event) -> str:
    if event is None:
        return ""
    from motcua.core.models import AuditEvent

    audit = (
        AuditEvent.objects.filter(action="dossier.extend", target_id=str(event.dossier_id))
        .order_by("-id")
        .first()
    )
    old = (audit.changes.get("due_at") or [""])[0] if audit else ""
    return _fmt(datetime.fromisoformat(old)) if old else ""


def render_html(template: FormTemplate, context: dict) -> str:
    body = Template(template.body).render(
        Context({**context, "form_number": template.number, "title": template.title})
    )
    head = f'<meta charset="utf-8"><style>{CSS}</style>'
    return f'<!doctype html><html lang="vi"><head>{head}</head><body>{body}</body></html>'


def to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: loading pango costs a second, only when printing

    return HTML(string=html).write_pdf()


def dossier_form_pdf(dossier: Dossier, kind: str, request=None) -> bytes:
    if kind == FormKind.REGISTER:
        raise ValidationError(
            _("Sổ theo dõi in theo đơn vị và kỳ. / The register is printed per unit and period.")
        )
    template = template_for(kind, reception_day(dossier))
    return to_pdf(render_html(template, form_context(dossier, kind, request)))


REGISTER_COLUMNS = [
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Ngày nhận hồ sơ",
    "Hẹn trả kết quả",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Trạng thái",
]


def register_rows(dossiers) -> list[list[str]]:
    return [
        [
            index,
            d.code,
            d.procedure_version.name,
            d.applicant_name,
            f"{d.applicant_address} — {d.applicant_phone}",
            d.competent_agency.name,
            _fmt(d.received_at),
            _fmt(d.due_at),
            _fmt(d.processing_ended_at),
            _fmt(d.closed_at if d.status == "returned" else None),
            d.get_status_display(),
        ]
        for index, d in enumerate(dossiers, start=1)
    ]


def register_pdf(agency, dossiers, start: date, end: date) -> bytes:
    template = template_for(FormKind.REGISTER, start)
    context = {
        "issuer": agency.name,
        "issuer_parent": agency.parent.name if agency.parent else "",
        "rows": [row[1:] for row in register_rows(dossiers)],
        "start": start.strftime("%d/%m/%Y"),
        "end": end.strftime("%d/%m/%Y"),
    }
    return to_pdf(render_html(template, context))


def register_xlsx(agency, dossiers, start: date, end: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "So theo doi"
    sheet.append([f"SỔ THEO DÕI HỒ SƠ — {agency.name}"])
    sheet.append([f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"])
    sheet.append(REGISTER_COLUMNS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in register_rows(dossiers):
        sheet.append(row)
    for column, width in zip("ABCDEFGHIJK", (5, 28, 40, 24, 30, 30, 20, 20, 20, 20, 18), strict=True):
        sheet.column_dimensions[column].width = width
    return spreadsheets.to_bytes(book)  # applicant text never becomes a formula
