"""Forms and registers on paper, rendered to PDF by WeasyPrint (Noto Serif carries every Vietnamese letter).

A paper records an event (the receipt the reception, form 02 a request to supplement, the refusal the refusal
…): it is dated with that event, rendered from the FormTemplate in force on that day, and kept as issued
(`IssuedPaper`) the first time it is printed, so that a reprint a month later is the same document apart
from the "bản in lại" mark with the reprint's date. The control sheet is a running record (printed as it
stands); the register (form 07) is printed per centre and period, also to Excel, with the same columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import segno
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.page import PageMargins

from motcua.catalog.limits import limit_wording
from motcua.catalog.models import VersionChannel
from motcua.core import audit, spreadsheets
from motcua.core.validity import in_force
from motcua.org.models import Agency, AgencyKind, Role
from motcua.org.selectors import feedback_channels

from .lifecycle import Action
from .models import Dossier, DossierEvent, FormKind, FormTemplate, IssuedPaper, Timeliness

CSS = """@page { size: A4; margin: 16mm 16mm 14mm; }
body { font-family: 'Noto Serif', 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.3; }
h1 { font-size: 13.5pt; text-align: center; margin: 8pt 0 4pt; }
p { margin: 3pt 0; }
.center { text-align: center; } .number { text-align: right; font-style: italic; font-size: 10pt; }
.place { text-align: right; font-style: italic; }
.copy-mark { text-align: right; font-weight: bold; font-size: 10pt; }
.copy { page-break-after: always; } .copy:last-child { page-break-after: auto; }
table { width: 100%; border-collapse: collapse; }
.head td, .sign td { width: 50%; text-align: center; vertical-align: top; }
.head td { font-size: 11pt; } .head td:first-child { width: 42%; } .head td:last-child { width: 58%; }
.grid th, .grid td { border: 0.6pt solid #000; padding: 2pt 3pt; font-size: 10pt; vertical-align: top; }
.grid .n { text-align: center; font-size: 8.5pt; font-style: italic; }
.box { border: 0.6pt solid #000; padding: 5pt; white-space: pre-wrap; }
.qr { float: right; width: 30mm; text-align: center; font-size: 7.5pt; }
.qr svg { width: 26mm; height: 26mm; }
"""
# The register is a wide table: the official form is printed landscape.
LANDSCAPE = "@page { size: A4 landscape; margin: 12mm 10mm; } .grid th, .grid td { font-size: 8.5pt; }"

# The event each paper records, newest first when a dossier has several (two supplement requests …).
PAPER_EVENTS: dict[str, tuple[str, ...]] = {
    FormKind.RECEIPT: (Action.RECEIVE_AT_COUNTER, Action.RECEIVE),
    FormKind.SUPPLEMENT: (Action.REQUEST_SUPPLEMENT, Action.REQUEST_COMPLETION),
    FormKind.REFUSAL: (Action.REFUSE,),
    FormKind.APOLOGY: (Action.EXTEND,),
    FormKind.STOP: (Action.STOP,),
}
# The receipt is made in two copies, one for the applicant and one kept by the one-stop desk.
RECEIPT_COPIES = (
    "Liên 1: Giao người nộp hồ sơ",
    "Liên 2: Lưu tại Bộ phận Một cửa",
)
# Words that name an administrative level; the place on a paper is the unit's name without them.
LEVEL_WORDS = ("Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Đặc khu")


def _fmt(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%H giờ %M phút, ngày %d/%m/%Y") if moment else ""


def _day(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y") if moment else ""


def vietnamese_date(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2026", "ngày 19 tháng 10 năm 2026": a zero before days under 10 and before
    months 1 and 2 only, as administrative documents write the date."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_name(agency: Agency) -> str:
    unit = agency.administrative_unit
    name = unit.name if unit else agency.name
    for word in LEVEL_WORDS:
        if name.startswith(f"{word} "):
            return name[len(word) + 1 :]
    return name


def letterhead_parent(agency: Agency) -> str:
    """The governing body's line above the issuer's name (NĐ 30/2020/NĐ-CP, Appendix I, part II, item 3:
    the directly governing body, "nếu có"). A People's Committee heads its own papers: a commune's committee
    prints only its own name, never the province's above it."""
    if agency.kind == AgencyKind.PEOPLES_COMMITTEE or agency.parent is None:
        return ""
    return agency.parent.name


def place_date(agency: Agency, moment: datetime) -> str:
    """The place-and-date line: "Minh Sơn, ngày 02 tháng 3 năm 2026"."""
    return f"{place_name(agency)}, {vietnamese_date(timezone.localtime(moment).date())}"


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


# ------------------------------------------------------------------------------------------ register numbers


@dataclass(frozen=True)
class RegisterNumber:
    """Where a received dossier stands in its centre's register: one volume a year, entries from 1."""

    volume: str
    entry: int


def _year_start(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    return datetime.combine(date(local.year, 1, 1), time.min, local.tzinfo)


def register_number(dossier: Dossier) -> RegisterNumber | None:
    if dossier.received_at is None:
        return None
    at = dossier.received_at
    entry = (
        Dossier.objects.filter(
            receiving_agency_id=dossier.receiving_agency_id, received_at__gte=_year_start(at)
        )
        .filter(Q(received_at__lt=at) | Q(received_at=at, pk__lte=dossier.pk))
        .count()
    )
    return RegisterNumber(volume=str(timezone.localtime(at).year), entry=entry)


# ---------------------------------------------------------------------------------------------- the papers


def paper_events(dossier: Dossier, kind: str):
    return dossier.events.filter(action__in=PAPER_EVENTS.get(kind, ())).order_by("-occurred_at", "-id")


def paper_event(dossier: Dossier, kind: str, event_id: int | None = None) -> DossierEvent:
    """The event the paper records: the one asked for, else the latest of its kind."""
    events = paper_events(dossier, kind)
    found = events.filter(pk=event_id).first() if event_id else events.first()
    if found is None:
        raise ValidationError(
            _("Hồ sơ chưa có sự việc để lập “%(kind)s”. / The dossier has no event this paper records.")
            % {"kind": FormKind(kind).label}
        )
    return found


def _promised_and_appointment(dossier: Dossier, event: DossierEvent) -> tuple[datetime | None, str]:
    """Form 04's new date and the appointment it apologises for."""
    promised = getattr(dossier, "promised_at", None)
    if promised is not None:
        return promised, _fmt(dossier.due_at)
    return dossier.due_at, _old_due_before(event)


def _old_due_before(event: DossierEvent) -> str:
    """The due date an extension replaced, from the extension's audit event (kept while extensions still
    rewrite the due date)."""
    from motcua.core.models import AuditEvent

    found = (
        AuditEvent.objects.filter(action="dossier.extend", target_id=str(event.dossier_id))
        .order_by("id")
        .first()
    )
    old = (found.changes.get("due_at") or [""])[0] if found else ""
    return _fmt(datetime.fromisoformat(old)) if old else ""


def _supplement(event: DossierEvent) -> dict:
    request = getattr(event, "supplement_request", None)
    if request is None:  # asked before requests were kept apart: the reason is all there is
        return {"missing": event.reason, "papers": [], "asked_as": "", "asker": event.actor_label}
    return {
        "missing": request.reason,
        "papers": list(request.papers.all()),
        "asked_as": Role(request.requested_as).label if request.requested_as else "",
        "asker": str(request.requested_by) if request.requested_by else event.actor_label,
    }


def _limit_printed(dossier: Dossier, channel: VersionChannel | None) -> str:
    """'Trực tiếp: 3 ngày làm việc', or the case picked at reception: 'Trực tiếp, trường hợp …: 20 ngày'."""
    if channel is None:
        return ""
    with translation.override("vi"):  # the paper is in Vietnamese whatever the officer's interface
        if dossier.limit_case_id is None:
            return f"{channel.get_channel_display()}: {limit_wording(channel)}"
        return f"{channel.get_channel_display()}, {limit_wording(dossier.limit_case)}"


def _fee_printed(dossier: Dossier) -> str:
    """The amount, and the rows of the fee table it was chosen from (as worded when the dossier entered)."""
    if not dossier.fee_due:
        return ""
    total = f"{dossier.fee_due:,}".replace(",", ".") + " đồng"
    rows = [line.wording for line in dossier.fee_lines.all()]
    return f"{total} ({'; '.join(rows)})" if rows else total


def _feedback_channels_printed(centre: Agency, request=None) -> list[str]:
    """The centre's channels for feedback on regulations (NĐ 20/2008 as amended by NĐ 92/2017: the places that
    handle procedures publicise them), as lines for the receipt; a page path becomes a full address."""
    lines = []
    for channel in feedback_channels(centre):
        value = channel.value
        if value.startswith("/") and request is not None:
            value = request.build_absolute_uri(value)
        lines.append(f"{channel.get_kind_display()}: {value}")
    return lines


def paper_context(dossier: Dossier, kind: str, event: DossierEvent | None, request=None) -> dict:
    """What the template prints, as it stood at the event (`None`: the control sheet, as it stands)."""
    from .selectors import timeline

    centre = dossier.receiving_agency
    issuer = dossier.competent_agency if kind in (FormKind.APOLOGY, FormKind.STOP) else centre
    moment = event.occurred_at if event else timezone.now()
    channel = dossier.procedure_version.channels.filter(
        channel={1: "direct", 2: "online", 3: "postal"}[dossier.channel]
    ).first()
    url = tracking_url(request, dossier)
    context = {
        "d": dossier,
        "issuer": issuer.name,
        "issuer_parent": letterhead_parent(issuer),
        "limit": _limit_printed(dossier, channel),
        "received_at": _fmt(dossier.received_at or dossier.submitted_at),
        "received_date": reception_day(dossier).strftime("%d/%m/%Y"),
        "due_at": _fmt(dossier.due_at),
        "issued_at": _fmt(moment),
        "issued_date": _day(moment),
        "place_date": place_date(issuer, moment),
        "officer": (event.actor_label if event else "") or (str(dossier.received_by or "")),
        "reason": event.reason if event else "",
        "qr": qr_svg(url),
        "tracking_url": url,
    }
    if kind == FormKind.RECEIPT:
        context["documents"] = list(dossier.documents.filter(supplemented=False).order_by("id"))
        context["register"] = register_number(dossier)
        context["copies"] = RECEIPT_COPIES
        context["fee"] = _fee_printed(dossier)
        context["feedback_channels"] = _feedback_channels_printed(centre, request)
    elif kind == FormKind.SUPPLEMENT and event is not None:
        context.update(_supplement(event))
    elif kind == FormKind.APOLOGY and event is not None:
        new_due, old_due = _promised_and_appointment(dossier, event)
        context.update({"new_due": _fmt(new_due), "old_due": old_due})
    elif kind == FormKind.CONTROL_SHEET:
        context["handovers"] = [
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
        ]
    return context


def render_body(template: FormTemplate, context: dict) -> str:
    return Template(template.body).render(
        Context({**context, "form_number": template.number, "title": template.title})
    )


def page_html(body: str, *, landscape: bool = False, reprinted_on: date | None = None) -> str:
    css = CSS + (LANDSCAPE if landscape else "")
    if reprinted_on is not None:
        # In the page margin, on every page: the issued body itself stays exactly as it was.
        mark = escape(f"BẢN IN LẠI — in ngày {reprinted_on:%d/%m/%Y}")
        css += f'@page {{ @top-right {{ content: "{mark}"; font-size: 9pt; font-style: italic; }} }}'
    head = f'<meta charset="utf-8"><style>{css}</style>'
    return f'<!doctype html><html lang="vi"><head>{head}</head><body>{body}</body></html>'


def render_html(template: FormTemplate, context: dict) -> str:
    return page_html(render_body(template, context))


def to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: loading pango costs a second, only when printing

    return HTML(string=html).write_pdf()


@transaction.atomic
def issue(
    dossier: Dossier, kind: str, event: DossierEvent, *, actor, request=None
) -> tuple[IssuedPaper, bool]:
    """The paper as issued, and whether this print is a reprint. The first print renders it from the
    template in force on the event's day and keeps it; every print is an audit event."""
    paper = IssuedPaper.objects.filter(event=event, kind=kind).first()
    reprint = paper is not None
    if paper is None:
        template = template_for(kind, timezone.localtime(event.occurred_at).date())
        user = actor if getattr(actor, "is_authenticated", False) else None
        try:
            with transaction.atomic():
                paper = IssuedPaper.objects.create(
                    dossier=dossier,
                    kind=kind,
                    event=event,
                    template=template,
                    issued_at=event.occurred_at,
                    body=render_body(template, paper_context(dossier, kind, event, request)),
                    created_at=timezone.now(),
                    created_by=user,
                )
        except IntegrityError:  # another officer printed it first, a moment ago
            paper, reprint = IssuedPaper.objects.get(event=event, kind=kind), True
    audit.record(
        actor=actor,
        action="dossier.paper_reprint" if reprint else "dossier.paper_issue",
        target=dossier,
        changes={"kind": [None, kind], "event": [None, event.pk], "template": [None, paper.template.code]},
    )
    return paper, reprint


def paper_html(dossier: Dossier, kind: str, *, actor, request=None, event_id: int | None = None) -> str:
    if kind == FormKind.REGISTER:
        raise ValidationError(
            _("Sổ theo dõi in theo đơn vị và kỳ. / The register is printed per unit and period.")
        )
    if kind == FormKind.CONTROL_SHEET:
        template = template_for(kind, reception_day(dossier))
        return page_html(render_body(template, paper_context(dossier, kind, None, request)))
    event = paper_event(dossier, kind, event_id)
    paper, reprint = issue(dossier, kind, event, actor=actor, request=request)
    return page_html(paper.body, reprinted_on=timezone.localdate() if reprint else None)


def paper_pdf(dossier: Dossier, kind: str, *, actor, request=None, event_id: int | None = None) -> bytes:
    return to_pdf(paper_html(dossier, kind, actor=actor, request=request, event_id=event_id))


# ------------------------------------------------------------------------------------------------ register

# The columns of the register form, in the form's order; the Excel export has the same.
REGISTER_COLUMNS = [
    "TT",
    "Mã hồ sơ",
    "Tên TTHC",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Nhận kết quả từ cơ quan giải quyết",
    "Trả kết quả cho cá nhân, tổ chức",
    "Ký nhận",
    "Ghi chú",
]


def _transferred_at(dossier: Dossier) -> datetime | None:
    first = next((e for e in dossier.events.all() if e.action == Action.HAND_OVER and e.to_agency_id), None)
    return first.occurred_at if first else None


def register_rows(dossiers) -> list[list]:
    """One row per dossier in the register's column order; TT is the entry number in the centre's volume of
    the year (counted from the first reception of the year, not from the period's start)."""
    dossiers = (
        list(dossiers.prefetch_related("events")) if hasattr(dossiers, "prefetch_related") else list(dossiers)
    )
    rows, numbers = [], {}
    for d in dossiers:
        key = (d.receiving_agency_id, timezone.localtime(d.received_at).year)
        if key not in numbers:
            first = register_number(d)
            numbers[key] = (first.entry if first else 1) - 1
        numbers[key] += 1
        rows.append(
            [
                numbers[key],
                d.code,
                d.procedure_version.name,
                1,
                d.applicant_name,
                ", ".join(part for part in (d.applicant_address, d.applicant_phone) if part),
                d.competent_agency.name,
                _fmt(d.received_at),
                _fmt(d.due_at),
                _fmt(_transferred_at(d)),
                _fmt(d.processing_ended_at),
                _fmt(d.closed_at if d.status == "returned" else None),
                "",
                d.get_status_display(),
            ]
        )
    return rows


def register_html(agency, dossiers, start: date, end: date) -> str:
    template = template_for(FormKind.REGISTER, start)
    context = {
        "issuer": agency.name,
        "issuer_parent": letterhead_parent(agency),
        "columns": REGISTER_COLUMNS,
        "rows": register_rows(dossiers),
        "start": start.strftime("%d/%m/%Y"),
        "end": end.strftime("%d/%m/%Y"),
        "volume": str(start.year),
    }
    return page_html(render_body(template, context), landscape=True)


def register_pdf(agency, dossiers, start: date, end: date) -> bytes:
    return to_pdf(register_html(agency, dossiers, start, end))


def register_xlsx(agency, dossiers, start: date, end: date) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "So theo doi"
    sheet.append([f"SỔ THEO DÕI HỒ SƠ — {agency.name}"])
    sheet.append([f"Quyển số {start.year} — từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"])
    sheet.append(REGISTER_COLUMNS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in register_rows(dossiers):
        sheet.append(row)
    widths = (5, 26, 36, 9, 22, 28, 28, 18, 18, 18, 18, 18, 12, 16)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=3, column=index).column_letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.print_title_rows = "3:3"
    return spreadsheets.to_bytes(book)  # applicant text never becomes a formula
