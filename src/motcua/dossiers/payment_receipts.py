"""The e-receipt (biên lai điện tử) of a confirmed fee payment, at the counter or through the online gateway.

What it carries follows the content of a receipt for fees and charges (Nghị định 123/2020/NĐ-CP, Art. 32;
Thông tư 78/2021/TT-BTC on its form): the kind of receipt, its number, the collecting agency, the payer, the
fee items and the amount in figures and in words, the day it was collected (Vietnam time) and who
collected it. The number is the payment's place among the payments the receiving centre confirmed in that
year (like the register's entries: nothing to store, the same on every print). It is rendered the way the
dossier's papers are (dossiers.documents: one page style, WeasyPrint), and every print is an audit event.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from motcua.core import audit
from motcua.core.text import amount_in_words

from . import documents
from .models import Payment, PaymentMethod, PaymentStatus


def receipt_number(payment: Payment) -> str:
    """ "0000012/2026": the 12th payment the receiving centre confirmed in 2026."""
    at = payment.confirmed_at
    if payment.status != PaymentStatus.CONFIRMED or at is None:
        raise ValueError("only a confirmed payment has a receipt")
    local = timezone.localtime(at)
    start = datetime.combine(date(local.year, 1, 1), time.min, local.tzinfo)
    place = (
        Payment.objects.filter(
            status=PaymentStatus.CONFIRMED,
            dossier__receiving_agency_id=payment.dossier.receiving_agency_id,
            confirmed_at__gte=start,
        )
        .filter(Q(confirmed_at__lt=at) | Q(confirmed_at=at, pk__lte=payment.pk))
        .count()
    )
    return f"{place:07d}/{local.year}"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _items(payment: Payment) -> list[dict]:
    """The fee rows as worded when the dossier entered; a dossier without rows pays its procedure's fee."""
    dossier = payment.dossier
    lines = list(dossier.fee_lines.order_by("id"))
    if lines and sum(line.amount for line in lines) == payment.amount:
        return [{"name": line.wording, "amount": _money(line.amount)} for line in lines]
    name = f"Phí, lệ phí giải quyết thủ tục “{dossier.procedure_version.name}”"
    return [{"name": name, "amount": _money(payment.amount)}]


def _collector(payment: Payment) -> str:
    if payment.method == PaymentMethod.ONLINE:
        return f"Thanh toán trực tuyến qua cổng thanh toán ({payment.plugin})"
    return str(payment.confirmed_by or "")


def receipt_context(payment: Payment) -> dict:
    dossier = payment.dossier
    agency = dossier.receiving_agency
    at = timezone.localtime(payment.confirmed_at)
    return {
        "number": receipt_number(payment),
        "agency": agency.name,
        "agency_parent": agency.parent.name if agency.parent else "",
        "agency_address": agency.address,
        "payer": dossier.applicant_name,
        "payer_address": dossier.applicant_address,
        "dossier": dossier.code,
        "procedure": dossier.procedure_version.name,
        "items": _items(payment),
        "total": _money(payment.amount),
        "words": amount_in_words(payment.amount),
        "method": PaymentMethod(payment.method).label,
        "reference": payment.reference,
        "collected_at": at.strftime("%H giờ %M phút, ngày %d/%m/%Y"),
        "place_date": documents.place_date(agency, at),
        "collector": _collector(payment),
    }


def receipt_pdf(payment: Payment, *, actor) -> bytes:
    """The receipt of a confirmed payment as a PDF; the print is recorded."""
    with translation.override("vi"):
        body = render_to_string("dossiers/papers/payment_receipt.html", receipt_context(payment))
    pdf = documents.to_pdf(documents.page_html(body))
    with transaction.atomic():  # an audit event is written in a transaction (none is open in a GET)
        audit.record(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            action="dossier.payment_receipt",
            target=payment,
            changes={"receipt": [None, receipt_number(payment)]},
        )
    return pdf


def receipt_response(payment: Payment, *, actor) -> HttpResponse:
    """The receipt shown in the browser (the officer's and the citizen's pages serve the same)."""
    response = HttpResponse(receipt_pdf(payment, actor=actor), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-lai-{payment.dossier.code}-{payment.pk}.pdf"'
    return response
