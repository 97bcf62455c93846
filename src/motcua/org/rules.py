"""Permission predicates (django-rules): who may manage the organisation tree.

Administrators are staff who hold the administrator role at an agency; their power reaches the
agencies `visible_agencies` gives them. Loaded by rules' autodiscovery at start-up.
"""

import rules

from .models import Role


@rules.predicate
def is_administrator(user) -> bool:
    from .selectors import active_roles

    return active_roles(user).filter(role=Role.ADMINISTRATOR).exists()


@rules.predicate
def holds_any_role(user) -> bool:
    from .selectors import active_roles

    return active_roles(user).exists()


@rules.predicate
def agency_in_scope(user, agency) -> bool:
    from .selectors import visible_agencies

    return agency is None or visible_agencies(user).filter(pk=agency.pk).exists()


can_manage_organisation = rules.is_superuser | is_administrator

rules.add_perm("org", can_manage_organisation)
for model in (
    "administrativelevel",
    "administrativeunit",
    "agency",
    "user",
    "roleassignment",
    "feedbackchannel",
):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"org.{action}_{model}", can_manage_organisation)
rules.add_perm("org.manage_agency", rules.is_superuser | (is_administrator & agency_in_scope))
rules.add_perm("core", can_manage_organisation)
rules.add_perm("core.view_auditevent", can_manage_organisation)
