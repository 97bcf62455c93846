"""Bulk dossiers for the benchmarks: N rows (default 1,000,000) COPYed straight into PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_dossiers_bench python bench/dossiers_generate.py
    python bench/dossiers_generate.py --total 200000     # then --total 1000000 to grow the same database

Needs a migrated database with the demo province (`motcua migrate && motcua load_demo`). `--total` tops the
bulk rows up to that many (nothing to do when they are there), so one database is measured at two sizes.
Rows spread over the eight commune centres and the provincial centre, the 365 days before today, every
state in realistic proportions (most returned), verdicts (early / on time / late from the days taken),
channels (a third online), fees paid online, reused data and identity checks; one timeline event each, the
steps of every dossier still open (what actions and queues read), the daily code counters that match, and
the service index's per-day aggregates rebuilt by its own `rebuild` (what the home page and the index read).
Due dates are "received + 3 days" rather than the working calendar: the benchmarks read and write rows, they
do not check deadlines. Deterministic (fixed seed per batch).
"""

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from motcua.catalog.models import ProcedureVersion  # noqa: E402
from motcua.dossiers.models import DailyCounter  # noqa: E402
from motcua.org.models import Agency  # noqa: E402
from motcua.serviceindex.aggregates import rebuild  # noqa: E402

MARK = "0880"  # ID-number prefix of bulk applicants
STATUSES = [
    ("returned", 70),
    ("result_ready", 4),
    ("processing", 8),
    ("received", 3),
    ("submitted", 2),
    ("supplement_requested", 3),
    ("stopped", 3),
    ("refused", 4),
    ("withdrawn", 3),
]
COLUMNS = [
    "code",
    "status",
    "paused_status",
    "version",
    "channel",
    "procedure_id",
    "procedure_version_id",
    "receiving_agency_id",
    "competent_agency_id",
    "current_agency_id",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "result_by_post",
    "submitted_at",
    "received_at",
    "clock_started_at",
    "due_at",
    "supplement_requests",
    "missing_documents",
    "processing_ended_at",
    "timeliness",
    "closed_at",
    "result_number",
    "result_signer",
    "result_file",
    "return_method",
    "fee_due",
    "paid",
    "paid_online",
    "reused_data",
    "identity_verified",
    "extensions",
]


def sites() -> list[dict]:
    """Each commune: its centre, committee, a division; plus the provincial centre for the Justice dept."""
    found = []
    for n in range(41, 49):
        committee = Agency.objects.get(code=f"000.00.{n}.H99")
        versions = list(
            ProcedureVersion.objects.filter(
                decision__isnull=False, procedure__applications__agency=committee
            ).values_list("procedure_id", "id")
        )
        found.append(
            {
                "centre": Agency.objects.get(code=f"000.01.{n}.H99"),
                "committee": committee,
                "division": Agency.objects.get(code=f"000.03.{n}.H99"),
                "versions": versions,
            }
        )
    return found


def rows(first: int, count: int, rng: random.Random, places: list[dict], counters: dict):
    """Row tuples; `counters` collects the last sequence per (centre, day) for the code counters."""
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    statuses, weights = zip(*STATUSES, strict=True)
    for index in range(first, first + count):
        place = places[index % len(places)]
        procedure_id, version_id = place["versions"][index % len(place["versions"])]
        status = rng.choices(statuses, weights)[0]
        # open dossiers are recent, closed ones anywhere in the year
        back = (
            rng.randrange(1, 20)
            if status in ("processing", "received", "submitted", "supplement_requested", "result_ready")
            else rng.randrange(1, 366)
        )
        submitted = today - timedelta(days=back, minutes=-rng.randrange(0, 540))
        day = (submitted + timedelta(hours=7)).strftime("%y%m%d")
        centre = place["centre"]
        counters[(centre.pk, day)] += 1
        received = None if status in ("submitted",) else submitted
        due = submitted + timedelta(days=3)
        ended = (
            submitted + timedelta(days=rng.choice([1, 2, 2, 3, 3, 3, 4]), hours=rng.choice([0, 0, 5]))
            if status in ("returned", "result_ready", "stopped", "refused")
            else None
        )
        closed = (
            ended + timedelta(hours=3)
            if status in ("returned", "stopped", "refused", "withdrawn") and ended
            else None
        )
        current = {"processing": place["division"], "supplement_requested": place["division"]}.get(
            status, centre
        )
        yield (
            f"{centre.code}-{day}-{counters[(centre.pk, day)]:04d}",
            status,
            "processing" if status == "supplement_requested" else "",
            1 + rng.randrange(0, 6),
            1 if index % 3 else 2,
            procedure_id,
            version_id,
            centre.pk,
            place["committee"].pk,
            current.pk,
            f"Người nộp {index}",
            f"{MARK}{index:08d}",
            f"09{rng.randrange(10**7, 10**8)}",
            "",
            f"Số {index % 500} đường Minh Sơn",
            False,
            submitted,
            received,
            submitted,
            due,
            0,
            "",
            ended,
            verdict(ended, due) if ended and status != "refused" else "",
            closed,
            "1/KQ" if ended else "",
            "Lãnh đạo" if ended else "",
            "",
            "counter" if status == "returned" else "",
            0 if index % 4 else 50_000,
            index % 4 == 0 and ended is not None,
            index % 8 == 0 and ended is not None,
            index % 5 == 0,
            index % 3 == 0,
            0,
        )


def verdict(ended: datetime, due: datetime) -> str:
    if ended > due:
        return "late"
    return "on_time" if due - ended < timedelta(days=1) else "early"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=int, default=1_000_000, help="bulk dossiers wanted in the table")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only (COPY).")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM dossiers_dossier WHERE applicant_id_number LIKE %s",
            [MARK + "%"],
        )
        there, last_id = cursor.fetchone()
    count = args.total - there
    if count <= 0:
        print(f"{there:,} bulk dossiers already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261122 + there)
    places = sites()  # before COPY: the connection can run nothing else while it copies
    counters: dict[tuple[int, str], int] = defaultdict(int)
    # Continue after codes already issued (the demo dossiers), so codes stay unique and gapless.
    for agency_id, day, last in DailyCounter.objects.values_list("agency_id", "day", "last"):
        counters[(agency_id, day.strftime("%y%m%d"))] = last
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY dossiers_dossier ({', '.join(COLUMNS)}) FROM STDIN") as copy,
    ):
        for row in rows(there, count, rng, places, counters):
            copy.write_row(row)
    copied = time.perf_counter()
    new = "applicant_id_number LIKE %s AND id > %s"
    new_d = "d.applicant_id_number LIKE %s AND d.id > %s"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dossiers_dossierevent (dossier_id, occurred_at, actor_label, action, from_status,"
            " to_status, to_agency_id, timeliness, reason)"
            " SELECT id, submitted_at, 'bulk', 'receive_at_counter', '', 'received', receiving_agency_id,"
            f" '', '' FROM dossiers_dossier WHERE {new}",
            [MARK + "%", last_id],
        )
        # The four steps of the commune's birth-registration process for every open dossier (the rows
        # hand-overs and queues touch); closed ones keep only their events, as after an archive.
        cursor.execute(
            "INSERT INTO dossiers_dossierstep (dossier_id, position, name, agency_id, role, duration,"
            " duration_unit, signs_result, started_at, due_at, finished_at, timeliness)"
            " SELECT d.id, s.position, s.name, CASE WHEN s.position IN (2, 3) THEN d.current_agency_id"
            " ELSE d.receiving_agency_id END, s.role, 8, 'h', s.position = 3,"
            " CASE WHEN s.position = 1 THEN d.received_at END, d.due_at, NULL, ''"
            " FROM dossiers_dossier d CROSS JOIN (VALUES (1, 'Tiếp nhận', 'one_stop_officer'),"
            " (2, 'Thẩm định', 'specialist'), (3, 'Phê duyệt', 'agency_leader'),"
            " (4, 'Trả kết quả', 'one_stop_officer')) AS s(position, name, role)"
            f" WHERE {new_d} AND d.status IN ('received', 'processing', 'supplement_requested',"
            " 'result_ready', 'submitted')",
            [MARK + "%", last_id],
        )
        cursor.execute(
            "UPDATE dossiers_dossier d SET current_step_id = s.id FROM dossiers_dossierstep s"
            f" WHERE s.dossier_id = d.id AND s.position = 1 AND {new_d}",
            [MARK + "%", last_id],
        )
        cursor.executemany(
            "INSERT INTO dossiers_dailycounter (agency_id, day, last) VALUES (%s, to_date(%s, 'YYMMDD'), %s)"
            " ON CONFLICT (agency_id, day)"
            " DO UPDATE SET last = GREATEST(dossiers_dailycounter.last, EXCLUDED.last)",
            [(agency, day, last) for (agency, day), last in counters.items()],
        )
        cursor.execute("ANALYZE")
    done = time.perf_counter()
    index = rebuild()
    rebuilt = time.perf_counter()
    print(
        f"{count:,} dossiers copied in {copied - started:.0f} s; events, steps, counters, ANALYZE "
        f"{done - copied:.0f} s; the index's aggregates rebuilt ({index.rows:,} rows for "
        f"{index.dossiers:,} dossiers) in {rebuilt - done:.0f} s; total {rebuilt - started:.0f} s"
    )


if __name__ == "__main__":
    main()
