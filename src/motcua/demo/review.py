"""Demo review plan (data/review.json): the province's 2026 review plan with items at every stage, written
by control's and review's services: one option approved by the chairman's decision (its catalog draft
opened), one waiting for approval, one form being filled, one item not started. Found again by the plan's
number, so a second load writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from motcua.catalog.models import Procedure
from motcua.control import services as control_services
from motcua.control.models import Plan, PlanKind
from motcua.org.models import Agency, User
from motcua.review import services
from motcua.review.models import ProcedureReview, ReviewItem

from . import records


def load() -> dict[str, int]:
    data = records.read("review.json")
    row = data["plan"]
    issuer = Agency.objects.get(code=row["issuing_agency"])
    if not Plan.objects.filter(issuing_agency=issuer, number=row["number"]).exists():
        with transaction.atomic():
            _load(data, issuer)
    return {"review_items": ReviewItem.objects.count(), "reviews": ProcedureReview.objects.count()}


def _load(data: dict[str, Any], issuer: Agency) -> None:
    row = data["plan"]
    plan = control_services.create_plan(
        actor=None,
        kind=PlanKind.REVIEW,
        title=row["title"],
        issuing_agency=issuer,
        owner_agency=Agency.objects.get(code=row["owner"]),
        year_from=row["year"],
        year_to=row["year"],
        number=row["number"],
        signer=row["signer"],
        signed_on=date.fromisoformat(row["signed_on"]),
    )
    walked: list[tuple[dict[str, Any], ProcedureReview]] = []
    for entry in data["items"]:
        procedures = [Procedure.objects.get(national_code=code) for code in entry["codes"]]
        item = services.add_item(
            actor=None,
            plan=plan,
            procedures=procedures,
            reviewing_agency=Agency.objects.get(code=entry["agency"]),
            due_on=date.fromisoformat(entry["due_on"]),
            group_name=entry.get("group_name", ""),
            start_on=date.fromisoformat(row["start_on"]),
        )
        reviewer = User.objects.filter(username=entry.get("reviewer", "")).first()
        for spec in entry["reviews"]:
            procedure = next(p for p in procedures if p.national_code == spec["code"])
            walked.append((spec, _fill(reviewer, item, procedure, spec)))
    control_services.issue_plan(actor=None, plan=plan)
    manager = User.objects.get(username=data["manager"])
    approved = [review for spec, review in walked if spec["stop"] == "approved"]
    decision = data["decision"]
    services.approve(
        actor=manager,
        plan=plan,
        number=decision["number"],
        signed_on=date.fromisoformat(decision["signed_on"]),
        signer=decision["signer"],
        reviews=approved,
    )


def _fill(
    reviewer: User | None, item: ReviewItem, procedure: Procedure, spec: dict[str, Any]
) -> ProcedureReview:
    review = services.start_review(actor=reviewer, item=item, procedure=procedure)
    if spec["parts"]:
        services.save_parts(actor=reviewer, review=review, parts=spec["parts"])
    services.save_actions(actor=reviewer, review=review, phase="before", actions=spec["before"])
    services.save_actions(actor=reviewer, review=review, phase="after", actions=spec["after"])
    review = services.save_form(
        actor=reviewer,
        review=review,
        data={
            "proposal": spec["proposal"],
            "option_text": spec.get("option_text", ""),
            "reason": spec.get("reason", ""),
            "implementation": spec.get("implementation", ""),
            "subjects": spec["subjects"] or review.subjects,
        },
    )
    if spec["stop"] in ("submitted", "approved"):
        review = services.submit(actor=reviewer, review=review)
    return review
