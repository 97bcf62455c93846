"""Who records communication activities: the staff of the agency that carried them out."""

import rules

from motcua.control.rules import can_use_control_admin, works_at

rules.add_perm("outreach.record_for", works_at)
rules.add_perm("outreach", can_use_control_admin)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"outreach.{action}_communicationactivity", can_use_control_admin)
