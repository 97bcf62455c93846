"""Uploaded files are accepted by what they are (magic bytes), not by their name: PDF, JPEG, PNG only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SIGNATURES = {
    b"%PDF-": ("application/pdf", ".pdf"),
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes() -> int:
    return getattr(settings, "MOTCUA_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def check_upload(upload) -> str:
    """The file's real content type; ValidationError (both languages) when it is too big or not allowed."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("Tệp quá lớn (tối đa %(mb)s MB). / The file is too large (at most %(mb)s MB).")
            % {"mb": max_bytes() // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for magic, (content_type, _extension) in SIGNATURES.items():
        if head.startswith(magic):
            return content_type
    raise ValidationError(_("Chỉ nhận tệp PDF, JPEG hoặc PNG. / Only PDF, JPEG or PNG files are accepted."))
