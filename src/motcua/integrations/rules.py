"""Administrators read the outbox and the portal sync in the admin and on the status page (loaded by rules'
autodiscovery)."""

import rules

from motcua.org.rules import can_manage_organisation

rules.add_perm("integrations", can_manage_organisation)
rules.add_perm("integrations.view_outboxmessage", can_manage_organisation)
rules.add_perm("integrations.view_portalsync", can_manage_organisation)
rules.add_perm("integrations.view_portalintake", can_manage_organisation)
