"""Portal test helpers: files by content, online forms, and a desk whose procedures are offered online."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.portal.models import OnlineForm
from tests.catalog.factories import published
from tests.factories import valid_pdf

PDF = valid_pdf()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf(name: str = "giay-to.pdf", body: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def png(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def renamed_text(name: str = "that-ra-la-van-ban.pdf") -> SimpleUploadedFile:
    """A text file renamed .pdf: the name and the declared type lie, the content does not."""
    return SimpleUploadedFile(name, b"hello, not a PDF", content_type="application/pdf")


BIRTH_FIELDS = [
    {"name": "ho_ten_tre", "type": "text", "label": "Họ, chữ đệm, tên của trẻ", "required": True},
    {
        "name": "gioi_tinh",
        "type": "select",
        "label": "Giới tính",
        "label_en": "Sex",
        "required": True,
        "choices": [{"value": "nam", "label": "Nam", "label_en": "Male"}, {"value": "nu", "label": "Nữ"}],
    },
    {"name": "ngay_sinh", "type": "date", "label": "Ngày, tháng, năm sinh", "required": True, "max": "today"},
    {"name": "noi_sinh", "type": "text", "label": "Nơi sinh", "required": True},
    {"name": "ho_ten_cha", "type": "text", "label": "Họ, chữ đệm, tên người cha"},
    {"name": "ho_ten_me", "type": "text", "label": "Họ, chữ đệm, tên người mẹ", "required": True},
    {"name": "cam_doan", "type": "checkbox", "label": "Tôi cam đoan nội dung khai là đúng", "required": True},
]


def online_form(procedure, fields=None, **kwargs) -> OnlineForm:
    values = {
        "valid_from": date(2025, 7, 1),
        "legal_basis": "Luật Hộ tịch 2014",
        "fields": fields if fields is not None else BIRTH_FIELDS,
    }
    values.update(kwargs)
    form = OnlineForm(procedure=procedure, **values)
    form.full_clean()
    form.save()
    return form


def partial_procedure(**overrides):
    return published(name="Đăng ký kết hôn", online_level="partial", **overrides)


def offline_procedure(**overrides):
    return published(name="Chứng thực di chúc", online_level="none", **overrides)
