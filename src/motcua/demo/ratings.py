"""Demo ratings and payments on the demo dossiers, through the real services.

About three in five returned dossiers are rated (ballots collected at the counter, so `actor=None`) with
the answers and comments of data/ratings.json, one rating in five unsatisfied; fees of dossiers with a
result are collected at the counter or by a transfer the desk confirmed. Deterministic and idempotent: a
rated dossier is not rated again, a paid one not paid again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from motcua.dossiers import payments
from motcua.dossiers.lifecycle import ONE_STOP, Status
from motcua.dossiers.models import Dossier, Payment, PaymentMethod, PaymentStatus
from motcua.dossiers.timeliness import is_late
from motcua.evaluation import services as ratings
from motcua.evaluation.models import Rating
from motcua.org.models import RoleAssignment, User

from . import records
from .dossiers import ID_PREFIX


def _nth(value: Any, index: int) -> Any:
    """A list in the file is taken in turn (ballot n gets item n, round and round)."""
    return value[index % len(value)] if isinstance(value, list) else value


def _ballot(ballots: dict[str, Any], index: int, late: bool) -> tuple[dict[str, int], str]:
    """The answers and comment of ballot `index`: every fifth one, and every late dossier's, unsatisfied."""
    profile = ballots["unsatisfied" if index % 5 == 0 or late else "satisfied"]
    answers = {code: _nth(value, index) for code, value in profile["answers"].items()}
    if late:
        answers.update(ballots["late"])
    return answers, _nth(profile["comments"], index)


def _rate(now: datetime) -> None:
    ballots = records.read("ratings.json")
    returned = Dossier.objects.filter(applicant_id_number__startswith=ID_PREFIX, status=Status.RETURNED)
    for index, dossier in enumerate(returned.order_by("id")):
        if index % 5 in (3, 4) or Rating.objects.filter(dossier=dossier).exists():
            continue
        answers, comment = _ballot(ballots, index, is_late(dossier.timeliness))
        at = min(dossier.closed_at + timedelta(minutes=30), now)
        ratings.rate_dossier(actor=None, dossier=dossier, answers=answers, comment=comment, at=at)


def _desk_officer(dossier: Dossier) -> User | None:
    found = RoleAssignment.objects.filter(agency=dossier.receiving_agency_id, role=ONE_STOP).first()
    return found.user if found else None


def _collect(now: datetime) -> None:
    with_result = Dossier.objects.filter(
        applicant_id_number__startswith=ID_PREFIX,
        status__in=(Status.RESULT_READY, Status.RETURNED),
        fee_due__gt=0,
        paid=False,
    )
    for dossier in with_result.order_by("id"):
        officer = _desk_officer(dossier)
        if officer is None or dossier.pk % 7 == 6:  # a few still owe the fee
            continue
        transfer = dossier.pk % 3 == 0
        payments.confirm_payment(
            actor=officer,
            dossier=dossier,
            method=PaymentMethod.BANK_TRANSFER if transfer else PaymentMethod.COUNTER,
            reference=f"FT{dossier.code[-8:]}" if transfer else "",
            at=min((dossier.closed_at or dossier.processing_ended_at or now), now),
        )


def load() -> dict[str, int]:
    now = timezone.now()
    with transaction.atomic():
        _rate(now)
    with transaction.atomic():
        _collect(now)
    return {
        "ratings": Rating.objects.count(),
        "payments": Payment.objects.filter(status=PaymentStatus.CONFIRMED).count(),
    }
