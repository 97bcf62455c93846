"""Blank forms (mẫu đơn, tờ khai) for the demo catalog's papers, so that a citizen can download the form the
procedure page and the submission steps offer, and an officer can hand it out at the counter.

The demo ships no official files (no binary in the repository): each paper of a draft that names a form gets
a one-page PDF saying which form it stands for, the procedure and the legal basis it is issued under, and that
the official form of that text is the one to fill. It is written on the draft, before the catalog's decision
publishes it (a published version's documents are frozen), as the system, with an audit event.
"""

from __future__ import annotations

import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from motcua.catalog.models import RequiredDocument
from motcua.core.audited import audited_save
from motcua.core.text import fold


def attach_to_drafts(codes: list[str]) -> int:
    """Give every paper of these procedures' open drafts that names a form and has no file its blank form."""
    missing = (
        RequiredDocument.objects.filter(
            version__procedure__national_code__in=codes, version__decision__isnull=True, form_template=""
        )
        .exclude(form_name="")
        .select_related("version__procedure")
        .order_by("pk")
    )
    count = 0
    for document in missing:
        attach(document)
        count += 1
    return count


def attach(document: RequiredDocument) -> RequiredDocument:
    with transaction.atomic():
        document.form_template.save(file_name(document.form_name), ContentFile(pdf(document)), save=False)
        return audited_save(document, actor=None, action="document.form_template", fields=["form_template"])


def pdf(document: RequiredDocument) -> bytes:
    from weasyprint import HTML  # imported here: it loads pango, which only the PDF needs

    version = document.version
    with translation.override("vi"):
        html = render_to_string(
            "demo/blank_form.html",
            {"document": document, "procedure": version.procedure, "version": version},
        )
    return HTML(string=html).write_pdf()


def file_name(form_name: str) -> str:
    """ "Mẫu TP/HT-2020-KS.1" → "mau-tp-ht-2020-ks-1.pdf" (ASCII, as every browser saves it)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(form_name)).strip("-")[:80] + ".pdf"
