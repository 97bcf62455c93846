"""Uploaded files are accepted by what they are, never by their name, and served only through an
authorised download.

    checked = check_upload(request.FILES["file"], PLAN_ATTACHMENT)   # ValidationError when refused
    checked.content_type                                             # from the bytes: "application/pdf"

    @downloads.register_download("control-plan")
    def plan_attachment(actor, pk):                 # the app's scoped selector: 404 when not visible
        return selectors.plan_for(actor, pk).attachment

    {% url 'core:download' 'control-plan' plan.pk %}   →  /tep/control-plan/12/

The content is sniffed from its first bytes (magic numbers); Office files are opened as the zip or OLE
container they are and must hold a Word or Excel document. Executables, HTML, SVG, scripts and anything
unknown are refused whatever their name. Each use names a policy (kinds and size): `DOSSIER_DOCUMENT`,
`RESULT`, `PLAN_ATTACHMENT`, `EVIDENCE`, `COMMUNICATION_MEDIA`, `IMAGE`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .plugins import Registry

MB = 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    extension: str  # the one a served file gets, whatever it was called
    label: str
    inline: bool = False  # safe to show in the browser (PDF, images)


PDF = FileKind("pdf", "application/pdf", ".pdf", "PDF", inline=True)
JPEG = FileKind("jpeg", "image/jpeg", ".jpg", "JPEG", inline=True)
PNG = FileKind("png", "image/png", ".png", "PNG", inline=True)
GIF = FileKind("gif", "image/gif", ".gif", "GIF", inline=True)
WEBP = FileKind("webp", "image/webp", ".webp", "WebP", inline=True)
DOC = FileKind("doc", "application/msword", ".doc", "Word (.doc)")
XLS = FileKind("xls", "application/vnd.ms-excel", ".xls", "Excel (.xls)")
DOCX = FileKind(
    "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word"
)
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel")
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text", ".odt", "ODT")
ODS = FileKind("ods", "application/vnd.oasis.opendocument.spreadsheet", ".ods", "ODS")
MP3 = FileKind("mp3", "audio/mpeg", ".mp3", "MP3")
MP4 = FileKind("mp4", "video/mp4", ".mp4", "MP4")

KINDS = {k.name: k for k in (PDF, JPEG, PNG, GIF, WEBP, DOC, XLS, DOCX, XLSX, ODT, ODS, MP3, MP4)}

# Content types inside an Office Open XML package ([Content_Types].xml) and an OpenDocument `mimetype`.
_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.ms-word.document.macroEnabled.main+xml": None,  # macros: refused
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml": None,
}
_ODF = {ODT.content_type.encode(): ODT, ODS.content_type.encode(): ODS}
# Stream names (UTF-16) that make an OLE compound file a Word or Excel document; an .msi installer or any
# other compound file has neither and is refused.
_OLE_STREAMS = (("WordDocument".encode("utf-16-le"), DOC), ("Workbook".encode("utf-16-le"), XLS))
_OLE_BOOK = "Book\0".encode("utf-16-le")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Never accepted, whatever the policy: programs and what a browser would run.
_DANGEROUS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa", b"\xca\xfe\xba\xbe", b"#!")
_MARKUP = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body", b"<iframe")


@dataclass(frozen=True)
class UploadPolicy:
    """What one use accepts: kinds of content and a size limit (optionally from a setting)."""

    name: str
    kinds: tuple[FileKind, ...]
    max_bytes: int
    max_bytes_setting: str = ""

    def limit(self) -> int:
        if not self.max_bytes_setting:
            return self.max_bytes
        return int(getattr(settings, self.max_bytes_setting, self.max_bytes))

    def labels(self) -> str:
        return ", ".join(dict.fromkeys(k.label.split(" ")[0] for k in self.kinds))


_DOCUMENTS = (PDF, DOC, DOCX, XLS, XLSX, ODT, ODS)
# A dossier's papers: scans and signed PDFs (the counter and the portal), 10 MB unless the settings say.
DOSSIER_DOCUMENT = UploadPolicy("dossier_document", (PDF, JPEG, PNG), 10 * MB, "MOTCUA_UPLOAD_MAX_BYTES")
# A result handed to the applicant: a signed PDF or its scan.
RESULT = UploadPolicy("result", (PDF, JPEG, PNG), 20 * MB)
# A plan's issued text and its annexes.
PLAN_ATTACHMENT = UploadPolicy("plan_attachment", (*_DOCUMENTS, JPEG, PNG), 20 * MB)
# Proof of a task's progress: documents, photos, a recording.
EVIDENCE = UploadPolicy("evidence", (*_DOCUMENTS, JPEG, PNG, MP3, MP4), 20 * MB)
# Proof of a communication activity: the article, the leaflet, photos, the broadcast.
COMMUNICATION_MEDIA = UploadPolicy(
    "communication_media", (*_DOCUMENTS, JPEG, PNG, GIF, WEBP, MP3, MP4), 20 * MB
)
IMAGE = UploadPolicy("image", (JPEG, PNG, GIF, WEBP), 5 * MB)
POLICIES = {
    p.name: p for p in (DOSSIER_DOCUMENT, RESULT, PLAN_ATTACHMENT, EVIDENCE, COMMUNICATION_MEDIA, IMAGE)
}


@dataclass(frozen=True)
class CheckedFile:
    kind: FileKind

    @property
    def content_type(self) -> str:
        return self.kind.content_type


def _read_head(file: IO[bytes], size: int = 4096) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_kind(file: IO[bytes]) -> FileKind | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return _ODF.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                types = archive.read("[Content_Types].xml")
                for marker, kind in _OOXML_MAIN.items():
                    if marker in types:
                        return kind
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    finally:
        file.seek(0)
    return None


def _ole_kind(file: IO[bytes]) -> FileKind | None:
    file.seek(0)
    data = file.read(8 * MB)  # the directory of a document this size sits well inside
    file.seek(0)
    for stream, kind in _OLE_STREAMS:
        if stream in data:
            return kind
    return XLS if _OLE_BOOK in data else None


def sniff(file: IO[bytes]) -> FileKind | None:
    """The kind of content in `file` by its bytes, or None when it is none of the known kinds."""
    head = _read_head(file)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp":
        return MP4
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return MP3
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(file)
    return None


def _is_dangerous(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_DANGEROUS) or text.startswith(_MARKUP)


def too_large_message(policy: UploadPolicy) -> str:
    return _("Tệp quá lớn (tối đa %(mb)s MB). / The file is too large (at most %(mb)s MB).") % {
        "mb": policy.limit() // MB
    }


def size_check_attrs(policy: UploadPolicy) -> dict[str, str]:
    """A file input's attributes for the check made in the browser before anything is sent
    (static/motcua/uploads.js), with the limit and the message the server gives (issue 17)."""
    return {"data-max-bytes": str(policy.limit()), "data-too-large": too_large_message(policy)}


def check_upload(file: Any, policy: UploadPolicy) -> CheckedFile:
    """The checked content of an uploaded file; ValidationError (both languages) when it is refused."""
    if file.size is not None and file.size > policy.limit():
        raise ValidationError(too_large_message(policy), code="upload_size")
    head = _read_head(file)
    if _is_dangerous(head):
        raise ValidationError(
            _(
                "Tệp chương trình, trang web hoặc mã lệnh không được nhận. "
                "/ Programs, web pages and scripts are not accepted."
            ),
            code="upload_dangerous",
        )
    kind = sniff(file)
    if kind is None or kind not in policy.kinds:
        raise ValidationError(
            _("Chỉ nhận tệp %(kinds)s. / Only %(kinds)s files are accepted.") % {"kinds": policy.labels()},
            code="upload_type",
        )
    return CheckedFile(kind)


@deconstructible
class PolicyValidator:
    """Model-field validator: `FileField(validators=[PolicyValidator("plan_attachment")])`.

    Checks a newly assigned file only: a file already stored was checked when it came in."""

    def __init__(self, policy: str) -> None:
        self.policy = policy

    def __call__(self, value: Any) -> None:
        if not value:
            return
        if isinstance(value, FieldFile):
            if getattr(value, "_committed", True):
                return
            value = value.file
        check_upload(value, POLICIES[self.policy])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PolicyValidator) and other.policy == self.policy

    def __hash__(self) -> int:
        return hash(self.policy)


# What a file name's last dotted part must look like to be taken for its extension: a dossier code
# ("ket-qua-000.01.41.H99-260302-0001") or a number ("Quyết định 12.2026") is part of the name.
_EXTENSION = re.compile(r"\.(?=[0-9a-z]*[a-z])[0-9a-z]{1,5}", re.IGNORECASE)


def safe_filename(name: str, kind: FileKind | None) -> str:
    """The name shown to the person saving the file, with the extension its content deserves."""
    base = PurePath(name or "tep").name or "tep"
    if kind is None:
        return base
    suffix = PurePath(base).suffix
    stem = base[: -len(suffix)] if suffix and _EXTENSION.fullmatch(suffix) else base
    return f"{stem}{kind.extension}"


# ---------------------------------------------------------------------------------------------- serving


def serve_private(
    request: HttpRequest, field_file: FieldFile, *, filename: str | None = None, inline: bool = False
) -> FileResponse:
    """Stream a stored file: content type from its bytes, never sniffed by the browser, never cached by
    anyone else, saved under its name (RFC 6266 `filename*` keeps Vietnamese names). `inline` shows PDFs
    and images in the browser; anything else is always a download."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    kind = sniff(handle)
    name = safe_filename(filename or PurePath(field_file.name or "tep").name, kind)
    show = inline and kind is not None and kind.inline
    response = FileResponse(handle, content_type=kind.content_type if kind else "application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(not show, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


Resolver = Callable[[Any, int], "FieldFile | tuple[FieldFile, str]"]


@dataclass(frozen=True)
class DownloadKind:
    """A kind of stored file and how to find it for an actor: `resolve(actor, pk)` goes through the
    owning app's scoped selector and raises Http404 when the actor may not see it. It returns the file,
    or the file and the name to save it under."""

    name: str
    resolve: Resolver
    inline: bool = False


download_kinds: Registry[DownloadKind] = Registry("download", base=DownloadKind)


def register_download(name: str, *, inline: bool = False) -> Callable[[Resolver], Resolver]:
    """Decorator: serve what `fn(actor, pk)` returns under /tep/<name>/<pk>/ (`core:download`)."""

    def decorate(fn: Resolver) -> Resolver:
        download_kinds.register(DownloadKind(name=name, resolve=fn, inline=inline))
        return fn

    return decorate
