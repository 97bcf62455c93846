"""Small display helpers for the control pages."""

from decimal import Decimal

from django import template
from django.utils.html import format_html

from motcua.control.deadlines import STATE_BADGES, STATE_LABELS

register = template.Library()


@register.filter
def state_badge(state) -> str:
    """A coloured badge naming a deadline state (text, not colour alone, carries the meaning)."""
    return format_html('<span class="badge {}">{}</span>', STATE_BADGES[state], STATE_LABELS[state])


@register.filter
def figure(value) -> str:
    """12 rather than 12.00; an empty cell for no value."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else f"{value.normalize():f}"
    return str(value)
