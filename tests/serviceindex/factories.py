"""Dossiers for the index tests, written as rows (the index follows rows, whichever service wrote them)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from motcua.catalog.models import Procedure
from motcua.dossiers.lifecycle import Status
from motcua.dossiers.models import Dossier, DossierDocument, ReturnMethod, SubmissionChannel
from motcua.evaluation.models import Rating
from motcua.org.models import Agency
from tests.catalog.factories import published
from tests.factories import Province, province_with_communes

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_codes = itertools.count(1)


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=VN)


@dataclass
class World:
    province: Province
    full: Procedure  # eligible for full online service
    partial: Procedure

    @property
    def a(self) -> Agency:
        return self.province.communes["Xã A"]["committee"]

    @property
    def b(self) -> Agency:
        return self.province.communes["Xã B"]["committee"]


def world() -> World:
    province = province_with_communes(["Xã A", "Xã B"])
    return World(
        province=province,
        full=published(name="Đăng ký khai sinh", online_level="full"),
        partial=published(name="Cấp giấy phép xây dựng", online_level="partial"),
    )


def dossier(
    agency: Agency,
    procedure: Procedure,
    *,
    received: datetime | None,
    online: bool = False,
    verdict: str = "",
    ended: datetime | None = None,
    fee: int = 0,
    paid_online: bool = False,
    electronic: bool = False,
    reused: bool = False,
    identity: bool = False,
    rating: bool | None = None,
    papers: str = "",
) -> Dossier:
    """`papers`: "file" (a scanned or uploaded paper), "reused" (taken from the citizen's store), "paper"
    (a paper copy only, not digitised) or "" (no checklist line)."""
    if verdict and ended is None:
        ended = (received or vn(2026, 3, 1, 9)) + timedelta(days=1)
    status = Status.RETURNED if verdict else Status.PROCESSING if received else Status.SUBMITTED
    row = Dossier.objects.create(
        code=f"T-{next(_codes):06d}",
        status=status,
        channel=SubmissionChannel.ONLINE if online else SubmissionChannel.DIRECT,
        procedure=procedure,
        procedure_version=procedure.versions.order_by("-number").first(),
        receiving_agency=agency,
        competent_agency=agency,
        current_agency=agency,
        applicant_name="Nguyễn Văn Thử",
        applicant_id_number="001099012345",
        applicant_phone="0912345678",
        submitted_at=received or vn(2026, 3, 1, 8),
        received_at=received,
        due_at=received + timedelta(days=3) if received else None,
        processing_ended_at=ended if verdict else None,
        timeliness=verdict,
        fee_due=fee,
        paid=paid_online,
        paid_online=paid_online,
        return_method=ReturnMethod.ELECTRONIC if electronic else ReturnMethod.COUNTER if verdict else "",
        reused_data=reused,
        identity_verified=identity,
    )
    if papers:
        DossierDocument.objects.create(
            dossier=row,
            name="Tờ khai",
            copies=1,
            file="dossiers/documents/2026/03/to-khai.pdf" if papers == "file" else "",
            reused=papers == "reused",
        )
        row.save(update_fields=["status"])  # the index follows the dossier's own saves and audit events
    if rating is not None:
        Rating.objects.create(dossier=row, rated_at=ended, satisfied=rating, score=100 if rating else 25)
    return row


def synced(row: Dossier, *states: str, at: datetime | None = None) -> None:
    """The dossier's changes in the portal sync outbox, one per state ("sent", "pending" or "failed"), at
    `at` (default: its reception) one minute apart, as the dossier services queue them (indicator 1.4)."""
    from motcua.integrations.models import PortalSync

    start = at or row.received_at or row.submitted_at
    for sequence, state in enumerate(states, start=1):
        PortalSync.objects.create(
            dossier_code=row.code,
            sequence=sequence,
            event="received" if sequence == 1 else "status",
            agency=row.competent_agency,
            occurred_at=start + timedelta(minutes=sequence - 1),
            payload={},
            state=state,
        )
