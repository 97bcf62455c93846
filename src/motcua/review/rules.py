"""Who may do what in a review (django-rules, loaded by autodiscovery).

- The review plan is a control plan: its managers (control.manage_plan) add items, send forms back and
  record the chairman's decisions approving the options.
- The staff of an item's reviewing agency fill its review forms and send them (control.act_for_agency).
- Administrators and TTHC-control officers keep the hourly-income parameter in the admin.
"""

import rules

from motcua.control.rules import is_control_officer, manages_plan, works_at
from motcua.org.rules import can_manage_organisation


@rules.predicate
def manages_item_plan(user, item) -> bool:
    return item is not None and manages_plan(user, item.plan)


@rules.predicate
def reviews_item(user, item) -> bool:
    return item is not None and works_at(user, item.reviewing_agency)


rules.add_perm("review.manage_item", rules.is_superuser | manages_item_plan)
rules.add_perm("review.fill_review", reviews_item)
rules.add_perm("review.start_review", rules.is_superuser | manages_item_plan | reviews_item)

can_use_review_admin = can_manage_organisation | is_control_officer
rules.add_perm("review", can_use_review_admin)
for _action in ("view", "add", "change"):
    rules.add_perm(f"review.{_action}_incomerate", can_use_review_admin)
for _model in ("reviewitem", "procedurereview", "approvaldecision"):
    rules.add_perm(f"review.view_{_model}", can_use_review_admin)
