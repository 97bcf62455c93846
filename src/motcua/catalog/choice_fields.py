"""The choice a dossier makes from a channel's time-limit cases and fee table, as form fields.

One place for the counter's reception page (dossiers) and the citizen's online submission (portal): a radio
for the time-limit case (the channel's default unless another is picked), a tick box per fee row, with a
quantity for rows counted per copy, page or unit and a declared value for percentages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .fees import COUNTED_BASES, FeeChoice, fee_choices, item_wording
from .limits import limit_wording
from .models import FeeBasis, FeeItem, LimitCase, VersionChannel

TEXT = {"class": "form-control"}


def add_case_and_fee_fields(form: forms.Form, channel: VersionChannel | None) -> list[FeeItem]:
    """Add `limit_case` (when the channel has cases) and `fee_<id>` fields to `form`; the fee rows offered."""
    if channel is None:
        return []
    cases = LimitCase.objects.filter(channel=channel).order_by("position")
    if cases.exists():
        field = forms.ModelChoiceField(
            label=_("Trường hợp về thời hạn giải quyết"),
            queryset=cases,
            required=False,
            blank=True,  # a radio for the default case, ticked unless another is picked
            initial="",
            empty_label=_("Thông thường: %(limit)s") % {"limit": limit_wording(channel)},
            widget=forms.RadioSelect({"class": "form-check-input"}),
            error_messages={
                "invalid_choice": _(
                    "Hãy chọn một giá trị trong danh sách. / Choose one of the listed values."
                )
            },
        )
        field.label_from_instance = limit_wording  # type: ignore[method-assign,assignment]
        form.fields["limit_case"] = field
    items = fee_choices(channel)
    for item in items:
        wording = item_wording(item)
        form.fields[f"fee_{item.pk}"] = forms.BooleanField(
            label=wording, required=False, widget=forms.CheckboxInput({"class": "form-check-input"})
        )
        if item.basis in COUNTED_BASES and not item.exempt:
            form.fields[f"fee_{item.pk}_quantity"] = forms.IntegerField(
                label=_("Số lượng: %(fee)s") % {"fee": wording},
                min_value=1,
                max_value=100_000,
                initial=1,
                required=False,
                widget=forms.NumberInput({**TEXT, "style": "max-width:8rem"}),
            )
        if item.basis == FeeBasis.PERCENT and not item.exempt:
            form.fields[f"fee_{item.pk}_value"] = forms.IntegerField(
                label=_("Giá trị tính phí (đồng): %(fee)s") % {"fee": wording},
                min_value=0,
                max_value=10**15,
                required=False,
                widget=forms.NumberInput({**TEXT, "style": "max-width:12rem"}),
            )
    return items


def fee_field_rows(form: forms.Form, items: list[FeeItem]) -> list[tuple[Any, ...]]:
    """(item, its tick box, its quantity or None, its value or None) for a template's table."""
    return [
        (
            item,
            form[f"fee_{item.pk}"],
            form[f"fee_{item.pk}_quantity"] if f"fee_{item.pk}_quantity" in form.fields else None,
            form[f"fee_{item.pk}_value"] if f"fee_{item.pk}_value" in form.fields else None,
        )
        for item in items
    ]


def chosen_fees(cleaned_data: Mapping[str, Any], items: list[FeeItem]) -> list[FeeChoice]:
    """The ticked rows with their quantity and declared value, as the dossier services take them."""
    return [
        FeeChoice(
            item=item,
            quantity=cleaned_data.get(f"fee_{item.pk}_quantity") or 1,
            declared_value=cleaned_data.get(f"fee_{item.pk}_value"),
        )
        for item in items
        if cleaned_data.get(f"fee_{item.pk}")
    ]
