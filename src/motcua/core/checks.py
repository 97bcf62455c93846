"""System checks for the toolkit's contracts that Python cannot enforce by itself."""

from typing import Any

from django.apps import apps
from django.core import checks


@checks.register(checks.Tags.models)
def legal_parameters_keep_their_period_check(app_configs: Any = None, **kwargs: Any) -> list[checks.Error]:
    """A subclass of OptionalPeriod (DatedRow, LegalParameter) whose own Meta dropped the base's constraints
    loses the period check."""
    from .models import OptionalPeriod

    errors = []
    for model in apps.get_models():
        if not issubclass(model, OptionalPeriod):
            continue
        expected = f"{model._meta.app_label}_{model._meta.model_name}_valid_range"
        if not any(c.name == expected for c in model._meta.constraints):
            errors.append(
                checks.Error(
                    f"{model._meta.label} lost the constraint {expected}",
                    hint="Write `class Meta(LegalParameter.Meta)` (or its base's), keep its constraints.",
                    obj=model,
                    id="motcua.E001",
                )
            )
    return errors
