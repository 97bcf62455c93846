"""Demo contest (data/contest.json): a Hà Nội-style contest in the demo province, launched in March 2026,
entries April–September, the preliminary round in October, the final in November and the awards at the end
of November, walked through the real services with each step dated; then the register of good models.

The contest is found again by its code, so a second load writes nothing. The juror of the department of
justice sits out its division's entry, the commune juror the commune's: the conflicts rules at work.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from motcua.contest import services
from motcua.contest.models import Contest, Criterion, Entry, GoodModel, Member, Phase, Prize
from motcua.contest.workflows import Round
from motcua.org.models import Agency, User

from . import records

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _at(day: str) -> datetime:
    return datetime.combine(datetime.fromisoformat(day).date(), time(9, 30), tzinfo=VN)


def load() -> dict[str, int]:
    data = records.read("contest.json")
    if not Contest.objects.filter(code=data["contest"]["code"]).exists():
        with transaction.atomic():
            _walk(data)
    with transaction.atomic():
        _register(data["register"])
    return {"contest_entries": Entry.objects.count(), "good_models": GoodModel.objects.count()}


def _setup(data: dict[str, Any]) -> Contest:
    spec = data["contest"]
    contest = records.upsert(
        Contest,
        lookup={"code": spec["code"]},
        values={
            **{k: v for k, v in spec.items() if k != "code" and k != "organiser"},
            "organiser": Agency.objects.get(code=spec["organiser"]),
        },
        action="contest",
    )
    for kind, start, end in data["phases"]:
        records.upsert(
            Phase,
            lookup={"contest": contest, "kind": kind},
            values={"starts_on": start, "ends_on": end},
            action="contest_phase",
        )
    for order, (name, weight, maximum, guide) in enumerate(data["criteria"], start=1):
        records.upsert(
            Criterion,
            lookup={"contest": contest, "name": name},
            values={"weight": weight, "max_score": maximum, "description": guide, "order": order},
            action="contest_criterion",
        )
    for order, (name, count, amount) in enumerate(data["prizes"], start=1):
        records.upsert(
            Prize,
            lookup={"contest": contest, "name": name},
            values={"count": count, "amount": amount, "order": order},
            action="contest_prize",
        )
    for role, people in (("secretariat", data["secretariat"]), ("juror", data["jury"])):
        for username, agency, chair in people:
            records.upsert(
                Member,
                lookup={"contest": contest, "user": User.objects.get(username=username), "role": role},
                values={"agency": Agency.objects.get(code=agency), "is_chair": chair},
                action="contest_member",
            )
    return contest


def _marks(contest: Contest, values: list[Any]) -> dict[int, Decimal]:
    criteria = list(contest.criteria.order_by("order", "pk"))
    return {c.pk: Decimal(str(v)) for c, v in zip(criteria, values, strict=True)}


def _walk(data: dict[str, Any]) -> None:
    contest = _setup(data)
    secretary = User.objects.get(username=data["secretariat"][0][0])
    jurors = [User.objects.get(username=row[0]) for row in data["jury"]]
    services.launch(actor=secretary, contest=contest, at=_at(data["phases"][0][1]))
    entries = []
    for spec in data["entries"]:
        author = User.objects.get(username=spec["by"])
        entry = services.submit_entry(
            actor=author,
            contest=contest,
            data={
                "category": spec["category"],
                "title": spec["title"],
                "summary": spec["summary"],
                "description": spec["summary"],
                "author_name": author.get_full_name(),
                "organisation_name": spec.get("organisation", ""),
            },
            agency=Agency.objects.get(code=spec["agency"]) if spec.get("agency") else None,
            at=_at(spec["at"]),
        )
        eligible = not spec.get("ineligible")
        services.check_entry(
            actor=secretary,
            entry=entry,
            eligible=eligible,
            note=spec.get("ineligible", ""),
            at=_at(spec["at"]),
        )
        entries.append((entry, spec))
    services.close_entries(actor=secretary, contest=contest)
    for round_, key in ((Round.PRELIMINARY, "marks"), (Round.FINAL, "final")):
        contest.refresh_from_db()
        for entry, spec in entries:
            entry.refresh_from_db()
            if not spec.get(key):
                continue
            for juror, values in zip(jurors, spec[key], strict=True):
                if values is not None:  # None: the juror is in conflict with this entry
                    services.score_entry(
                        actor=juror, entry=entry, round=round_, marks=_marks(contest, values)
                    )
        closing = services.close_preliminary if round_ == Round.PRELIMINARY else services.close_final
        closing(actor=secretary, contest=contest)
    services.announce(actor=secretary, contest=contest, at=_at(data["phases"][4][1]))
    for entry, _spec in entries:
        entry.refresh_from_db()
        if entry.prize_id is not None:
            services.register_winner(actor=secretary, entry=entry, at=_at(data["phases"][4][1]))


def _register(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        records.upsert(
            GoodModel,
            lookup={"title": row["title"]},
            values={
                **{k: v for k, v in row.items() if k not in ("title", "agency")},
                "agency": Agency.objects.get(code=row["agency"]),
            },
            action="goodmodel",
        )
