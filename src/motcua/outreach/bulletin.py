"""What goes into the e-bulletin: article HTML cleaned by nh3 (the Rust ammonia sanitiser, a maintained
allow-list cleaner; bleach is deprecated), and uploaded images re-encoded for the web with Pillow.

Re-encoding every image (never keeping the uploaded bytes) drops what a browser must not see and what a
reader must not learn: polyglot payloads after the image data, and EXIF metadata such as a phone's GPS
position."""

from io import BytesIO

import nh3
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "hr",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
WEB_WIDTH = 1600  # px: wide enough for a full-width picture on a desktop, light on a phone
JPEG_QUALITY = 85
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is the most a camera gives; beyond is a decompression bomb


def clean(html: str) -> str:
    """Article HTML with only the allowed tags and attributes, links made safe."""
    return nh3.clean(
        html or "", tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer"
    ).strip()


def plain_text(html: str) -> str:
    """The words of an article without markup: what the search reads."""
    return nh3.clean(html or "", tags=set()).strip()


def web_image(upload) -> tuple[ContentFile, int, int]:
    """The image re-encoded (JPEG, or PNG when it has transparency), turned upright, at most WEB_WIDTH
    wide; ValidationError when Pillow cannot read it or it is too large to open safely."""
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("Ảnh quá lớn. / The image is too large."))
            probe.load()
            image = ImageOps.exif_transpose(probe)
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError):
        raise ValidationError(_("Không đọc được ảnh. / The image cannot be read.")) from None
    if image.width > WEB_WIDTH:
        image.thumbnail((WEB_WIDTH, WEB_WIDTH * 10))
    transparent = image.mode in ("RGBA", "LA") or "transparency" in image.info
    out = BytesIO()
    if transparent:
        image.convert("RGBA").save(out, "PNG", optimize=True)
        suffix = ".png"
    else:
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        suffix = ".jpg"
    return ContentFile(out.getvalue(), name=f"anh{suffix}"), image.width, image.height
