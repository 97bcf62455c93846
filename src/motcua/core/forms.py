"""One way to style and read forms.

    class PlanForm(BootstrapFormMixin, forms.Form):
        title = forms.CharField(label=_("Tên kế hoạch"))
        signed_on = forms.DateField(label=_("Ngày ký"))          # typed as 04/09/2026 = 4 September
        born_on = VietnameseDateField(label=_("Ngày sinh"))      # the same, with its own error message

    {% for field in form %}{% include "forms/_field.html" %}{% endfor %}

Bootstrap classes go on every widget and `is-invalid` on a field with errors, through a `BoundField`
(Django 5.2's `bound_field_class`), so Django's own `aria-invalid` and `aria-describedby` stay as Django
renders them. Every date field, a plain `DateField` included, is a `VietnameseDateInput` (issue 17): a text
input showing dd/mm/yyyy and reading dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy) or ISO in every language,
so a date is never reinterpreted whatever the browser's locale (a browser's date picker shows the
browser's format, mm/dd/yyyy in an English browser). `DateInput`, the browser's picker, stays for a
form that asks for it explicitly. The site-wide input formats (settings and
`motcua/formats/<lang>/formats.py`) read dd/mm/yyyy first too, so the admin never takes 04/09/2026 for
9 April.
"""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField, BoundWidget
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from motcua.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = [
    "DATETIME_INPUT_FORMATS",
    "DATE_INPUT_FORMATS",
    "BootstrapForm",
    "BootstrapFormMixin",
    "BootstrapModelForm",
    "DateInput",
    "VietnameseDateField",
    "VietnameseDateInput",
]


LIST_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def css_class_for(widget: forms.Widget) -> str:
    """The Bootstrap class of a widget ('' for radio and checkbox lists: their options get theirs, below)."""
    if isinstance(widget, LIST_WIDGETS):
        return ""
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


def _joined(*classes: str) -> str:
    return " ".join(dict.fromkeys(" ".join(classes).split()))


class BootstrapBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)  # required, disabled, aria-* by Django
        widget = widget or self.field.widget
        css = css_class_for(widget)
        if not css or widget.is_hidden:
            return attrs
        invalid = "is-invalid" if self.form.is_bound and self.errors else ""
        attrs["class"] = _joined(widget.attrs.get("class", ""), str(attrs.get("class", "")), css, invalid)
        return attrs

    @cached_property
    def subwidgets(self) -> list[BoundWidget]:
        """Each option of a radio or checkbox list is a `.form-check-input` (the template wraps it in
        `.form-check`, forms/_field.html); the list's own wrapper stays unstyled."""
        options = super().subwidgets
        if isinstance(self.field.widget, LIST_WIDGETS):
            invalid = "is-invalid" if self.form.is_bound and self.errors else ""
            for option in options:
                attrs = option.data["attrs"]
                attrs["class"] = _joined(attrs.get("class", ""), "form-check-input", invalid)
        return options


class DateInput(forms.DateInput):
    """The browser's date picker; it reads and sends ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class VietnameseDateInput(forms.DateInput):
    """A text input showing dd/mm/yyyy, for dates typed faster than picked (dates of birth, the counter)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})}, format="%d/%m/%Y")


class VietnameseDateField(forms.DateField):
    """Reads dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy and ISO) in every language: 04/09/2026 is 4 September."""

    widget = VietnameseDateInput
    input_formats = DATE_INPUT_FORMATS
    invalid_message = _("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 04/09/2026. / Enter a date as dd/mm/yyyy.")
    default_error_messages = {"invalid": invalid_message}


# The widgets Django gives a date field by default; a widget chosen on purpose (DateInput) is left alone.
PLAIN_DATE_WIDGETS = (forms.DateInput, forms.TextInput)


def vietnamese_dates(field: forms.DateField) -> None:
    """Make a date field read and show dates the Vietnamese way, keeping its own attributes."""
    field.widget = VietnameseDateInput(field.widget.attrs)
    field.widget.is_required = field.required
    field.input_formats = DATE_INPUT_FORMATS
    if field.error_messages.get("invalid") == forms.DateField.default_error_messages["invalid"]:
        field.error_messages = {**field.error_messages, "invalid": VietnameseDateField.invalid_message}


class BootstrapFormMixin:
    """Put before `forms.Form`/`forms.ModelForm`: Bootstrap classes, `is-invalid`, date pickers."""

    bound_field_class: type[BoundField] | None = BootstrapBoundField
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and type(field.widget) in PLAIN_DATE_WIDGETS:
                vietnamese_dates(field)


class BootstrapForm(BootstrapFormMixin, forms.Form):
    pass


class BootstrapModelForm(BootstrapFormMixin, forms.ModelForm):
    pass


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that takes several files (evidence, attachments): one mechanism for every app."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
