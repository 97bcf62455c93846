"""`{% date_input "tu" period.start id="tu" class="form-control" %}`: a hand-written filter form's date as
the forms' own VietnameseDateInput (dd/mm/yyyy text, numeric keyboard), never the browser's date picker,
whose display follows the browser's locale (mm/dd/yyyy in an English browser)."""

from datetime import date

from django import template
from django.utils.safestring import SafeString

from motcua.core.forms import VietnameseDateInput

register = template.Library()


@register.simple_tag
def date_input(name: str, value: date | str | None = None, **attrs: str) -> SafeString:
    return VietnameseDateInput(attrs).render(name, value)
