"""Dossier benchmarks on PostgreSQL: receptions per second (service layer, HTTP API), an officer's queue page
and the tracking lookup, each next to the same work as raw SQL through psycopg.

    export DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_dossiers_bench
    motcua migrate && motcua load_demo && python bench/dossiers_generate.py     # once: 1,000,000 dossiers
    python bench/dossiers_bench.py

- service: `services.receive_at_counter` in a loop (one process, then two processes: the machine's cores);
- raw: the statements one reception writes (counter upsert, dossier, steps, documents, event, audit,
  outbox) in one transaction per reception, through plain psycopg connections (one, then two processes);
- http: gunicorn (2 workers) serving POST /api/v1/dossiers/ with a token, 8 concurrent clients;
- queue page: GET /ho-so/?q=mine as officer motcua.minhson through Django's test client (middleware,
  view, template, database; no network), against the SQL that request ran, replayed raw;
- tracking: GET /api/v1/dossiers/track/ for random bulk codes, against its two SELECTs run raw.
Not a test: timings depend on the machine. Receptions stay in the database (they are dossiers of today).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import threading
import time
import urllib.request
from multiprocessing import Process, Queue
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.catalog.models import Procedure  # noqa: E402
from motcua.catalog.selectors import version_in_force  # noqa: E402
from motcua.dossiers import services  # noqa: E402
from motcua.dossiers.models import Dossier  # noqa: E402
from motcua.org.models import Agency, User  # noqa: E402

PORT = 8799
PROCEDURE = "1.001193"  # Đăng ký khai sinh, a commune procedure with a 4-step process


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def dsn() -> str:
    db = settings.DATABASES["default"]
    return f"host={db['HOST']} port={db['PORT']} dbname={db['NAME']} user={db['USER']}"


def cast():
    officer = User.objects.get(username="motcua.minhson")
    centre = Agency.objects.get(code="000.01.41.H99")
    procedure = Procedure.objects.get(national_code=PROCEDURE)
    version = version_in_force(procedure)
    documents = [
        services.DocumentLine(name=d.name, originals=d.originals, copies=d.copies, required_document=d)
        for d in version.documents.all()
    ]
    return officer, centre, procedure, version, documents


def applicant(n: int) -> services.Applicant:
    return services.Applicant(name=f"Người nộp thử {n}", id_number=f"077{n:09d}", phone=f"09{n % 10**8:08d}")


# --------------------------------------------------------------------------------------------- receptions


def service_loop(count: int, offset: int) -> float:
    connections.close_all()
    officer, centre, procedure, _version, documents = cast()
    started = time.perf_counter()
    for i in range(count):
        services.receive_at_counter(
            actor=officer,
            centre=centre,
            procedure=procedure,
            applicant=applicant(offset + i),
            documents=documents,
        )
    return time.perf_counter() - started


def _timed(loop, count: int, offset: int, out: Queue) -> None:
    out.put(loop(count, offset))


def in_parallel(loop, count: int, processes: int, offset: int) -> float:
    """`loop` in `processes` processes sharing `count` receptions; wall time of the whole."""
    connections.close_all()
    results: Queue = Queue()
    workers = [
        Process(target=_timed, args=(loop, count // processes, offset + k * 100_000, results))
        for k in range(processes)
    ]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - started


RAW_RECEPTION = [
    (
        "INSERT INTO dossiers_dailycounter (agency_id, day, last) VALUES (%(centre)s, %(day)s, 1)"
        " ON CONFLICT (agency_id, day) DO UPDATE SET last = dossiers_dailycounter.last + 1 RETURNING last"
    ),
    (
        "INSERT INTO dossiers_dossier (code, status, paused_status, version, channel, procedure_id,"
        " procedure_version_id, receiving_agency_id, competent_agency_id, current_agency_id, applicant_name,"
        " applicant_id_number, applicant_phone, applicant_email, applicant_address, result_by_post,"
        " submitted_at,"
        " received_at, received_by_id, clock_started_at, due_at, supplement_requests, missing_documents,"
        " timeliness, result_number, result_signer, result_file, return_method, fee_due, paid, paid_online,"
        " reused_data, identity_verified)"
        " VALUES (%(code)s, 'received', '', 1, 1, %(procedure)s, %(version)s, %(centre)s, %(competent)s,"
        " %(centre)s, %(name)s, %(idn)s, %(phone)s, '', '', false, now(), now(), %(officer)s, now(),"
        " now() + interval '1 day', 0, '', '', '', '', '', '', 0, false, false, false, false) RETURNING id"
    ),
]


def raw_loop(count: int, offset: int) -> float:
    officer, centre, procedure, version, documents = cast()
    competent = Agency.objects.get(code="000.00.41.H99")
    steps = [
        (1, centre.pk, "one_stop_officer"),
        (2, competent.pk + 2, "specialist"),
        (3, competent.pk, "agency_leader"),
        (4, centre.pk, "one_stop_officer"),
    ]
    day = timezone.localdate()
    with psycopg.connect(dsn()) as conn:
        started = time.perf_counter()
        for i in range(count):
            n = offset + i
            with conn.transaction(), conn.cursor() as cur:
                cur.execute(RAW_RECEPTION[0], {"centre": centre.pk, "day": day})
                seq = cur.fetchone()[0]
                values = {
                    "code": f"RAW-{centre.code}-{day:%y%m%d}-{seq:05d}-{n}",
                    "procedure": procedure.pk,
                    "version": version.pk,
                    "centre": centre.pk,
                    "competent": competent.pk,
                    "name": f"Người nộp thô {n}",
                    "idn": f"066{n:09d}",
                    "phone": f"09{n % 10**8:08d}",
                    "officer": officer.pk,
                }
                cur.execute(RAW_RECEPTION[1], values)
                dossier_id = cur.fetchone()[0]
                cur.executemany(
                    "INSERT INTO dossiers_dossierstep (dossier_id, position, name, agency_id, role, duration,"
                    " duration_unit, timeliness) VALUES (%s, %s, 'Bước', %s, %s, 1, 'h', '')",
                    [(dossier_id, p, a, r) for p, a, r in steps],
                )
                cur.executemany(
                    "INSERT INTO dossiers_dossierdocument (dossier_id, required_document_id, name, originals,"
                    " copies, file, supplemented, reused) VALUES (%s, %s, %s, %s, %s, '', false, false)",
                    [(dossier_id, d.required_document.pk, d.name, d.originals, d.copies) for d in documents],
                )
                cur.execute(
                    "INSERT INTO dossiers_dossierevent (dossier_id, occurred_at, actor_id, actor_label,"
                    " action,"
                    " from_status, to_status, to_agency_id, timeliness, reason)"
                    " VALUES (%s, now(), %s, 'x', 'receive_at_counter', '', 'received', %s, '', '')",
                    (dossier_id, officer.pk, centre.pk),
                )
                cur.execute(
                    "INSERT INTO core_auditevent (occurred_at, actor_id, actor_label, action, target_type,"
                    " target_id, target_repr, changes, reason)"
                    " VALUES (now(), %s, 'x', 'dossier.receive_at_counter', 'dossiers.dossier', %s, %s,"
                    " '{}', '')",
                    (officer.pk, str(dossier_id), values["code"]),
                )
                cur.execute(
                    "INSERT INTO integrations_outboxmessage (recipient, channel, subject, body, reference,"
                    " plugin,"
                    " created_at, sent_at, attempts, last_error) VALUES (%s, 'sms', 's', 'b', %s, 'outbox',"
                    " now(), now(), 1, '')",
                    (values["phone"], f"dossier:{dossier_id}:received"),
                )
        return time.perf_counter() - started


def http_run(seconds: float, clients: int, offset: int) -> tuple[int, list[float], int]:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "motcua.wsgi",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        token = _post(f"{base}/api/v1/auth/token/", {"username": "motcua.minhson", "password": "demo1234"})[
            "token"
        ]
        _officer, centre, procedure, _version, documents = cast()
        docs = [
            {
                "required_document": d.required_document.pk,
                "name": d.name,
                "originals": d.originals,
                "copies": d.copies,
            }
            for d in documents
        ]
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop_at = time.perf_counter() + seconds

        def client(k: int) -> None:
            n = offset + k * 100_000
            while time.perf_counter() < stop_at:
                body = {
                    "centre": centre.code,
                    "procedure": procedure.national_code,
                    "applicant_name": f"API {n}",
                    "applicant_id_number": f"055{n:09d}",
                    "applicant_phone": f"09{n % 10**8:08d}",
                    "documents": docs,
                }
                began = time.perf_counter()
                try:
                    _post(f"{base}/api/v1/dossiers/", body, token)
                    with lock:
                        latencies.append(time.perf_counter() - began)
                except OSError:
                    with lock:
                        errors[0] += 1
                n += 1

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return len(latencies), latencies, errors[0]
    finally:
        server.terminate()
        server.wait(timeout=30)


def _post(url: str, body: dict, token: str = "") -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


# --------------------------------------------------------------------------------------------- reads


def timed_requests(client: Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        began = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.status_code)
    return times


def replay(statements: list[str], repeat: int) -> list[float]:
    """The request's SELECTs again, as captured (parameters already inlined), through plain psycopg."""
    selects = [sql.replace("%", "%%") for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    times = []
    with psycopg.connect(dsn(), autocommit=True) as conn:
        for _ in range(repeat):
            began = time.perf_counter()
            for sql in selects:
                conn.execute(sql).fetchall()
            times.append(time.perf_counter() - began)
    return times


def queue_page(samples: int) -> tuple[list[float], list[float], int]:
    client = Client()
    client.force_login(User.objects.get(username="motcua.minhson"))
    url = "/ho-so/?q=mine"
    timed_requests(client, [url] * 5)  # warm up
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    statements = [q["sql"] for q in captured.captured_queries]
    return timed_requests(client, [url] * samples), replay(statements, samples), len(statements)


def tracking(samples: int) -> tuple[list[float], list[float]]:
    settings.MOTCUA_TRACKING_LIMIT = (10**9, 60)
    bulk = Dossier.objects.filter(applicant_id_number__startswith="0880")
    low, high = (
        bulk.order_by("pk").values_list("pk", flat=True)[:1][0],
        bulk.order_by("-pk").values_list("pk", flat=True)[:1][0],
    )
    picks = random.Random(7).sample(range(low, high + 1), samples)
    rows = list(bulk.filter(pk__in=picks).values_list("pk", "code", "applicant_phone"))
    client = Client()
    urls = [f"/api/v1/dossiers/track/?code={code}&last4={phone[-4:]}" for _pk, code, phone in rows]
    timed_requests(client, urls[:5])
    ours = timed_requests(client, urls)
    raw = []
    with psycopg.connect(dsn(), autocommit=True) as conn:
        for pk, code, _phone in rows:
            began = time.perf_counter()
            conn.execute(
                "SELECT d.*, v.name, a.name, r.name FROM dossiers_dossier d"
                " JOIN catalog_procedureversion v ON v.id = d.procedure_version_id"
                " JOIN org_agency a ON a.id = d.current_agency_id"
                " JOIN org_agency r ON r.id = d.receiving_agency_id"
                " WHERE d.code = %s LIMIT 1",
                (code,),
            ).fetchall()
            conn.execute(
                "SELECT e.occurred_at, e.action, e.to_status, e.reason, g.name FROM dossiers_dossierevent e"
                " LEFT JOIN org_agency g ON g.id = e.to_agency_id WHERE e.dossier_id = %s"
                " ORDER BY e.occurred_at, e.id",
                (pk,),
            ).fetchall()
            raw.append(time.perf_counter() - began)
    return ours, raw


# --------------------------------------------------------------------------------------------- report


def machine() -> str:
    memory = next(
        line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    ram = f"{int(memory.split()[1]) // 1024**2} GiB RAM"
    return f"{os.cpu_count()} CPU ({cpu}), {ram}, PostgreSQL {pg}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--receptions", type=int, default=600)
    parser.add_argument("--http-seconds", type=float, default=20)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only.")
    offset = int(time.time()) % 10_000 * 100
    total = Dossier.objects.count()
    print(f"machine: {machine()}\ndossiers in the table: {total:,}")

    one = service_loop(args.receptions, offset)
    two = in_parallel(service_loop, args.receptions, 2, offset + 1_000_000)
    raw_one = raw_loop(args.receptions, offset + 2_000_000)
    raw_two = in_parallel(raw_loop, args.receptions, 2, offset + 3_000_000)
    n = args.receptions
    print(f"receptions, service layer, 1 process  : {n / one:7.1f}/s (mean {one / n * 1000:.1f} ms)")
    print(f"receptions, service layer, 2 processes: {n / two:7.1f}/s")
    print(f"receptions, raw SQL (psycopg), 1 conn : {n / raw_one:7.1f}/s  (overhead x{one / raw_one:.1f})")
    print(f"receptions, raw SQL (psycopg), 2 conns: {n / raw_two:7.1f}/s  (overhead x{two / raw_two:.1f})")

    done, latencies, errors = http_run(args.http_seconds, 8, offset + 5_000_000)
    print(
        f"receptions, HTTP API, gunicorn -w 2, 8 clients: {done / args.http_seconds:7.1f}/s, "
        f"p50 {pct(latencies, 0.5):.0f} ms, p95 {pct(latencies, 0.95):.0f} ms, errors {errors}"
    )

    ours, raw_times, statements = queue_page(args.samples)
    print(
        f"queue page (mine, motcua.minhson): p50 {pct(ours, 0.5):.1f} ms, p95 {pct(ours, 0.95):.1f} ms; "
        f"raw {statements} statements p95 {pct(raw_times, 0.95):.1f} ms "
        f"(overhead x{pct(ours, 0.95) / pct(raw_times, 0.95):.1f})"
    )
    ours, raw_times = tracking(args.samples)
    print(
        f"tracking lookup (API): p50 {pct(ours, 0.5):.1f} ms, p95 {pct(ours, 0.95):.1f} ms; "
        f"raw p95 {pct(raw_times, 0.95):.1f} ms (overhead x{pct(ours, 0.95) / pct(raw_times, 0.95):.1f})"
    )
    print(f"dossiers in the table after the run: {Dossier.objects.count():,}")


if __name__ == "__main__":
    main()
