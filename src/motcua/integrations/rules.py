"""Administrators read the outbox in the admin (loaded by rules' autodiscovery)."""

import rules

from motcua.org.rules import can_manage_organisation

rules.add_perm("integrations", can_manage_organisation)
rules.add_perm("integrations.view_outboxmessage", can_manage_organisation)
