"""Demo dossiers of Minh Sơn: a few hundred over the last five months, in every state, through the real
services (so codes, due dates, steps, events and audit are what production would write).

Deterministic (fixed random seed, dates counted back from the latest working day) and idempotent: nothing
is created when the demo dossiers exist. Commune procedures go to the People's Committee of Minh Sơn
(received at its centre, or at Đông Hưng's for boundary-free ones); judicial-record procedures go to the
Department of Justice through the provincial centre. Applicants get no e-mail address, so loading sends
nothing outside the outbox.
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.dossiers import deadlines, services
from motcua.dossiers.lifecycle import Status
from motcua.dossiers.models import Dossier
from motcua.org.models import AdministrativeUnit, Agency, User
from motcua.workdays import clock as office_clock
from motcua.workdays.calendar import Calendar
from motcua.workdays.duration import Duration

SEED = 20260701
COUNT = 320
# Demo applicants' ID numbers: well formed (province 001, a woman born in 1999, core.identifiers) and
# recognisable by this prefix, which the demo's later steps use to find its own dossiers.
ID_PREFIX = "001199"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hà",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phương",
    "Tâm",
    "Yến",
]
# final state: weight (returned dominates, as in real registers)
ENDINGS = [
    (Status.RETURNED, 40),
    (Status.RESULT_READY, 8),
    (Status.PROCESSING, 14),
    (Status.RECEIVED, 6),
    (Status.SUBMITTED, 6),
    (Status.SUPPLEMENT_REQUESTED, 8),
    (Status.STOPPED, 4),
    (Status.REFUSED, 5),
    (Status.WITHDRAWN, 4),
    ("extended", 5),
]


@dataclass
class Cast:
    desk: Agency
    officer: User
    specialist: User
    head: User | None
    leader: User
    procedures: list[Procedure]


def load() -> dict[str, int]:
    if Dossier.objects.filter(applicant_id_number__startswith=ID_PREFIX).exists():
        return {"dossiers": Dossier.objects.count()}
    casts = _casts()
    if not casts:
        return {"dossiers": 0}
    rng = random.Random(SEED)
    cal = deadlines.working_calendar()
    days = _working_days_back(cal, 150)
    commune = AdministrativeUnit.objects.filter(code="99001", valid_to__isnull=True).first()
    for index in range(COUNT):
        cast = rng.choices(casts, weights=[6, 2, 2])[0]
        ending = rng.choices([e for e, _w in ENDINGS], weights=[w for _e, w in ENDINGS])[0]
        recent = ending not in (Status.RETURNED, Status.STOPPED, Status.REFUSED, Status.WITHDRAWN)
        day = days[rng.randrange(0, 12 if recent else len(days))]
        start = datetime.combine(day, time(8, 0), cal.tz) + timedelta(minutes=rng.randrange(0, 480))
        _play(rng, cast, ending, start, index, commune)
    return {"dossiers": Dossier.objects.count()}


def _user(name: str) -> User | None:
    return User.objects.filter(username=name).first()


def _casts() -> list[Cast]:
    people = {
        n: _user(n)
        for n in (
            "motcua.minhson",
            "motcua.donghung",
            "motcua.tinh",
            "chuyenvien.minhson",
            "lanhdao.minhson",
            "chuyenvien.congan",
            "lanhdao.congan",
        )
    }
    if None in people.values():
        return []
    committee = Agency.objects.get(code="000.00.41.H99")
    commune_procs = list(Procedure.objects.filter(applications__agency=committee).order_by("national_code"))
    free = [p for p in commune_procs if (v := version_in_force(p)) and v.any_boundary]
    # Criminal-record certificates, issued by the provincial police since 1/3/2025.
    police = list(
        Procedure.objects.filter(
            applications__agency__code="000.00.08.H99", sector__code="G09-TP03"
        ).order_by("national_code")
    )
    return [
        Cast(
            Agency.objects.get(code="000.01.41.H99"),
            people["motcua.minhson"],
            people["chuyenvien.minhson"],
            None,
            people["lanhdao.minhson"],
            commune_procs,
        ),
        Cast(
            Agency.objects.get(code="000.01.44.H99"),
            people["motcua.donghung"],
            people["chuyenvien.minhson"],
            None,
            people["lanhdao.minhson"],
            free,
        ),
        Cast(
            Agency.objects.get(code="000.00.02.H99"),
            people["motcua.tinh"],
            people["chuyenvien.congan"],
            None,
            people["lanhdao.congan"],
            police,
        ),
    ]


def _working_days_back(cal, count: int) -> list:
    today = timezone.localdate()
    found, day = [], today - timedelta(days=1)
    while len(found) < count:
        if cal.is_working_day(day):
            found.append(day)
        day -= timedelta(days=1)
    return found


def _applicant(rng: random.Random, index: int, commune) -> services.Applicant:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return services.Applicant(
        name=name,
        id_number=f"{ID_PREFIX}{index:06d}",
        phone=f"091{rng.randrange(10**6, 10**7)}",
        address=f"Số {rng.randrange(1, 200)} đường {rng.choice(GIVEN)}",
        commune=commune,
    )


def _checklist(version):
    return [
        services.DocumentLine(name=d.name, originals=d.originals, copies=d.copies, required_document=d)
        for d in version.documents.all()
    ]


def _play(rng, cast: Cast, ending: str, start: datetime, index: int, commune) -> None:
    procedure = rng.choice(cast.procedures)
    version = version_in_force(procedure, start)
    clock = _Clock(start, rng, deadlines.working_calendar())
    common = {
        "centre": cast.desk,
        "procedure": procedure,
        "applicant": _applicant(rng, index, commune),
        "documents": _checklist(version),
    }
    if ending in (Status.SUBMITTED, Status.REFUSED) or rng.random() < 0.2:
        d = services.submit(actor=cast.officer, channel=3, at=clock.now, **common)
        if ending == Status.SUBMITTED:
            return
        if ending == Status.REFUSED:
            services.refuse(
                actor=cast.officer,
                dossier=d,
                expected_version=d.version,
                at=clock.later(2),
                reason="Hồ sơ không thuộc thẩm quyền giải quyết",
            )
            return
        d = services.receive(actor=cast.officer, dossier=d, expected_version=d.version, at=clock.later(3))
    else:
        d = services.receive_at_counter(actor=cast.officer, at=clock.now, **common)
    if ending == Status.RECEIVED:
        return
    if ending == Status.WITHDRAWN:
        services.withdraw(
            actor=cast.officer,
            dossier=d,
            expected_version=d.version,
            at=clock.later(4),
            reason="Người nộp có đơn xin rút hồ sơ",
        )
        return
    d = services.hand_over(actor=cast.officer, dossier=d, expected_version=d.version, at=clock.later(1))
    if ending == Status.SUPPLEMENT_REQUESTED or rng.random() < 0.12:
        d = services.request_supplement(
            actor=cast.specialist,
            dossier=d,
            expected_version=d.version,
            at=clock.later(6),
            missing="Bản sao giấy tờ chứng minh nơi cư trú",
        )
        if ending == Status.SUPPLEMENT_REQUESTED:
            return
        d = services.record_supplement(
            actor=cast.officer,
            dossier=d,
            expected_version=d.version,
            at=clock.later(20),
            note="Người nộp đã bổ sung tại quầy",
        )
    if ending == Status.PROCESSING:
        return
    if ending == Status.STOPPED:
        services.stop(
            actor=cast.leader,
            dossier=d,
            expected_version=d.version,
            at=clock.later(8),
            reason="Người nộp đề nghị dừng giải quyết",
        )
        return
    if ending == "extended":
        services.extend(
            actor=cast.leader,
            dossier=d,
            expected_version=d.version,
            at=min(clock.later(2), d.due_at),
            new_due_day=_later_working_day(d.due_at, 5),
            reason="Cần xác minh thông tin với cơ quan khác",
        )
        return
    d = _through_steps(rng, cast, d, clock)
    if ending == Status.RETURNED:
        services.return_result(
            actor=cast.officer,
            dossier=d,
            expected_version=d.version,
            at=clock.later(10),
            method=rng.choice(["counter", "counter", "post", "electronic"]),
        )


def _through_steps(rng, cast: Cast, d: Dossier, clock) -> Dossier:
    """Specialist (and head) hand over; the leader signs the result. One in eight runs late."""
    pace = 30 if rng.random() < 0.125 else 5
    for actor in [cast.specialist, *([cast.head] if cast.head else [])]:
        d = services.hand_over(actor=actor, dossier=d, expected_version=d.version, at=clock.later(pace))
    number = f"{rng.randrange(1, 999)}/{d.procedure_version.procedure.national_code}"
    return services.attach_result(
        actor=cast.leader,
        dossier=d,
        expected_version=d.version,
        at=clock.later(pace),
        number=number,
        signed_on=timezone.localtime(clock.now).date(),
    )


def _later_working_day(moment: datetime, count: int):
    cal = deadlines.working_calendar()
    day = timezone.localtime(moment).date()
    while count:
        day += timedelta(days=1)
        count -= cal.is_working_day(day)
    return day


class _Clock:
    """Moves forward a few office hours per action, inside office periods (no hand-over at 19:36 nor a
    result signed at 00:25, which no officer's timeline shows), and never past the last office moment
    before now."""

    def __init__(self, start: datetime, rng: random.Random, cal: Calendar) -> None:
        self.rng, self.cal = rng, cal
        self.latest = _last_office_moment(cal, timezone.now() - timedelta(minutes=1))
        self.now = min(office_clock.next_office_instant(start, cal), self.latest)

    def later(self, hours: int) -> datetime:
        worked = Decimal(str(round(self.rng.uniform(0.3, 1.0) * hours, 2)))
        moment = office_clock.add(self.now, Duration.working_hours(worked), self.cal)
        self.now = max(self.now, min(moment, self.latest))
        return self.now


def _last_office_moment(cal: Calendar, moment: datetime) -> datetime:
    """`moment` if it is office time, else the end of the last office period before it."""
    day = timezone.localtime(moment).date()
    for _ in range(60):  # Tết is the longest run of days off: about ten
        for begin, end in reversed(cal.office_periods(day)):
            if begin <= moment:
                return min(end, moment)
        day -= timedelta(days=1)
    return moment
