"""Indicator 1.4 (QĐ 766): dossiers synchronised to the National Public Service Portal.

The figures are the sync outbox's (integrations.portal.sync.sync_rates): a dossier with a change (reception
or status change) in the period counts once for its competent agency; it is synchronised when the portal
acknowledged every one of its changes of the period. A change still waiting or given up lowers the rate
until it is acknowledged (a resend that the portal acknowledges raises it again). Without any change in the
period the indicator has no cases and is left out of the maximum, as every indicator is.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.selectors import dossiers_for
from motcua.integrations.models import SyncState
from motcua.integrations.portal import sync
from motcua.org.models import User

from .computations import NUMERATOR, IndexComputation, Measure, Window, index_computations, local_range


class SyncedToPortal(IndexComputation):
    name = "national_portal.synced"
    label = _("Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia")
    row_kind = "dossier"

    def measure(self, window: Window) -> dict[Any, Measure]:
        start, end = local_range(window.start, window.end)
        rates = sync.sync_rates(start, end, window.agencies, by=window.by)
        return {key: Measure(rate.synced, rate.total) for key, rate in rates.items() if key or not window.by}

    def rows(self, actor: User, window: Window, part: str) -> QuerySet:
        start, end = local_range(window.start, window.end)
        changes = sync.changed_in(start, end, window.agencies)
        dossiers = dossiers_for(actor).filter(code__in=changes.values("dossier_code"))
        if part == NUMERATOR:
            unsent = changes.filter(~Q(state=SyncState.SENT)).values("dossier_code")
            dossiers = dossiers.exclude(code__in=unsent)
        return dossiers.order_by("received_at", "pk")


index_computations.register(SyncedToPortal(), name=SyncedToPortal.name)
