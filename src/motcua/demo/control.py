"""Demo plans of Minh Sơn for 2026 from data/control.json, written by control's and outreach's services: the
provincial TTHC-control plan and communication plan, two commune plans derived from them, progress at every
stage (done on time, late, awaiting review, overdue), communication activities and one submitted quarterly
report. Each part is created only when missing, so loading is idempotent.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from motcua.control import reports, services
from motcua.control.models import Plan, PlanStatus, ReportRequest, ReportTemplate, Task
from motcua.org.models import Agency
from motcua.outreach.models import ActivityKind, CommunicationActivity
from motcua.outreach.services import record_activity

from . import records


def load() -> dict[str, int]:
    data = records.read("control.json")
    agencies = {a.code: a for a in Agency.objects.all()}
    plans = {row["number"]: _provincial_plan(data, row, agencies) for row in data["plans"]}
    _activities(data, agencies, plans[data["activities_of_plan"]])
    _progress(data, plans)
    for row in data["commune_plans"]:
        _commune_plan(row, plans[row["parent"]], agencies[row["agency"]])
    _quarterly_report(data["report"], plans[data["report"]["plan"]], agencies)
    return {"plans": Plan.objects.count(), "activities": CommunicationActivity.objects.count()}


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def _provincial_plan(data: dict[str, Any], row: dict[str, Any], agencies: dict[str, Agency]) -> Plan:
    issuer = agencies[data["issuing_agency"]]
    plan = Plan.objects.filter(issuing_agency=issuer, number=row["number"]).first()
    if plan:
        return plan
    plan = services.create_plan(
        actor=None,
        kind=row["kind"],
        title=row["title"],
        issuing_agency=issuer,
        owner_agency=agencies[row["owner"]],
        year_from=data["year"],
        year_to=data["year"],
        number=row["number"],
        signer=row["signer"],
        signed_on=_day(row["signed_on"]),
        purpose=row["purpose"],
        requirements=row["requirements"],
    )
    targets = {
        target["code"]: services.add_target(
            actor=None, plan=plan, **{**target, "target_value": Decimal(str(target["target_value"]))}
        )
        for target in row["targets"]
    }
    for task in row["tasks"]:
        recurring = "recurrence" in task
        services.add_task(
            actor=None,
            plan=plan,
            content=task["content"],
            lead_agency=agencies[task["lead"]],
            supporting_agencies=[agencies[code] for code in task.get("supporting", [])],
            start_on=_day(data["tasks_start_on"]),
            due_on=None if recurring else _day(task["due_on"]),
            recurrence=task.get("recurrence", "none"),
            due_day=task.get("due_day"),
            end_on=_day(data["recurring_until"]) if recurring else None,
            expected_output=task["output"],
            targets=[targets[code] for code in task.get("targets", [])],
        )
    return services.issue_plan(actor=None, plan=plan)


def _progress(data: dict[str, Any], plans: dict[str, Plan]) -> None:
    """The reports of each occurrence the file lists: started, then completed (and accepted) when it
    says so, dated before or after the due day as the case demonstrates."""
    texts = data["progress_texts"]
    for row in data["progress"]:
        task = plans[row["plan"]].tasks.get(number=row["task"])
        occurrence = task.occurrences.get(sequence=row["occurrence"])
        if occurrence.reports.exists():
            continue
        finished = _day(row["finished"]) if "finished" in row else None
        agency = occurrence.task.lead_agency
        started = max(occurrence.period_start, min(finished or occurrence.due_on, occurrence.due_on))
        services.report_progress(
            actor=None,
            occurrence=occurrence,
            agency=agency,
            percent=min(row["percent"], texts["started_percent_at_most"]),
            text=texts["started"],
            submitted_at=_at(started, 8),
        )
        if finished is None:
            continue
        done = services.report_progress(
            actor=None,
            occurrence=occurrence,
            agency=agency,
            percent=100,
            text=texts["done"],
            output_link=texts["output_link"],
            is_completion=True,
            submitted_at=_at(finished, 15),
        )
        if row.get("accepted"):
            services.review_progress(actor=None, report=done, accept=True, comment=texts["accepted"])


def _activities(data: dict[str, Any], agencies: dict[str, Agency], plan: Plan) -> None:
    defaults = data["activity_defaults"]
    for row in data["activities"]:
        agency, held_on = agencies[row["agency"]], _day(row["held_on"])
        if CommunicationActivity.objects.filter(agency=agency, title=row["title"], held_on=held_on).exists():
            continue
        record_activity(
            actor=None,
            agency=agency,
            kind=row["kind"],
            title=row["title"],
            held_on=held_on,
            reach=row["reach"],
            channel=defaults["radio_channel"] if row["kind"] == ActivityKind.RADIO else "",
            audience=defaults["audience"],
            task=_task_for(plan, agency),
        )


def _task_for(plan: Plan, agency: Agency) -> Task | None:
    return (
        (plan.tasks.filter(lead_agency=agency) | plan.tasks.filter(supporting_agencies=agency))
        .order_by("number")
        .first()
    )


def _commune_plan(row: dict[str, Any], parent: Plan, commune: Agency) -> Plan:
    plan = Plan.objects.filter(issuing_agency=commune, number=row["number"]).first()
    if plan:
        return plan
    plan = services.derive_plan(
        actor=None,
        parent=parent,
        issuing_agency=commune,
        title=row["title"],
        number=row["number"],
        signer=f"Chủ tịch {commune.name}",
        signed_on=_day(row["signed_on"]),
    )
    plan = services.issue_plan(actor=None, plan=plan)
    first = plan.tasks.order_by("number").first()
    occurrence = first.occurrences.order_by("sequence").first() if first else None
    if occurrence is not None:
        report = row["first_report"]
        services.report_progress(
            actor=None,
            occurrence=occurrence,
            agency=commune,
            percent=report["percent"],
            text=report["text"],
            submitted_at=_at(max(occurrence.period_start, _day(report["not_before"]))),
        )
    return plan


def _quarterly_report(row: dict[str, Any], plan: Plan, agencies: dict[str, Agency]) -> None:
    period = reports.reporting_period(frequency=row["frequency"], year=plan.year_from, number=row["number"])
    template = ReportTemplate.objects.get(code=row["template"])
    request = ReportRequest.objects.filter(plan=plan, template=template, period=period).first()
    if request is None:
        request = reports.request_reports(
            actor=None,
            plan=plan,
            template=template,
            period=period,
            title=row["title"],
            agencies=[agencies[code] for code in row["agencies"]],
        )
    filed = row["filed"]
    agency = agencies[filed["agency"]]
    if plan.status == PlanStatus.ISSUED and not request.reports.filter(agency=agency).exists():
        reports.save_report(
            actor=None,
            request=request,
            agency=agency,
            number=filed["number"],
            signer=filed["signer"],
            submit=True,
            submitted_at=timezone.make_aware(datetime.fromisoformat(filed["submitted_at"])),
            values=filed["values"],
            # The ward's register predates the platform: every figure it holds differs for that reason.
            reasons=dict.fromkeys(filed["values"], filed["reason"]),
        )
