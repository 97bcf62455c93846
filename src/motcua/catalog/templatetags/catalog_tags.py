"""Plain Vietnamese display of amounts: money with dot separators, time limits with their unit."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def vnd(value) -> str:
    """50000 → '50.000 đồng'; 0 → 'Không thu phí'."""
    if value in (None, ""):
        return ""
    if int(value) == 0:
        return _("Không thu phí")
    return _("%(amount)s đồng") % {"amount": f"{int(value):,}".replace(",", ".")}


@register.filter
def amount(value) -> str:
    """Decimal('0.50') → '0,5' (Vietnamese decimal comma)."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


@register.filter
def field_label(name: str) -> str:
    from ..views import FIELD_LABELS

    return str(FIELD_LABELS.get(name, name))
