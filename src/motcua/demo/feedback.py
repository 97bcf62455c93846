"""Demo feedback (data/feedback.json): the desks, the channels on show, and a few dozen items, each walked
through the real services to the state the file names (`stop`), the published ones with votes.

An item is found again by its title, so a second load writes nothing. Officers are the demo's own: the
control officer of the provincial office receives; the specialist and leader of the agency routed to answer
and approve.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.feedback import services
from motcua.feedback.models import Feedback, FeedbackDesk
from motcua.feedback.rules import handling_agencies
from motcua.org.models import Agency, FeedbackChannel, Role, RoleAssignment, User

from . import records

ORDER = ["received", "accepted", "processing", "awaiting_approval", "approved", "published"]


def load() -> dict[str, int]:
    data = records.read("feedback.json")
    with transaction.atomic():
        for desk in data["desks"]:
            records.upsert(
                FeedbackDesk,
                lookup={"agency": Agency.objects.get(code=desk["agency"])},
                values={"role": desk["role"], "is_default": desk["is_default"]},
                action="feedback_desk",
            )
        for channel in data["channels"]:
            agency = Agency.objects.filter(code=channel["agency"]).first()
            if agency is not None:
                records.upsert(
                    FeedbackChannel,
                    lookup={"agency": agency, "kind": channel["kind"]},
                    values={"value": channel["value"], "position": channel["position"]},
                    action="feedback_channel",
                )
    now = timezone.now()
    for entry in data["items"]:
        if not Feedback.objects.filter(title=entry["title"]).exists():
            with transaction.atomic():
                _walk(entry, now)
    return {"feedback": Feedback.objects.count()}


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _staff(agency: Agency, roles: set[str]) -> User:
    for assignment in RoleAssignment.objects.filter(role__in=roles).select_related("user", "agency__parent"):
        if agency.pk in handling_agencies(assignment.user):
            return assignment.user
    raise LookupError(f"no {roles} for {agency.code}")


def _walk(entry: dict[str, Any], now: datetime) -> None:
    start = timezone.make_aware(datetime.combine(now.date() - timedelta(days=entry["days_ago"]), time(9)))
    clock = iter(min(start + timedelta(days=d, hours=1), now) for d in range(0, 60))
    content = {
        "kind": entry["kind"],
        "title": entry["title"],
        "content": entry["content"],
        "regulation": entry["regulation"],
        "regulation_article": entry["regulation_article"],
        "procedure": Procedure.objects.filter(national_code=entry["procedure"]).first()
        if entry["procedure"]
        else None,
    }
    if entry["channel"] == "portal":
        actor = _user(entry["account"]) if entry["account"] else AnonymousUser()
        item = services.send(actor=actor, sender=entry["sender"], content=content, at=start)
    else:
        item = services.record(
            actor=None, channel=entry["channel"], sender=entry["sender"], content=content, at=start
        )
    receiver = _user("kiemsoat")
    stop = entry["stop"]
    if stop == "refused":
        services.refuse(
            actor=receiver,
            feedback=item,
            expected_version=item.version,
            reason=entry["refusal"],
            at=next(clock),
        )
        return
    if stop == "incomplete":
        services.ask_to_complete(
            actor=receiver,
            feedback=item,
            expected_version=item.version,
            missing=entry["missing"],
            at=next(clock),
        )
        return
    agency = Agency.objects.get(code=entry["agency"])
    reached = ORDER.index(stop)
    steps = [
        lambda i: services.accept(
            actor=receiver, feedback=i, expected_version=i.version, category=entry["category"], at=next(clock)
        ),
        lambda i: services.route(
            actor=receiver, feedback=i, expected_version=i.version, agency=agency, at=next(clock)
        ),
        lambda i: services.draft_answer(
            actor=_staff(agency, {Role.SPECIALIST}),
            feedback=i,
            expected_version=i.version,
            answer=entry["answer"],
            at=next(clock),
        ),
        lambda i: services.approve(
            actor=_staff(agency, {Role.AGENCY_LEADER}), feedback=i, expected_version=i.version, at=next(clock)
        ),
        lambda i: services.publish(actor=receiver, feedback=i, expected_version=i.version, at=next(clock)),
    ]
    for step in steps[:reached]:
        item = step(item)
    for index, agrees in enumerate(entry.get("votes", [])):
        voter = _user(f"congdan{index + 1}")
        if not item.votes.filter(user=voter).exists():
            services.vote(actor=voter, feedback=item, agrees=agrees)
