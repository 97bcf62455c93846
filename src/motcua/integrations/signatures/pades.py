"""Adding a PAdES signature to a PDF with pyHanko, and the errors a bad input gives, in plain words."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

FIELD_PREFIX = "MotCuaKyDuyet"


class NotSignable(ValueError):
    """The file cannot carry a signature (not a PDF, damaged, encrypted); the message says so."""


def sign_with(signer: Any, content: bytes, *, name: str, reason: str, location: str) -> bytes:
    """`content` with one more signature by `signer` (a pyHanko Signer), as an incremental update: what
    was signed before stays intact."""
    writer = _writer(content)
    meta = signers.PdfSignatureMetadata(
        field_name=_free_field(content),
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=name,
        reason=reason or None,
        location=location or None,
    )
    out = BytesIO()
    try:
        _outside_any_event_loop(signers.sign_pdf, writer, meta, signer=signer, output=out)
    except (PdfError, ValueError, KeyError) as error:
        raise NotSignable(_damaged()) from error
    return out.getvalue()


def _outside_any_event_loop(call: Any, *args: Any, **kwargs: Any) -> Any:
    """pyHanko's sync API runs its own event loop (asyncio.run), which fails in a thread where a loop is
    already running (an ASGI worker, or Playwright's sync API in the browser tests): run it in a thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call, *args, **kwargs).result()


def _writer(content: bytes) -> IncrementalPdfFileWriter:
    if not content.startswith(b"%PDF-"):
        raise NotSignable(_("Chỉ ký số được tệp PDF. / Only a PDF file can be signed digitally."))
    try:
        writer = IncrementalPdfFileWriter(BytesIO(content), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as error:
        raise NotSignable(_damaged()) from error
    if writer.prev.encrypted:
        raise NotSignable(
            _(
                "Tệp PDF đang được đặt mật khẩu nên không ký số được; hãy tải lên bản không mật khẩu. "
                "/ The PDF is password-protected and cannot be signed; upload it without a password."
            )
        )
    return writer


def _free_field(content: bytes) -> str:
    taken = {s.field_name for s in PdfFileReader(BytesIO(content), strict=False).embedded_signatures}
    n = 1
    while f"{FIELD_PREFIX}{n}" in taken:
        n += 1
    return f"{FIELD_PREFIX}{n}"


def _damaged() -> str:
    return _("Tệp PDF bị hỏng, không ký số được. / The PDF file is damaged and cannot be signed.")
