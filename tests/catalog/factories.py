"""Factories for the catalog: sectors, draft contents and procedures published through the real services."""

import itertools
from datetime import date
from typing import Any

import factory

from motcua.catalog import services
from motcua.catalog.models import Procedure, PublicationDecision, Sector

_codes = itertools.count(1)
_decisions = itertools.count(1)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"G99-TS{n:02d}")
    name = factory.Sequence(lambda n: f"Lĩnh vực thử {n}")


def content(**overrides: Any) -> dict[str, Any]:
    """A complete content dict (catalog.content) for a commune-level procedure."""
    data: dict[str, Any] = {
        "national_code": f"9.{next(_codes):06d}",
        "name": "Đăng ký khai sinh",
        "sector": overrides.pop("sector", None) or SectorFactory(code="G09-TP01", name="Hộ tịch").code,
        "levels": ["commune"],
        "procedure_type": "not_routed",
        "implementing_agency": "Ủy ban nhân dân cấp xã",
        "competent_agency": "Ủy ban nhân dân cấp xã",
        "delegated_agency": "",
        "supporting_agency": "",
        "sequence": "Bước 1: Nộp hồ sơ.\nBước 2: Công chức tư pháp - hộ tịch kiểm tra, ghi sổ.",
        "applicants": ["citizen", "overseas"],
        "result": "Giấy khai sinh",
        "fees": "Miễn lệ phí đăng ký khai sinh đúng hạn",
        "requirements": "",
        "legal_basis": "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
        "online_level": "full",
        "vertical_sector": False,
        "any_boundary": True,
        "notes": "",
        "channels": [
            {"channel": "direct", "time_limit": "1", "time_unit": "d", "fee": 0, "description": ""},
            {"channel": "online", "time_limit": "1", "time_unit": "d", "fee": 0, "description": ""},
        ],
        "documents": [
            {
                "name": "Tờ khai đăng ký khai sinh",
                "form_name": "Mẫu TP/HT-2020-KS.1",
                "originals": 1,
                "copies": 0,
                "mandatory": True,
                "condition": "",
            },
            {
                "name": "Giấy chứng sinh",
                "form_name": "",
                "originals": 1,
                "copies": 0,
                "mandatory": True,
                "condition": "",
            },
        ],
    }
    data.update(overrides)
    return data


def decide(
    *,
    publish=(),
    abolish=(),
    replace=(),
    effective_from=date(2025, 7, 1),
    signed_on=None,
    legal_effective_on=None,
    posted_on=None,
    actor=None,
    number=None,
) -> PublicationDecision:
    return services.issue_publication_decision(
        actor=actor,
        number=number or f"{next(_decisions)}/QĐ-UBND",
        title="Công bố danh mục thủ tục hành chính",
        signed_on=signed_on or effective_from,
        signer="Chủ tịch UBND tỉnh",
        effective_from=effective_from,
        legal_documents="Luật Hộ tịch 2014",
        legal_effective_on=legal_effective_on,
        publish=publish,
        abolish=abolish,
        replace=replace,
        posted_on=posted_on,
    )


def published(effective_from=date(2025, 7, 1), **overrides: Any) -> Procedure:
    """A procedure published by a decision in force from `effective_from`."""
    draft = services.save_draft(actor=None, content=content(**overrides))
    decide(publish=[draft.procedure], effective_from=effective_from)
    draft.procedure.refresh_from_db()
    return draft.procedure
