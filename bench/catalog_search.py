"""Benchmark of catalog search on PostgreSQL: `search_procedures` against the same SQL run raw via psycopg.

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/motcua_bench python bench/catalog_search.py

Builds (once) a catalog of 2,000 procedures applied by 100 agencies (bench/generate_catalog.py), then runs a
fixed list of 379 citizen queries (every fourth one filtered by agency) for the first result page (20 rows):
- "ours": `list(search_procedures(q, agency=…)[:20])`, i.e. vocabulary check, synonym lookup, query parsing,
  ORM query and model instances;
- "raw":  the SQL and parameters that query compiles to, executed and fetched with a plain psycopg cursor.
Prints p50 and p95 of each and our overhead as a ratio. Not a test: timings depend on the machine.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchsetup import django_on_postgresql, machine

BASE_QUERIES = [
    "cấp giấy phép xây dựng",
    "giấy phép xây dựng nhà ở riêng lẻ",
    "xin phép xây nhà",
    "đăng ký khai sinh",
    "làm giấy khai sinh cho con",
    "đăng ký kết hôn",
    "lấy vợ",
    "đăng ký khai tử",
    "giấy chứng tử",
    "sổ đỏ",
    "cấp sổ đỏ lần đầu",
    "giấy chứng nhận quyền sử dụng đất",
    "tách thửa đất",
    "chuyển mục đích sử dụng đất",
    "chứng thực bản sao",
    "công chứng giấy tờ",
    "chứng thực chữ ký",
    "chứng thực hợp đồng",
    "di chúc",
    "lý lịch tư pháp",
    "phiếu lý lịch tư pháp cho người nước ngoài",
    "đăng ký thường trú",
    "nhập hộ khẩu",
    "đăng ký tạm trú",
    "khai báo tạm vắng",
    "trợ cấp xã hội hàng tháng",
    "hỗ trợ mai táng",
    "xác nhận khuyết tật",
    "thẻ bảo hiểm y tế",
    "cấp lại thẻ bhyt",
    "giấy phép hành nghề khám chữa bệnh",
    "chứng chỉ hành nghề dược",
    "mở quán cà phê",
    "đăng ký hộ kinh doanh",
    "giấy phép kinh doanh",
    "giấy phép bán lẻ rượu",
    "an toàn thực phẩm",
    "giấy phép quảng cáo",
    "tổ chức lễ hội",
    "giấy phép lao động người nước ngoài",
    "chuyển trường cho học sinh",
    "học bổng chính sách",
    "trường mầm non",
    "giấy phép môi trường",
    "khai thác tài nguyên nước",
    "người có công",
    "giấy phép vận tải xe ô tô",
    "karaoke",
    "sửa chữa nhà",
    "di dời công trình",
]


REAL_QUERIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "catalog_search" / "queries.csv"


def queries() -> list[str]:
    """379 queries: each base phrase as typed, without diacritics, in a sentence and in capitals (200),
    then the 179 real citizens' queries of the relevance set (typos, abbreviations, whole sentences)."""
    import csv

    from motcua.core.text import fold

    result = []
    for phrase in BASE_QUERIES:
        result += [phrase, fold(phrase), f"tôi muốn {fold(phrase)}", phrase.upper()]
    with REAL_QUERIES.open(encoding="utf-8", newline="") as handle:
        result += [row["query"] for row in csv.DictReader(handle)]
    return result


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries")
    args = parser.parse_args()
    django_on_postgresql()
    import psycopg
    from django.core.exceptions import EmptyResultSet
    from django.db import connection

    from generate_catalog import generate
    from motcua.catalog import services
    from motcua.catalog.search import search_procedures
    from motcua.org.models import Agency

    print("catalog:", generate(procedures=args.procedures, agencies=args.agencies))
    # The default citizens' vocabulary the demo and a new installation load.
    services.load_synonyms(actor=None)
    agencies = list(
        Agency.objects.filter(code__endswith=".H98").order_by("code").values_list("code", flat=True)
    )
    cases = [(q, agencies[i % len(agencies)] if i % 4 == 3 else None) for i, q in enumerate(queries())]
    settings = connection.settings_dict
    raw = psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname=settings["NAME"],
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )

    def ours(query, agency):
        return list(search_procedures(query, agency=agency)[:20])

    compiled = {}
    for query, agency in cases:
        try:
            compiled[(query, agency)] = search_procedures(query, agency=agency)[:20].query.sql_with_params()
        except EmptyResultSet:  # no word of the query in any name: answered without a query
            compiled[(query, agency)] = None

    def plain(query, agency):
        if compiled[(query, agency)] is None:
            return []
        sql, params = compiled[(query, agency)]
        with raw.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    hits = sum(1 for q, a in cases if ours(q, a))  # warm-up pass, and a sanity figure
    timings = {"ours": [], "raw": []}
    for _round in range(args.rounds):
        for case in cases:
            for label, run in (("ours", ours), ("raw", plain)):
                start = time.perf_counter()
                run(*case)
                timings[label].append((time.perf_counter() - start) * 1000)
    raw.close()
    p = {label: (percentile(v, 50), percentile(v, 95)) for label, v in timings.items()}
    print(f"machine: {machine()}")
    print(f"queries: {len(cases)} × {args.rounds} rounds; {hits} of {len(cases)} queries found something")
    for label, (p50, p95) in p.items():
        print(f"{label:>4}: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    print(
        f"overhead (ours / raw): p50 ×{p['ours'][0] / p['raw'][0]:.2f}, p95 ×{p['ours'][1] / p['raw'][1]:.2f}"
    )
    print(f"goal p95 ≤ 30 ms: {'met' if p['ours'][1] <= 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
