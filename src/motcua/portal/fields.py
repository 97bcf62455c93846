"""Online forms as data: the JSON list of fields an OnlineForm holds, its validation, and the renderer
that turns it into a Django form.

A field is a dict: {name, type, label, label_en?, help?, help_en?, required?, choices?, min?, max?,
max_length?, pattern?}. The TTHC-control officer edits the list in the admin, so every mistake must come
back as a sentence in both languages, never a traceback.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from motcua.core.forms import BootstrapForm
from motcua.core.identifiers import IdNumberField, PhoneField

TYPES = ("text", "textarea", "date", "number", "select", "checkbox", "email", "phone", "id_number")
KEYS = frozenset(
    {"name", "type", "label", "label_en", "help", "help_en", "required", "choices", "min", "max"}
    | {"max_length", "pattern"}
)
NAME = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
TEXT_MAX, TEXTAREA_MAX = 255, 4000

# The default form: a procedure without an OnlineForm still asks what the applicant requests.
DEFAULT_FIELDS: list[dict] = [
    {
        "name": "noi_dung_yeu_cau",
        "type": "textarea",
        "label": "Nội dung yêu cầu",
        "label_en": "What you request",
        "help": "Trình bày ngắn gọn nội dung đề nghị giải quyết.",
        "help_en": "Describe briefly what you ask the agency to do.",
        "required": True,
        "max_length": TEXTAREA_MAX,
    }
]


# ------------------------------------------------------------------------------------------ validation


def _date_bound(value) -> bool:
    if value == "today":
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _choice_values(choices) -> list[str] | None:
    values = []
    for choice in choices:
        if isinstance(choice, str) and choice.strip():
            values.append(choice)
        elif isinstance(choice, dict) and str(choice.get("value", "")).strip() and choice.get("label"):
            values.append(str(choice["value"]))
        else:
            return None
    return values


def _field_errors(index: int, spec) -> list[str]:
    where = {"n": index}
    if not isinstance(spec, dict):
        return [_("Trường số %(n)s phải là một đối tượng {…}. / Field %(n)s must be an object {…}.") % where]
    errors = []
    name = spec.get("name")
    where["name"] = name or index
    if not isinstance(name, str) or not NAME.match(name):
        errors.append(
            _(
                "Trường số %(n)s: tên (name) chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu "
                "bằng chữ. / Field %(n)s: the name uses lower-case letters, digits and underscores."
            )
            % where
        )
    unknown = sorted(set(spec) - KEYS)
    if unknown:
        errors.append(
            _("Trường “%(name)s”: khóa không hợp lệ %(keys)s. / Field “%(name)s”: unknown keys %(keys)s.")
            % {**where, "keys": ", ".join(unknown)}
        )
    kind = spec.get("type")
    if kind not in TYPES:
        errors.append(
            _(
                "Trường “%(name)s”: kiểu “%(type)s” không hợp lệ (dùng: %(types)s). "
                "/ Field “%(name)s”: unknown type “%(type)s” (use: %(types)s)."
            )
            % {**where, "type": kind, "types": ", ".join(TYPES)}
        )
    if not isinstance(spec.get("label"), str) or not spec["label"].strip():
        errors.append(
            _("Trường “%(name)s”: thiếu nhãn tiếng Việt (label). / Field “%(name)s”: the label is missing.")
            % where
        )
    for key in ("label_en", "help", "help_en", "pattern"):
        if key in spec and not isinstance(spec[key], str):
            errors.append(
                _("Trường “%(name)s”: “%(key)s” phải là chuỗi. / Field “%(name)s”: “%(key)s” must be text.")
                % {**where, "key": key}
            )
    if "required" in spec and not isinstance(spec["required"], bool):
        errors.append(
            _(
                "Trường “%(name)s”: “required” là true hoặc false. / Field “%(name)s”: “required” is true "
                "or false."
            )
            % where
        )
    if kind == "select":
        choices = spec.get("choices")
        values = _choice_values(choices) if isinstance(choices, list) and choices else None
        if values is None:
            errors.append(
                _(
                    "Trường “%(name)s”: danh sách lựa chọn (choices) phải có ít nhất một mục, mỗi mục là "
                    "chuỗi hoặc {value, label}. / Field “%(name)s”: choices need at least one item, each a "
                    "string or {value, label}."
                )
                % where
            )
        elif len(set(values)) != len(values):
            errors.append(
                _("Trường “%(name)s”: lựa chọn bị trùng. / Field “%(name)s”: duplicate choices.") % where
            )
    elif "choices" in spec:
        errors.append(
            _(
                "Trường “%(name)s”: chỉ kiểu select có choices. / Field “%(name)s”: only select fields have "
                "choices."
            )
            % where
        )
    if "max_length" in spec and (
        isinstance(spec["max_length"], bool)
        or not isinstance(spec["max_length"], int)
        or spec["max_length"] < 1
    ):
        errors.append(
            _(
                "Trường “%(name)s”: max_length là số nguyên dương. / Field “%(name)s”: max_length is a "
                "positive integer."
            )
            % where
        )
    if "pattern" in spec and isinstance(spec["pattern"], str):
        try:
            re.compile(spec["pattern"])
        except re.error:
            errors.append(
                _(
                    "Trường “%(name)s”: biểu thức pattern không hợp lệ. / Field “%(name)s”: the pattern is "
                    "not a valid regular expression."
                )
                % where
            )
    errors += _bound_errors(kind, spec, where)
    return errors


def _bound_errors(kind, spec, where) -> list[str]:
    bounds = {k: spec[k] for k in ("min", "max") if k in spec}
    if not bounds:
        return []
    if kind == "date":
        if not all(_date_bound(v) for v in bounds.values()):
            return [
                _(
                    "Trường “%(name)s”: min/max của ngày ghi dạng YYYY-MM-DD hoặc “today”. "
                    "/ Field “%(name)s”: date min/max are YYYY-MM-DD or “today”."
                )
                % where
            ]
        low, high = (_resolve_date(bounds.get(k)) for k in ("min", "max"))
    elif kind == "number":
        low, high = (_number(bounds[k]) if k in bounds else None for k in ("min", "max"))
        if any(k in bounds and v is None for k, v in (("min", low), ("max", high))):
            return [
                _("Trường “%(name)s”: min/max phải là số. / Field “%(name)s”: min/max must be numbers.")
                % where
            ]
    else:
        return [
            _(
                "Trường “%(name)s”: min/max chỉ dùng cho kiểu date và number. / Field “%(name)s”: min/max "
                "apply to date and number fields only."
            )
            % where
        ]
    if low is not None and high is not None and low > high:
        return [_("Trường “%(name)s”: min lớn hơn max. / Field “%(name)s”: min is above max.") % where]
    return []


def validate_spec(value) -> None:
    """Validator of OnlineForm.fields: every problem at once, each in Vietnamese and English."""
    if not isinstance(value, list):
        raise ValidationError(
            _("Danh sách trường phải là một mảng JSON […]. / The field list must be a JSON array […].")
        )
    if not value:
        raise ValidationError(_("Biểu mẫu cần ít nhất một trường. / The form needs at least one field."))
    errors = []
    for index, spec in enumerate(value, start=1):
        errors += _field_errors(index, spec)
    names = [spec.get("name") for spec in value if isinstance(spec, dict)]
    duplicates = sorted({n for n in names if isinstance(n, str) and names.count(n) > 1})
    if duplicates:
        errors.append(
            _("Tên trường bị trùng: %(names)s. / Duplicate field names: %(names)s.")
            % {"names": ", ".join(duplicates)}
        )
    if errors:
        raise ValidationError(errors)


# ------------------------------------------------------------------------------------------ rendering


def _resolve_date(value) -> date | None:
    if value in (None, ""):
        return None
    if value == "today":
        return timezone.localdate()
    return date.fromisoformat(str(value))


def text_of(spec: dict, key: str) -> str:
    """The label or help in the page's language (English when given, else the Vietnamese text)."""
    if (get_language() or "vi").startswith("en") and spec.get(f"{key}_en"):
        return spec[f"{key}_en"]
    return spec.get(key, "") or ""


def choices_of(spec: dict) -> list[tuple[str, str]]:
    english = (get_language() or "vi").startswith("en")
    result = []
    for choice in spec.get("choices") or []:
        if isinstance(choice, str):
            result.append((choice, choice))
        else:
            label = (english and choice.get("label_en")) or choice["label"]
            result.append((str(choice["value"]), label))
    return result


def _messages(label: str) -> dict[str, str]:
    what = {"label": label}
    return {
        "required": _("Cần nhập “%(label)s”. / “%(label)s” is required.") % what,
        "invalid": _("“%(label)s” không hợp lệ. / “%(label)s” is not valid.") % what,
        "invalid_choice": _("Hãy chọn một giá trị trong danh sách. / Choose one of the listed values."),
    }


class DateBound:
    """A date limit checked at validation time, so that “today” means the day of the submission."""

    def __init__(self, bound, above: bool):
        self.bound, self.above = bound, above

    def __call__(self, value: date) -> None:
        limit = _resolve_date(self.bound)
        if limit is None:
            return
        if self.above and value > limit:
            raise ValidationError(
                _("Ngày không được sau %(d)s. / The date cannot be after %(d)s.") % {"d": f"{limit:%d/%m/%Y}"}
            )
        if not self.above and value < limit:
            raise ValidationError(
                _("Ngày không được trước %(d)s. / The date cannot be before %(d)s.")
                % {"d": f"{limit:%d/%m/%Y}"}
            )


def _length_validator(limit: int) -> RegexValidator:
    return RegexValidator(
        rf"^.{{0,{limit}}}$",
        _("Tối đa %(n)s ký tự. / At most %(n)s characters.") % {"n": limit},
        code="too_long",
        flags=re.DOTALL,
    )


def build_field(spec: dict[str, Any]) -> forms.Field:
    label = text_of(spec, "label")
    common = {
        "label": label,
        "help_text": text_of(spec, "help"),
        "required": bool(spec.get("required", False)),
        "error_messages": _messages(label),
    }
    kind = spec["type"]
    if kind in ("text", "textarea"):
        limit = spec.get("max_length") or (TEXT_MAX if kind == "text" else TEXTAREA_MAX)
        validators = [_length_validator(limit)]
        if spec.get("pattern"):
            validators.append(
                RegexValidator(
                    spec["pattern"],
                    _("“%(label)s” sai định dạng. / “%(label)s” has the wrong format.") % {"label": label},
                    code="pattern",
                )
            )
        widget = forms.Textarea({"rows": 4}) if kind == "textarea" else forms.TextInput()
        return forms.CharField(validators=validators, widget=widget, **common)
    if kind == "date":  # a dd/mm/yyyy input (core.forms), ISO read too
        validators = [DateBound(spec[k], above=(k == "max")) for k in ("min", "max") if k in spec]
        return forms.DateField(validators=validators, **common)
    if kind == "number":
        field = forms.DecimalField(
            min_value=_number(spec["min"]) if "min" in spec else None,
            max_value=_number(spec["max"]) if "max" in spec else None,
            widget=forms.NumberInput({"inputmode": "decimal", "step": "any"}),
            **common,
        )
        field.error_messages.update(
            {
                "min_value": _(
                    "Giá trị nhỏ nhất là %(limit_value)s. / The smallest value is %(limit_value)s."
                ),
                "max_value": _(
                    "Giá trị lớn nhất là %(limit_value)s. / The largest value is %(limit_value)s."
                ),
                "max_digits": _("Số quá dài. / The number is too long."),
            }
        )
        return field
    if kind == "select":
        choices = [("", _("— Chọn —")), *choices_of(spec)]
        return forms.ChoiceField(choices=choices, **common)
    if kind == "checkbox":
        return forms.BooleanField(**common)
    if kind == "email":
        common["error_messages"]["invalid"] = _("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")
        return forms.EmailField(max_length=254, **common)
    # Phones and ID numbers: the one rule of each kind (core.identifiers), its own messages on a bad value.
    del common["error_messages"]["invalid"]
    if kind == "phone":
        return PhoneField(**common)
    # id_number: a person's number written today is the 12-digit personal identification number
    return IdNumberField(**common)


def build_form(spec: list[dict[str, Any]]) -> type[forms.Form]:
    """A Form class with one field per spec entry, in order, validated on the server by type."""
    attrs = {item["name"]: build_field(item) for item in spec}
    return type("OnlineAnswersForm", (BootstrapForm,), attrs)


def plain(value):
    """A JSON-safe form of a cleaned value (dates as ISO, decimals as text)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def display(spec: list[dict], answers: dict) -> list[tuple[str, str]]:
    """(label, shown value) pairs for the review page and the dossier: choices by their label, yes/no."""
    rows = []
    for item in spec:
        value = answers.get(item["name"], "")
        if item["type"] == "select":
            value = dict(choices_of(item)).get(str(value), value)
        elif item["type"] == "checkbox":
            value = _("Có") if value in (True, "on", "true", "True", "1") else _("Không")
        elif item["type"] == "date" and value:
            with contextlib.suppress(ValueError):
                value = f"{date.fromisoformat(str(value)):%d/%m/%Y}"
        rows.append((text_of(item, "label"), str(value) if value not in (None, "") else "—"))
    return rows
