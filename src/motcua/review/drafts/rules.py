"""Who may do what with a draft regulation (loaded by review.rules).

- The control unit: the staff who manage the control plan the draft is registered under (control.manage_plan)
  register it, assess it, answer it, and record the explanation and the issued document.
- The drafting agency (its staff and those of its divisions in the same administrative unit, as for review
  forms) fill the impact assessment before the opinion, and record their explanation and the issued document.
"""

import rules

from motcua.control.rules import manages_plan

from ..rules import reviewing_agency_ids


@rules.predicate
def controls_draft(user, draft) -> bool:
    return draft is not None and manages_plan(user, draft.plan)


@rules.predicate
def drafts_draft(user, draft) -> bool:
    return draft is not None and draft.drafting_agency_id in reviewing_agency_ids(user)


rules.add_perm("review.control_draft", rules.is_superuser | controls_draft)
rules.add_perm("review.draft_party", rules.is_superuser | controls_draft | drafts_draft)
