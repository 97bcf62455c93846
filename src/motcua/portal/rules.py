"""Permission predicates (django-rules): the TTHC-control officer keeps the online forms, as the catalog.

Loaded by rules' autodiscovery at start-up. Citizens' drafts and stored papers need no permission rows:
services check ownership and selectors return only the actor's own rows.
"""

import rules

from motcua.catalog.rules import can_manage_catalog

# The app permission shows the portal section of the admin; other portal parts may declare it too.
if not rules.perm_exists("portal"):
    rules.add_perm("portal", can_manage_catalog)
for action in ("view", "add", "change", "delete"):
    rules.add_perm(f"portal.{action}_onlineform", can_manage_catalog)
