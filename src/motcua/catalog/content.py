"""A version's legal content as plain data: what import, export, drafts and the "what changed" view share.

{"national_code": "1.001193", "name": "...", "sector": "G03-...", "levels": ["commune"], ...,
 "channels": [{"channel": "direct", "time_limit": "3", "time_unit": "d", "fee": 0, ...}],
 "documents": [{"name": "...", "originals": 1, "copies": 0, "mandatory": True, ...}]}
"""

from decimal import Decimal
from typing import Any

from .models import ProcedureVersion

# What version_content reads, for prefetch_related.
CONTENT_PREFETCH = ("levels", "channels__cases", "fee_items", "documents")

TEXT_FIELDS = (
    "name",
    "procedure_type",
    "implementing_agency",
    "competent_agency",
    "delegated_agency",
    "supporting_agency",
    "sequence",
    "result",
    "fees",
    "requirements",
    "legal_basis",
    "online_level",
    "notes",
)
BOOL_FIELDS = ("vertical_sector", "any_boundary")
CHANNEL_FIELDS = (
    "channel",
    "time_limit",
    "time_unit",
    "fee",
    "description",
    "time_limit_min",
    "cutoff",
    "at_most",
    "time_limit_text",
)
CASE_FIELDS = ("condition", "time_limit", "time_unit", "time_limit_min", "cutoff", "at_most")
FEE_FIELDS = ("kind", "channel", "condition", "area", "basis", "amount", "rate", "maximum", "exempt", "note")
DOCUMENT_FIELDS = ("name", "form_name", "originals", "copies", "mandatory", "condition")
# Order in which the "what changed" view and the exported files list the fields.
FIELD_ORDER = (
    "name",
    "sector",
    "levels",
    *TEXT_FIELDS[1:],
    "applicants",
    *BOOL_FIELDS,
    "channels",
    "documents",
    "fee_items",
)


def amount_text(value: Decimal | str | int) -> str:
    """'3.00' -> '3', '0.50' -> '0.5': one spelling per amount, so that equal contents compare equal."""
    return f"{Decimal(str(value)).normalize():f}"


def optional_amount(value: Any) -> str | None:
    return None if value in (None, "") else amount_text(value)


def cutoff_text(value: Any) -> str | None:
    """'15:00' for a cut-off hour (a time, or text as files give it); None without one."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        return value.strip()[:5]
    return f"{value:%H:%M}"


def _case(c: Any) -> dict[str, Any]:
    return {
        "condition": c.condition,
        "time_limit": amount_text(c.time_limit),
        "time_unit": c.time_unit,
        "time_limit_min": optional_amount(c.time_limit_min),
        "cutoff": cutoff_text(c.cutoff),
        "at_most": c.at_most,
    }


def _fee_item(f: Any) -> dict[str, Any]:
    return {
        "kind": f.kind,
        "channel": f.channel,
        "condition": f.condition,
        "area": f.area,
        "basis": f.basis,
        "amount": f.amount,
        "rate": optional_amount(f.rate),
        "maximum": f.maximum,
        "exempt": f.exempt,
        "note": f.note,
    }


def version_content(version: ProcedureVersion) -> dict[str, Any]:
    """The content of `version`. Children are read with `.all()` and ordered here, so a caller that
    prefetched them (`CONTENT_PREFETCH`, the publication of many drafts at once) sends no query."""
    data: dict[str, Any] = {
        "national_code": version.procedure.national_code,
        "code_kind": version.procedure.code_kind,
    }
    data.update({field: getattr(version, field) for field in TEXT_FIELDS})
    data.update({field: bool(getattr(version, field)) for field in BOOL_FIELDS})
    data["sector"] = version.sector.code
    data["levels"] = [level.code for level in sorted(version.levels.all(), key=lambda level: level.rank)]
    data["applicants"] = list(version.applicants)
    data["channels"] = [
        {
            "channel": c.channel,
            "time_limit": amount_text(c.time_limit),
            "time_unit": c.time_unit,
            "fee": c.fee,
            "description": c.description,
            "time_limit_min": optional_amount(c.time_limit_min),
            "cutoff": cutoff_text(c.cutoff),
            "at_most": c.at_most,
            "time_limit_text": c.time_limit_text,
            "cases": [_case(case) for case in sorted(c.cases.all(), key=lambda case: case.position)],
        }
        for c in sorted(version.channels.all(), key=lambda c: c.channel)
    ]
    data["fee_items"] = [_fee_item(f) for f in sorted(version.fee_items.all(), key=lambda f: f.position)]
    data["documents"] = [
        {
            "name": d.name,
            "form_name": d.form_name,
            "originals": d.originals,
            "copies": d.copies,
            "mandatory": d.mandatory,
            "condition": d.condition,
        }
        for d in sorted(version.documents.all(), key=lambda d: (d.position, d.id))
    ]
    return data


def normalized(content: dict[str, Any]) -> dict[str, Any]:
    """The comparable form of a content dict (channel order and amount spelling do not matter)."""
    data = dict(content)
    data["channels"] = sorted(
        (
            {
                **c,
                "time_limit": amount_text(c["time_limit"]),
                "fee": int(c.get("fee") or 0),
                "description": c.get("description", "") or "",
                "time_limit_min": optional_amount(c.get("time_limit_min")),
                "cutoff": cutoff_text(c.get("cutoff")),
                "at_most": bool(c.get("at_most", False)),
                "time_limit_text": c.get("time_limit_text", "") or "",
                "cases": [
                    {
                        "condition": case.get("condition", ""),
                        "time_limit": amount_text(case["time_limit"]),
                        "time_unit": case["time_unit"],
                        "time_limit_min": optional_amount(case.get("time_limit_min")),
                        "cutoff": cutoff_text(case.get("cutoff")),
                        "at_most": bool(case.get("at_most", False)),
                    }
                    for case in c.get("cases", [])
                ],
            }
            for c in content.get("channels", [])
        ),
        key=lambda c: c["channel"],
    )
    data["documents"] = [
        {
            "name": d["name"],
            "form_name": d.get("form_name", ""),
            "originals": int(d.get("originals", 1)),
            "copies": int(d.get("copies", 0)),
            "mandatory": bool(d.get("mandatory", True)),
            "condition": d.get("condition", ""),
        }
        for d in content.get("documents", [])
    ]
    data["fee_items"] = [
        {
            "kind": f.get("kind") or "charge",
            "channel": f.get("channel", "") or "",
            "condition": f.get("condition", "") or "",
            "area": f.get("area", "") or "",
            "basis": f.get("basis") or "dossier",
            "amount": None if f.get("amount") in (None, "") else int(f["amount"]),
            "rate": optional_amount(f.get("rate")),
            "maximum": None if f.get("maximum") in (None, "") else int(f["maximum"]),
            "exempt": bool(f.get("exempt", False)),
            "note": f.get("note", "") or "",
        }
        for f in content.get("fee_items", [])
    ]
    data.setdefault("code_kind", "national")
    data["code_kind"] = data["code_kind"] or "national"
    return data


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """[(field, old value, new value)] for every field that differs, in FIELD_ORDER."""
    old, new = normalized(old), normalized(new)
    return [
        (field, old.get(field), new.get(field)) for field in FIELD_ORDER if old.get(field) != new.get(field)
    ]
