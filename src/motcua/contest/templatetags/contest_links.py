"""`{% load contest_links %}{% good_models_for activity %}`: the registered good models a record presents,
for the pages of activities and articles (the register sits beside `outreach`, neither imports the other)."""

from typing import Any

from django import template

from motcua.contest import selectors

register = template.Library()


@register.inclusion_tag("contest/_linked_models.html")
def good_models_for(target: Any) -> dict[str, Any]:
    return {"models": list(selectors.models_linked_to(target)) if getattr(target, "pk", None) else []}
