"""Permission predicates (django-rules): the TTHC-control officer keeps the catalog.

Loaded by rules' autodiscovery at start-up.
"""

import rules

from motcua.org.models import Role


@rules.predicate
def is_control_officer(user) -> bool:
    from motcua.org.selectors import active_roles

    return active_roles(user).filter(role=Role.CONTROL_OFFICER).exists()


can_manage_catalog = rules.is_superuser | is_control_officer

CONFIGURATION_MODELS = (
    "sector",
    "procedure",
    "procedureversion",
    "versionchannel",
    "requireddocument",
    "limitcase",
    "feeitem",
    "publicationdecision",
    "publicationrule",
    "agencyprocedure",
    "process",
    "processstep",
    "synonym",
    "level",
)

rules.add_perm("catalog", can_manage_catalog)
rules.add_perm("catalog.manage_catalog", can_manage_catalog)
rules.add_perm("catalog.issue_decision", can_manage_catalog)
for model in CONFIGURATION_MODELS:
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"catalog.{action}_{model}", can_manage_catalog)
