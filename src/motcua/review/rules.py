"""Who may do what in a review (django-rules, loaded by autodiscovery).

- The review plan is a control plan: its managers (control.manage_plan) add items, send forms back and
  record the chairman's decisions approving the options.
- The staff of an item's reviewing agency fill its review forms and send them, and so do the staff of its
  divisions in the same administrative unit (a department's legal division drafts the department's form).
- Administrators and TTHC-control officers keep the hourly-income parameter in the admin.
"""

import rules

from motcua.control.rules import is_control_officer, manages_plan, member_agency_ids
from motcua.org.models import Agency
from motcua.org.rules import can_manage_organisation


def reviewing_agency_ids(user) -> set[int]:
    """The agencies whose forms the user fills: where they work, and the parent of a division they work
    at when it is in the same administrative unit (never higher)."""
    if user is None or not getattr(user, "is_authenticated", False) or user.is_citizen:
        return set()
    ids = member_agency_ids(user)
    if not ids:
        return set()
    parents = Agency.objects.filter(pk__in=ids, parent__isnull=False).values_list(
        "parent_id", "administrative_unit_id", "parent__administrative_unit_id"
    )
    return ids | {parent for parent, unit, parent_unit in parents if unit == parent_unit}


@rules.predicate
def manages_item_plan(user, item) -> bool:
    return item is not None and manages_plan(user, item.plan)


@rules.predicate
def reviews_item(user, item) -> bool:
    return item is not None and item.reviewing_agency_id in reviewing_agency_ids(user)


rules.add_perm("review.manage_item", rules.is_superuser | manages_item_plan)
rules.add_perm("review.fill_review", reviews_item)
rules.add_perm("review.start_review", rules.is_superuser | manages_item_plan | reviews_item)

can_use_review_admin = can_manage_organisation | is_control_officer
rules.add_perm("review", can_use_review_admin)
for _action in ("view", "add", "change"):
    rules.add_perm(f"review.{_action}_incomerate", can_use_review_admin)
for _model in ("reviewitem", "procedurereview", "approvaldecision"):
    rules.add_perm(f"review.view_{_model}", can_use_review_admin)

# The draft regulations' rules (they use reviewing_agency_ids above).
from .drafts import rules as _draft_rules  # noqa: E402, F401

for _model in ("opiniontimelimit",):
    for _action in ("view", "add", "change"):
        rules.add_perm(f"review.{_action}_{_model}", can_use_review_admin)
for _model in ("draftregulation", "draftprocedure"):
    rules.add_perm(f"review.view_{_model}", can_use_review_admin)
