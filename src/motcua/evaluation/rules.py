"""Who may see evaluation data in the admin (django-rules, loaded by autodiscovery): administrators keep
the rating questions; ratings themselves are read by leaders through selectors, never edited."""

import rules

from motcua.org.rules import can_manage_organisation

rules.add_perm("evaluation", can_manage_organisation)
for model in ("ratingcriterion", "rating"):
    rules.add_perm(f"evaluation.view_{model}", can_manage_organisation)
for action in ("add", "change"):
    rules.add_perm(f"evaluation.{action}_ratingcriterion", can_manage_organisation)
