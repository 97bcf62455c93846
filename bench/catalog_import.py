"""Benchmark of the catalog import on PostgreSQL: a province's first day, 2,000 real-shaped procedures.

    createdb -h 127.0.0.1 -p 54329 -U postgres motcua_ib
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_ib .venv/bin/python bench/catalog_import.py

The file is the demo catalog (procedures written like published ones: channels, documents, fee rows,
which agencies apply them and their internal processes), exported by `export_catalog` as JSON and copied
under new national codes and names until it holds N procedures, with a publication decision that
publishes them all. Three runs of `import_sheets`, as `motcua catalog import` and the upload page run it:
1. dry run: the whole check and every write, rolled back (what "Kiểm tra trước" costs);
2. import: the same, committed, the decision publishing every procedure;
3. the same file again: every procedure unchanged.
Each prints the wall time, the CPU time of this process per procedure (PostgreSQL's own CPU is not in
it), the SQL statements per procedure, and progress every 10%. Then the same writes as raw SQL: every
INSERT, UPDATE and DELETE the dry run sent (statements and parameters as recorded), replayed through the
connection's plain psycopg cursor in a transaction that is rolled back, so the ratio is what checking,
building and Django cost above the writes themselves. Not a test: timings depend on the machine.
Needs a database without the copies (a new one: the import cannot be undone, published versions stay).
"""

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchsetup import django_on_postgresql, machine

FIRST_COPY = 100_000  # copies get national codes 8.100000, 8.100001, …: the demo uses none of them


def build_file(count: int, folder: Path) -> Path:
    """The demo catalog exported, then copied under new codes and names up to `count` procedures."""
    from motcua.catalog.transfer import export_catalog

    exported = folder / "demo.json"
    export_catalog(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    models = data["procedures"]
    procedures = []
    for number in range(count):
        item = copy.deepcopy(models[number % len(models)])
        item["national_code"] = f"8.{FIRST_COPY + number:06d}"
        item["name"] = f"{item['name']} (bản sao {number + 1})"[:500]
        for process in item.get("processes", []):
            process["name"] = f"{process['name']} — {item['national_code']}"[:255]
        procedures.append(item)
    data["procedures"] = procedures
    data["decision"] = {
        "number": f"{count}/QĐ-UBND-BENCH",
        "title": "Công bố danh mục thủ tục hành chính (benchmark)",
        "signer": "Chủ tịch UBND tỉnh Minh Sơn",
        "legal_documents": "Nghị định 63/2010/NĐ-CP",
        "signed_on": "2026-01-02",
        "effective_from": "2026-01-15",
    }
    path = folder / f"catalog-{count}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    # The same procedures without the decision: what importing the published catalog again looks like.
    del data["decision"]
    (folder / f"catalog-{count}-again.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return path


WRITES = ("INSERT", "UPDATE", "DELETE")


def run(label: str, path: Path, count: int, *, dry_run: bool, writes: list | None = None) -> dict:
    from django.db import connection

    from motcua.catalog.transfer import import_sheets, read_file

    shown = set()

    def progress(done: int, total: int) -> None:
        tenth = done * 10 // total
        if tenth not in shown:
            shown.add(tenth)
            print(f"  {label}: {done}/{total}", flush=True)

    statements = [0]

    def counted(execute, sql, params, many, context):
        statements[0] += 1
        if writes is not None and sql.lstrip().upper().startswith(WRITES):
            writes.append((sql, params))
        return execute(sql, params, many, context)

    wall, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counted):
        report = import_sheets(read_file(path), dry_run=dry_run, progress=progress)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    actions: dict[str, int] = {}
    for row in report.rows:
        actions[row.action] = actions.get(row.action, 0) + 1
    if report.problems:
        print("  problems:", *[str(p) for p in report.problems[:5]], sep="\n    ")
    return {
        "run": label,
        "wall_s": round(wall, 1),
        "cpu_ms_per_procedure": round(cpu * 1000 / count, 1),
        "statements_per_procedure": round(statements[0] / count, 1),
        "statements": statements[0],
        "outcomes": actions,
    }


def replay(writes: list, count: int) -> dict:
    """The dry run's writes as raw SQL through psycopg, in one transaction rolled back."""
    from django.db import connection, transaction

    with transaction.atomic():
        raw = connection.connection  # the psycopg connection under Django's wrapper
        wall, cpu = time.perf_counter(), time.process_time()
        with raw.cursor() as cursor:
            for sql, params in writes:
                cursor.execute(sql, params)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        transaction.set_rollback(True)
    return {
        "run": "raw SQL (the dry run's writes)",
        "wall_s": round(wall, 1),
        "cpu_ms_per_procedure": round(cpu * 1000 / count, 1),
        "statements_per_procedure": round(len(writes) / count, 1),
        "statements": len(writes),
        "outcomes": {},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procedures", type=int, default=2000)
    args = parser.parse_args()
    django_on_postgresql()
    from django.db import connection, transaction

    from motcua.catalog.models import Procedure
    from motcua.demo import catalog, org

    if Procedure.objects.filter(national_code__startswith="8.1").exists():
        sys.exit("Cơ sở dữ liệu đã có bản nhập trước; hãy tạo cơ sở dữ liệu mới. / Use a new database.")
    with transaction.atomic():
        org.load()
        catalog.load()
    print(machine(), "— PostgreSQL", connection.cursor().connection.info.server_version)
    with tempfile.TemporaryDirectory() as folder:
        path = build_file(args.procedures, Path(folder))
        print(f"file: {path.stat().st_size / 1e6:.1f} MB, {args.procedures} procedures")
        writes: list = []
        results = [run("dry run", path, args.procedures, dry_run=True, writes=writes)]
        results += [
            replay(writes, args.procedures),
            run("import", path, args.procedures, dry_run=False),
            run("again", path.with_name(f"{path.stem}-again.json"), args.procedures, dry_run=False),
        ]
    print()
    print("| run | wall | CPU per procedure | statements per procedure | outcomes |")
    print("|---|---|---|---|---|")
    for r in results:
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(r["outcomes"].items()))
        print(
            f"| {r['run']} | {r['wall_s']} s | {r['cpu_ms_per_procedure']} ms "
            f"| {r['statements_per_procedure']} | {outcomes} |"
        )


if __name__ == "__main__":
    main()
