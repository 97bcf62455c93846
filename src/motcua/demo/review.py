"""Demo review plan (data/review.json): the province's 2026 review plan with items at every stage, written
by control's and review's services: one option approved by the chairman's decision (its catalog draft
opened), one waiting for approval, one form being filled, one item not started; two draft documents sent
for opinion, one answered, explained and issued (its amended procedure's catalog draft opened), one waiting.
Found again by the plan's number, so a second load writes nothing.
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
from motcua.review.drafts import services as draft_services
from motcua.review.drafts.models import DraftRegulation
from motcua.review.inspections import services as inspection_services
from motcua.review.models import ProcedureReview, ReviewItem

from . import records


def load() -> dict[str, int]:
    data = records.read("review.json")
    row = data["plan"]
    issuer = Agency.objects.get(code=row["issuing_agency"])
    if not Plan.objects.filter(issuing_agency=issuer, number=row["number"]).exists():
        with transaction.atomic():
            _load(data, issuer)
    return {
        "review_items": ReviewItem.objects.count(),
        "reviews": ProcedureReview.objects.count(),
        "draft_regulations": DraftRegulation.objects.count(),
    }


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
    for spec in data.get("drafts", []):
        _draft(plan, manager, spec)
    for spec in data.get("inspections", []):
        _inspection(plan, manager, spec)


def _inspection(plan: Plan, manager: User, spec: dict[str, Any]) -> None:
    """An inspection with its minutes, recommendations (one done with evidence and accepted) and the cases
    it found."""
    inspection = inspection_services.plan_inspection(
        actor=manager,
        plan=plan,
        agencies=[Agency.objects.get(code=code) for code in spec["agencies"]],
        subject=spec["subject"],
        starts_on=date.fromisoformat(spec["starts_on"]),
        ends_on=date.fromisoformat(spec["ends_on"]),
    )
    minutes = spec["minutes"]
    inspection_services.record_minutes(
        actor=manager,
        inspection=inspection,
        number=minutes["number"],
        minutes_on=date.fromisoformat(minutes["on"]),
        findings=minutes["findings"],
        recommendations=[],
    )
    for entry in spec["recommendations"]:
        row = inspection_services.add_recommendation(
            actor=manager,
            inspection=inspection,
            agency=Agency.objects.get(code=entry["agency"]),
            text=entry["text"],
            due_on=date.fromisoformat(entry["due_on"]),
        )
        if "done_on" in entry:
            inspection_services.report_done(
                actor=manager,
                recommendation=row,
                done_on=date.fromisoformat(entry["done_on"]),
                evidence=entry["evidence"],
            )
        if "accepted_on" in entry:
            inspection_services.accept_report(
                actor=manager, recommendation=row, accepted_on=date.fromisoformat(entry["accepted_on"])
            )
    for entry in spec["cases"]:
        case = inspection_services.record_case(
            actor=manager,
            agency=Agency.objects.get(code=entry["agency"]),
            official=entry["official"],
            source="inspection",
            inspection=inspection,
            occurred_on=date.fromisoformat(entry["occurred_on"]),
            description=entry["description"],
        )
        inspection_services.record_measures(
            actor=manager,
            case=case,
            measures=entry["measures"],
            measures_on=date.fromisoformat(entry["measures_on"]),
        )


def _draft(plan: Plan, manager: User, spec: dict[str, Any]) -> DraftRegulation:
    """A draft document walked as far as its data goes: registered, assessed, answered, explained, issued."""
    drafter = User.objects.filter(username=spec.get("drafter", "")).first() or manager
    draft = draft_services.register_draft(
        actor=manager,
        plan=plan,
        kind=spec["kind"],
        title=spec["title"],
        issuing_body=spec["issuing_body"],
        drafting_agency=Agency.objects.get(code=spec["drafting_agency"]),
        sent_on=date.fromisoformat(spec["sent_on"]),
        received_on=date.fromisoformat(spec["received_on"]),
        procedures=[
            {"change": p["change"], "procedure": Procedure.objects.get(national_code=p["code"])}
            if "code" in p
            else {"change": p["change"], "name": p["name"]}
            for p in spec["procedures"]
        ],
    )
    rows = {(r.procedure.national_code if r.procedure else "new"): r for r in draft.procedures.all()}
    if "assessment" in spec:
        assessment = spec["assessment"]
        row = rows[assessment["code"]]
        for phase in ("before", "after"):
            draft_services.save_assessment_actions(
                actor=drafter, row=row, phase=phase, actions=assessment[phase]
            )
        draft_services.save_assessment(actor=drafter, row=row, data=assessment)
    if "answer" in spec:
        answer = spec["answer"]
        draft_services.answer(
            actor=manager,
            draft=draft,
            number=answer["number"],
            answered_on=date.fromisoformat(answer["on"]),
            text=answer["text"],
            opinions={rows[key].pk: text for key, text in answer["opinions"].items()},
        )
    if "explain" in spec:
        explained = spec["explain"]
        draft_services.explain(
            actor=drafter,
            draft=draft,
            received_on=date.fromisoformat(explained["on"]),
            text=explained["text"],
            answers={rows[key].pk: entry for key, entry in explained["answers"].items()},
        )
    if "issue" in spec:
        draft_services.record_issue(
            actor=manager,
            draft=draft,
            number=spec["issue"]["number"],
            issued_on=date.fromisoformat(spec["issue"]["on"]),
        )
    return draft


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
