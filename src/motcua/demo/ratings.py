"""Demo ratings and payments on the demo dossiers, through the real services.

About three in five returned dossiers are rated (ballots collected at the counter, so `actor=None`), one
rating in five unsatisfied; fees of dossiers with a result are collected at the counter or by a transfer the
desk confirmed. Deterministic and idempotent: a rated dossier is not rated again, a paid one not paid again.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from motcua.dossiers import payments
from motcua.dossiers.lifecycle import ONE_STOP, Status
from motcua.dossiers.models import Dossier, Payment, PaymentMethod, PaymentStatus
from motcua.evaluation import services as ratings
from motcua.evaluation.models import Rating
from motcua.org.models import RoleAssignment

from .dossiers import ID_PREFIX

COMMENTS = ["", "", "Cán bộ hướng dẫn tận tình.", "", "Thủ tục nhanh gọn."]
UNHAPPY_COMMENTS = [
    "Phải đi lại nhiều lần mới nộp được hồ sơ.",
    "Trả kết quả chậm so với ngày hẹn.",
    "Hướng dẫn bổ sung chưa rõ ràng.",
]


def _answers(index: int, late: bool) -> tuple[dict[str, int], str]:
    unhappy = index % 5 == 0 or late
    answers = {
        "overall": (1 if index % 3 == 0 else 2) if unhappy else (4 if index % 2 else 3),
        "on_time": 1 if late else 2,
        "staff_attitude": 2 if unhappy else 4,
        "time_versus_law": 1 if late else 2,
        "visits": 3 if unhappy else 1,
        "agencies_contacted": 1,
        "publicity": 2 if unhappy else 3,
    }
    comment = UNHAPPY_COMMENTS[index % len(UNHAPPY_COMMENTS)] if unhappy else COMMENTS[index % len(COMMENTS)]
    return answers, comment


def _rate(now) -> None:
    returned = Dossier.objects.filter(applicant_id_number__startswith=ID_PREFIX, status=Status.RETURNED)
    for index, dossier in enumerate(returned.order_by("id")):
        if index % 5 in (3, 4) or Rating.objects.filter(dossier=dossier).exists():
            continue
        answers, comment = _answers(index, dossier.timeliness == "late")
        at = min(dossier.closed_at + timedelta(minutes=30), now)
        ratings.rate_dossier(actor=None, dossier=dossier, answers=answers, comment=comment, at=at)


def _desk_officer(dossier: Dossier):
    found = RoleAssignment.objects.filter(agency=dossier.receiving_agency_id, role=ONE_STOP).first()
    return found.user if found else None


def _collect(now) -> None:
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
