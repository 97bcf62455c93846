"""Amounts as the review forms print them: đồng with dot separators, percentages with a decimal comma."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def dong(value) -> str:
    """478125 → '478.125'."""
    if value in (None, ""):
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def decimal_comma(value) -> str:
    """Decimal('71.24') → '71,24'; Decimal('1.50') → '1,5'; None → '—'."""
    if value in (None, ""):
        return "—"
    return f"{Decimal(value).normalize():f}".replace(".", ",")
