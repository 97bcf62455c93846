"""Feedback (issue 15) and service index (issue 16) benchmarks, measured as `scale_bench.py` measures: CPU per
operation of the application and of its PostgreSQL backend (/proc), statements, and raw SQL in the same run.

    export DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_scale_bench
    python bench/dossiers_generate.py --total 1000000     # the dossiers the index counts
    flock /tmp/motcua-tests.lock python bench/feedback_index_bench.py --feedback 200000 --ops 60

- **Feedback**: `--feedback` items COPYed once (tops up to that many), spread over the demo's handling
  agencies, sectors and the last two years, in every status (about half published); the service index's
  feedback aggregate is then rebuilt (`--rebuild-feedback` rebuilds it alone, for a database migrated
  to a version that adds it). Measured: the public
  list filtered by a sector (anonymous, first page) and the provincial receiving officer's queue (open
  items, most urgent first), each against the statements it ran, replayed raw.
- **Service index**: the public page for the province's year (the province, every agency and every
  commune, ranked, with the change from the year before) and one agency's month on the officer's page,
  each against the single GROUP BY over the dossier table that computes the same counts (received,
  by channel, on time, paid online, reused, identity checked) for the same period: the scan the per-day
  aggregates replace.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime, timedelta

from scale_bench import Client, User, connection, machine, measure, ok  # sets up Django

# isort: split
from motcua.catalog.models import Sector
from motcua.dossiers.models import Dossier
from motcua.feedback.models import Feedback
from motcua.org.models import Agency
from motcua.serviceindex import feedback_aggregates

MARK = "BF"  # code prefix of bulk feedback
STATUSES = [
    ("published", 50),
    ("processing", 12),
    ("received", 6),
    ("accepted", 5),
    ("awaiting_approval", 5),
    ("approved", 4),
    ("incomplete", 6),
    ("refused", 12),
]
COLUMNS = [
    "code",
    "kind",
    "channel",
    "status",
    "version",
    "external_id",
    "sender_kind",
    "sender_name",
    "sender_address",
    "sender_phone",
    "sender_email",
    "title",
    "content",
    "proposal",
    "regulation",
    "regulation_article",
    "category",
    "sector_id",
    "receiving_agency_id",
    "agency_id",
    "received_at",
    "due_at",
    "handle_due_at",
    "missing_content",
    "refusal_reason",
    "answer",
    "approved_at",
    "handled_late",
    "published_at",
    "agree_count",
    "disagree_count",
]


def generate(total: int) -> None:
    there = Feedback.objects.filter(code__startswith=MARK).count()
    if there >= total:
        print(f"{there:,} bulk feedback items already there")
        return
    started = time.perf_counter()
    rng = random.Random(15 + there)
    sectors = list(Sector.objects.values_list("pk", flat=True))
    office = Agency.objects.get(code="000.00.01.H99")
    handlers = list(
        Agency.objects.filter(code__regex=r"^000\.00\.(0[2-9]|4[1-8])\.H99$").values_list("pk", flat=True)
    )
    statuses, weights = zip(*STATUSES, strict=True)
    now = datetime.now(UTC)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY feedback_feedback ({', '.join(COLUMNS)}) FROM STDIN") as copy,
    ):
        for n in range(there, total):
            status = rng.choices(statuses, weights)[0]
            received = now - timedelta(days=rng.randrange(1, 730), minutes=rng.randrange(0, 600))
            done = status in ("published", "approved")
            copy.write_row(
                (
                    f"{MARK}{n:08d}",
                    "report" if n % 3 else "proposal",
                    ("portal", "national_portal", "letter", "phone", "email")[n % 5],
                    status,
                    1,
                    "",
                    "person",
                    f"Người gửi {n}",
                    "",
                    f"09{n % 10**8:08d}",
                    "",
                    f"Phản ánh về thủ tục {n % 997}",
                    "Nội dung phản ánh về quy định hành chính, yêu cầu thêm giấy tờ không có trong quy định.",
                    "",
                    "Nghị định 63/2010/NĐ-CP",
                    "Điều 8",
                    "regulation" if n % 4 else "conduct",
                    sectors[n % len(sectors)] if status != "received" else None,
                    office.pk,
                    handlers[n % len(handlers)] if status not in ("received", "incomplete") else office.pk,
                    received,
                    received + timedelta(days=10),
                    received + timedelta(days=20),
                    "",
                    "Khiếu nại, giải quyết theo Luật Khiếu nại." if status == "refused" else "",
                    "Cơ quan đã xem xét và trả lời như sau." if done else "",
                    received + timedelta(days=12) if done else None,
                    done and n % 9 == 0,
                    received + timedelta(days=13) if status == "published" else None,
                    n % 7,
                    n % 3,
                )
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE feedback_feedback")
    print(f"{total - there:,} feedback items copied in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    counted = feedback_aggregates.FEEDBACK.rebuild()  # COPY bypasses the listeners: recount
    print(f"feedback aggregate rebuilt: {counted.rows:,} rows in {time.perf_counter() - started:.0f} s")


def feedback_paths(n: int) -> None:
    anonymous = Client()
    officer = Client()
    officer.force_login(User.objects.get(username="kiemsoat"))
    sector = (
        Feedback.objects.filter(code__startswith=MARK, status="published")
        .values_list("sector_id", flat=True)
        .first()
    )
    for name, client, url in (
        ("feedback: public list, one sector", anonymous, f"/phan-anh/?sector={sector}"),
        ("feedback: public list, everything", anonymous, "/phan-anh/"),
        ("feedback: officer queue (provincial office)", officer, "/phan-anh/can-bo/"),
    ):
        print(measure(name, [lambda c=client, u=url: ok(c.get(u))] * n).line(), flush=True)


# The counts the index's dossier indicators need, straight from the dossier table for one period.
GROUP_BY = (
    "SELECT d.competent_agency_id, count(*) AS received,"
    " count(*) FILTER (WHERE d.channel = 2) AS online,"
    " count(*) FILTER (WHERE d.processing_ended_at IS NOT NULL) AS ended,"
    " count(*) FILTER (WHERE d.timeliness IN ('early', 'on_time')) AS on_time,"
    " count(*) FILTER (WHERE d.fee_due > 0) AS with_fee,"
    " count(*) FILTER (WHERE d.paid_online) AS paid_online,"
    " count(*) FILTER (WHERE d.reused_data) AS reused,"
    " count(*) FILTER (WHERE d.identity_verified) AS identity"
    " FROM dossiers_dossier d WHERE d.received_at >= %s AND d.received_at < %s{agency}"
    " GROUP BY d.competent_agency_id"
)


def index_paths(n: int) -> None:
    today = datetime.now(UTC).date()
    y, m = today.year, today.month
    anonymous = Client()
    leader = Client()
    leader.force_login(User.objects.get(username="lanhdao.minhson"))
    agency = Agency.objects.get(code="000.00.41.H99")
    start_y, end_y = datetime(y, 1, 1, tzinfo=UTC), datetime(y + 1, 1, 1, tzinfo=UTC)
    start_m = datetime(y, m, 1, tzinfo=UTC)
    end_m = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=UTC)
    year_raw = [
        (GROUP_BY.format(agency=""), [start_y, end_y]),
        (GROUP_BY.format(agency=""), [start_y.replace(year=y - 1), start_y]),  # the year before
    ]
    month_raw = [(GROUP_BY.format(agency=" AND d.competent_agency_id = %s"), [start_m, end_m, agency.pk])]
    year_url = f"/chi-so-phuc-vu/?ky=year&nam={y}"
    month_url = f"/chi-so-phuc-vu/quan-ly/co-quan/{agency.pk}/?ky=month&nam={y}&thang={m}"
    ops = max(5, n // 6)
    print(
        measure(
            "index: province year, every agency and commune (public page)",
            [lambda: ok(anonymous.get(year_url))] * ops,
            raw=year_raw,
        ).line(),
        flush=True,
    )
    print(
        measure(
            "index: one agency's month (officer page)", [lambda: ok(leader.get(month_url))] * n, raw=month_raw
        ).line(),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feedback", type=int, default=200_000, help="bulk feedback items wanted")
    parser.add_argument("--ops", type=int, default=60)
    parser.add_argument("--only", choices=["feedback", "index"], default=None)
    parser.add_argument("--rebuild-feedback", action="store_true", help="rebuild the feedback aggregate")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only.")
    if args.rebuild_feedback:
        started = time.perf_counter()
        counted = feedback_aggregates.FEEDBACK.rebuild()
        sys.exit(f"feedback aggregate: {counted.rows:,} rows in {time.perf_counter() - started:.0f} s")
    if args.only != "index":
        generate(args.feedback)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    print(f"dossiers: {Dossier.objects.count():,}; feedback items: {Feedback.objects.count():,}")
    print(
        "| path | CPU per op, ours | statements | raw SQL, CPU per op | ours / raw | wall p50 / p95 |\n"
        "|---|---|---|---|---|---|"
    )
    if args.only != "index":
        feedback_paths(args.ops)
    if args.only != "feedback":
        index_paths(args.ops)


if __name__ == "__main__":
    main()
