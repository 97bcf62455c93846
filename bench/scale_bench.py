"""CPU per operation and statements per operation on the paths issue 23 names, each next to the same SQL run
raw in the same run.

    export DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_scale_bench
    motcua migrate && motcua load_demo && python bench/dossiers_generate.py --total 200000
    flock /tmp/motcua-tests.lock python bench/scale_bench.py --ops 100

What is measured, for each path, through Django's test client in this process (middleware, view, template or
serializer, database; no network, one client):
- **CPU per operation** from the kernel's per-process accounting (`/proc/<pid>/stat`, user + system): this
  process (the application) and the PostgreSQL backend serving its connection. CPU time is what an operation
  costs whatever else runs on the machine; wall-clock p50/p95 are printed too but on a shared machine they
  measure the neighbours as much as the code.
- **statements** the operation sends (SAVEPOINT/RELEASE left out), from a separate pass.
- **raw SQL**: the statements the operation sent, captured with their parameters (`execute_wrapper`) in a
  pass whose transaction is rolled back, replayed through a plain psycopg connection with the same
  parameters (prepared after five uses, as the application's connection is), in a transaction rolled back
  again; the CPU of that client and of its backend. The ratio ours / raw is what Django, DRF, templates and
  our Python cost on top of the SQL itself.

Paths: reception (API POST), hand-over (API, the dossiers the receptions made), queue page (HTML, "mine"),
tracking (API, random bulk codes), home page (anonymous), list API (first page), control dashboard and
emulation scorecard (provincial control officer). Writes stay in the database (dossiers of today).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

import dossiers_bench  # noqa: E402  (the machine line)
from motcua.catalog.models import Procedure  # noqa: E402
from motcua.catalog.selectors import version_in_force  # noqa: E402
from motcua.dossiers.models import Dossier  # noqa: E402
from motcua.org.models import Agency, User  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
PROCEDURE = "1.001193"  # Đăng ký khai sinh, a commune procedure with a 4-step process
BULK = "0880"  # applicant id prefix of the generator's rows


def cpu_seconds(pid: int | str = "self") -> float:
    """User + system CPU of a process, from /proc (fields 14 and 15, after the command name)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def dsn() -> str:
    db = settings.DATABASES["default"]
    return f"host={db['HOST']} port={db['PORT']} dbname={db['NAME']} user={db['USER']}"


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


class Rollback(Exception):
    pass


@contextmanager
def captured_and_rolled_back(sink: list):
    """Run the block in a transaction rolled back, collecting (sql, params, many) of every statement."""

    def wrapper(execute, sql, params, many, context):
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):
            sink.append((sql, params, many))
        return execute(sql, params, many, context)

    try:
        with transaction.atomic(), connection.execute_wrapper(wrapper):
            yield
            raise Rollback
    except Rollback:
        pass


@dataclass
class Result:
    name: str
    n: int
    app_ms: float
    pg_ms: float
    statements: float
    p50: float
    p95: float
    raw_client_ms: float = 0.0
    raw_pg_ms: float = 0.0
    replay_errors: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.app_ms + self.pg_ms

    @property
    def raw_total(self) -> float:
        return self.raw_client_ms + self.raw_pg_ms

    def line(self) -> str:
        ratio = f"x{self.total / self.raw_total:.1f}" if self.raw_total else "-"
        return (
            f"| {self.name} | {self.total:.2f} ms ({self.app_ms:.2f} app + {self.pg_ms:.2f} PG) "
            f"| {self.statements:.1f} | {self.raw_total:.2f} ms "
            f"({self.raw_client_ms:.2f} + {self.raw_pg_ms:.2f} PG)"
            f" | {ratio} | {self.p50:.1f} / {self.p95:.1f} ms |"
            + (f" {self.replay_errors} statements failed to replay" if self.replay_errors else "")
        )


def measure(name: str, ops: list[Callable[[], object]], raw: list | None = None) -> Result:
    """Warm up on the first three ops; count and capture the statements of up to 20 of the others in
    transactions rolled back, replay them raw (or run `raw`, a list of (sql, params) that does the same
    work another way: one op's worth); then time the others for real."""
    for op in ops[:3]:
        op()
    ops = ops[3:]
    captured: list[list] = []
    for op in ops[:20]:
        sink: list = []
        with captured_and_rolled_back(sink):
            op()
        captured.append(sink)
    statements = sum(len(s) for s in captured) / len(captured)
    if raw is not None:
        captured = [[(sql, params, False) for sql, params in raw]]
    raw_client, raw_pg, errors = replay(captured, repeat=max(1, len(ops) // len(captured)))
    pid = backend_pid()
    times = []
    app0, pg0 = cpu_seconds(), cpu_seconds(pid)
    for op in ops:
        began = time.perf_counter()
        op()
        times.append(time.perf_counter() - began)
    app, pg = cpu_seconds() - app0, cpu_seconds(pid) - pg0
    n = len(ops)
    return Result(
        name,
        n,
        app / n * 1000,
        pg / n * 1000,
        statements,
        pct(times, 0.5),
        pct(times, 0.95),
        raw_client,
        raw_pg,
        errors,
    )


def replay(captured: list[list], repeat: int) -> tuple[float, float, int]:
    """CPU per op (client, backend) of the captured statements run through plain psycopg, rolled back."""
    with psycopg.connect(dsn(), prepare_threshold=5) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        conn.rollback()
        # Warm up as the application's connection is: catalog caches filled, hot statements prepared.
        for _ in range(6):
            _run(conn, captured[:1])
        client0, pg0 = cpu_seconds(), cpu_seconds(pid)
        errors = sum(_run(conn, captured) for _ in range(repeat))
        client, pg = cpu_seconds() - client0, cpu_seconds(pid) - pg0
    runs = repeat * len(captured)
    return client / runs * 1000, pg / runs * 1000, errors // repeat


def _run(conn: psycopg.Connection, captured: list[list]) -> int:
    """Each op's statements in a transaction rolled back; the number of ops that failed."""
    errors = 0
    for statements in captured:
        try:
            with conn.cursor() as cur:
                for sql, params, many in statements:
                    if many:
                        cur.executemany(sql, params)
                    else:
                        cur.execute(sql, params)
                        if cur.description is not None:
                            cur.fetchall()
        except psycopg.Error:
            errors += 1
        conn.rollback()
    return errors


# ------------------------------------------------------------------------------------------------ paths


def api_client(username: str) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=User.objects.get(username=username))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def ok(response, *codes: int):
    assert response.status_code in (codes or (200,)), (response.status_code, response.content[:300])
    return response


def reception_ops(n: int, api: APIClient) -> tuple[list[Callable], list[str]]:
    centre = Agency.objects.get(code="000.01.41.H99")
    procedure = Procedure.objects.get(national_code=PROCEDURE)
    docs = [
        {"required_document": d.pk, "name": d.name, "originals": d.originals, "copies": d.copies}
        for d in version_in_force(procedure).documents.all()
    ]
    made: list[str] = []
    start = int(time.time()) % 100_000 * 1000

    def receive(k: int) -> Callable:
        def op():
            body = {
                "centre": centre.code,
                "procedure": procedure.national_code,
                "applicant_name": f"Bench {start + k}",
                "applicant_id_number": f"001{(start + k) % 10**9:09d}",
                "applicant_phone": f"09{(start + k) % 10**8:08d}",
                "documents": docs,
            }
            made.append(ok(api.post("/api/v1/dossiers/", body, format="json"), 201, 200).json()["id"])

        return op

    return [receive(k) for k in range(n)], made


def hand_over_ops(api: APIClient, count: int) -> list[Callable]:
    """Hand-overs of dossiers received today at the centre and still there (made by the receptions)."""
    rows = list(
        Dossier.objects.filter(
            status="received", applicant_name__startswith="Bench ", current_agency__code="000.01.41.H99"
        )
        .order_by("-pk")
        .values_list("pk", "version")[: count + 3]
    )
    if len(rows) < count + 3:
        sys.exit("not enough received dossiers to hand over: run the receptions first")

    def hand_over(pk: int, version: int) -> Callable:
        def op():  # the captures are rolled back, so the version read here is still the dossier's
            ok(api.post(f"/api/v1/dossiers/{pk}/hand-over/", {"expected_version": version}, format="json"))

        return op

    return [hand_over(pk, v) for pk, v in rows]


def reads(n: int) -> dict[str, list[Callable]]:
    officer = Client()
    officer.force_login(User.objects.get(username="motcua.minhson"))
    control = Client()
    control.force_login(User.objects.get(username="kiemsoat"))
    anonymous = Client()
    api_officer = api_client("motcua.minhson")
    api_admin = api_client("kiemsoat")
    settings.MOTCUA_TRACKING_LIMIT = (10**9, 60)
    bulk = Dossier.objects.filter(applicant_id_number__startswith=BULK)
    ends = bulk.order_by("pk").values_list("pk", flat=True)
    low, high = ends[:1][0], bulk.order_by("-pk").values_list("pk", flat=True)[:1][0]
    picks = random.Random(7).sample(range(low, high + 1), n * 2)
    codes = list(bulk.filter(pk__in=picks).values_list("code", "applicant_phone"))[:n]
    year = time.localtime().tm_year

    def get(client, url, **extra):
        return lambda: ok(client.get(url, **extra))

    return {
        "queue page (HTML, mine, 25 rows)": [get(officer, "/ho-so/?q=mine")] * n,
        "tracking (API)": [
            get(anonymous, f"/api/v1/dossiers/track/?code={code}&last4={phone[-4:]}") for code, phone in codes
        ],
        "home page (anonymous)": [get(anonymous, "/")] * n,
        "list API, first page (one-stop officer)": [get(api_officer, "/api/v1/dossiers/")] * n,
        "list API, first page (provincial control officer)": [get(api_admin, "/api/v1/dossiers/")] * n,
        "control dashboard": [get(control, f"/kiem-soat/tong-quan/?nam={year}")] * max(10, n // 4),
        "emulation scorecard": [get(control, "/kiem-soat/thi-dua/")] * max(10, n // 4),
    }


def machine() -> str:
    load = Path("/proc/loadavg").read_text().split()[:3]
    return f"{dossiers_bench.machine()}; load average {' '.join(load)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=100, help="operations timed per path")
    parser.add_argument("--only", default="", help="run only the paths whose name contains this")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only.")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    print(f"dossiers in the table: {Dossier.objects.count():,}")
    print(
        "| path | CPU per op, ours | statements | same SQL raw, CPU per op | ours / raw | wall p50 / p95 |\n"
        "|---|---|---|---|---|---|"
    )
    n = args.ops
    api = api_client("motcua.minhson")
    paths: list[tuple[str, Callable[[], list[Callable]]]] = [
        ("reception (API)", lambda: reception_ops(n + 3, api)[0]),
        ("hand-over (API)", lambda: hand_over_ops(api, n)),
    ]
    for name, ops in reads(n).items():
        paths.append((name, lambda ops=ops: ops))
    for name, build in paths:
        if args.only and args.only not in name:
            continue
        print(measure(name, build()).line(), flush=True)


if __name__ == "__main__":
    main()
