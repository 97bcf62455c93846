"""A synthetic procedure catalog of any size, for benchmarks: N procedures applied by M agencies.

    DATABASE_URL=postgres://…/motcua_bench python bench/generate_catalog.py --procedures 2000 --agencies 100

Names are built from the words of real procedure names (actions × objects × qualifiers), so that search
sees realistic vocabulary. About 60% of the procedures are commune-level and applied by every commune
People's Committee (90% of the agencies); the others by one provincial department each. Rows are written
with bulk inserts (the services would take minutes); published versions are complete and searchable.
Idempotent per size: a catalog of the same size and seed is left alone.
"""

import argparse
import os
import random
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

ACTIONS = [
    "Cấp",
    "Cấp lại",
    "Cấp đổi",
    "Gia hạn",
    "Điều chỉnh",
    "Thu hồi",
    "Đăng ký",
    "Đăng ký lại",
    "Xác nhận",
    "Thẩm định",
    "Phê duyệt",
    "Công nhận",
    "Chấp thuận",
    "Thông báo",
    "Hỗ trợ",
    "Chứng thực",
]
OBJECTS = [
    "giấy phép xây dựng",
    "giấy chứng nhận quyền sử dụng đất",
    "giấy phép kinh doanh vận tải bằng xe ô tô",
    "chứng chỉ hành nghề dược",
    "giấy phép hành nghề khám bệnh, chữa bệnh",
    "giấy chứng nhận đăng ký hộ kinh doanh",
    "khai sinh",
    "kết hôn",
    "khai tử",
    "giám hộ",
    "nhận cha, mẹ, con",
    "thường trú",
    "tạm trú",
    "phiếu lý lịch tư pháp",
    "bản sao từ bản chính",
    "chữ ký",
    "hợp đồng, giao dịch",
    "di chúc",
    "trợ cấp xã hội hàng tháng",
    "chi phí mai táng",
    "giấy xác nhận khuyết tật",
    "thẻ bảo hiểm y tế",
    "giấy phép khai thác tài nguyên nước",
    "giấy phép môi trường",
    "quyết định giao đất",
    "chuyển mục đích sử dụng đất",
    "giấy phép bán lẻ rượu",
    "giấy phép bán lẻ sản phẩm thuốc lá",
    "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
    "giấy phép tổ chức lễ hội",
    "giấy phép quảng cáo",
    "giấy phép lao động cho người nước ngoài",
    "chế độ trợ cấp người có công",
    "học bổng chính sách",
    "chuyển trường cho học sinh",
    "giấy phép hoạt động trường mầm non",
    "giấy chứng nhận quyền sở hữu nhà ở",
    "giấy phép sửa chữa, cải tạo",
    "giấy phép di dời công trình",
    "giấy phép kinh doanh karaoke",
    "giấy phép thành lập cơ sở trợ giúp xã hội",
]
QUALIFIERS = [
    "",
    "",
    "",
    "đối với nhà ở riêng lẻ",
    "cho doanh nghiệp",
    "có yếu tố nước ngoài",
    "cho cá nhân",
    "lần đầu",
    "do bị mất, hỏng",
    "trên địa bàn tỉnh",
    "đối với hợp tác xã",
    "cho tổ chức",
    "trong trường hợp thay đổi thông tin",
    "cấp tỉnh",
    "cấp xã",
]
DOCUMENTS = [
    "Đơn đề nghị",
    "Tờ khai",
    "Bản sao Căn cước",
    "Giấy tờ chứng minh chỗ ở hợp pháp",
    "Văn bản ủy quyền",
    "Bản vẽ thiết kế",
    "Giấy chứng nhận đã cấp",
    "Chứng từ nộp phí",
]
SECTORS = [
    (f"G{n:02d}-BN{n:02d}", name)
    for n, name in enumerate(
        [
            "Hộ tịch",
            "Chứng thực",
            "Xây dựng",
            "Đất đai",
            "Kinh doanh",
            "Cư trú",
            "Bảo trợ xã hội",
            "Y tế",
            "Giáo dục",
            "Văn hóa",
            "Lao động",
            "Môi trường",
            "Công thương",
            "Giao thông vận tải",
            "Người có công",
        ],
        start=1,
    )
]
CODE_BASE = 5_000_000  # synthetic national codes 5.xxxxxx never collide with the demo catalog


def generate(*, procedures: int, agencies: int, seed: int = 20250701) -> dict[str, int]:
    from django.db import transaction

    from motcua.catalog.models import (
        AgencyProcedure,
        ChangeKind,
        Level,
        Procedure,
        ProcedureStatus,
        ProcedureVersion,
        PublicationDecision,
        RequiredDocument,
        Sector,
        VersionChannel,
    )
    from motcua.catalog.search import search_column

    if (
        Procedure.objects.filter(national_code__startswith="5.").count() == procedures
        and AgencyProcedure.objects.filter(procedure__national_code__startswith="5.").exists()
    ):
        return {"procedures": procedures, "applications": AgencyProcedure.objects.count(), "created": 0}
    rng = random.Random(seed)
    with transaction.atomic():
        commune_agencies, departments = _agencies(agencies)
        sectors = [
            Sector.objects.update_or_create(code=code, defaults={"name": name})[0] for code, name in SECTORS
        ]
        levels = {level.code: level for level in Level.objects.all()}
        decision, _ = PublicationDecision.objects.get_or_create(
            number="BENCH/QĐ-UBND",
            defaults={
                "title": "Danh mục thử tải",
                "signed_on": date(2025, 6, 20),
                "signer": "Benchmark",
                "effective_from": date(2025, 7, 1),
                "legal_documents": "Dữ liệu tổng hợp",
                "post_deadline": date(2025, 6, 27),
            },
        )
        rows = []
        for n in range(procedures):
            name = " ".join(filter(None, [rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(QUALIFIERS)]))
            rows.append(
                (
                    f"5.{CODE_BASE + n:07d}"[:30],
                    name[0].upper() + name[1:],
                    rng.choice(sectors),
                    rng.random() < 0.6,
                )
            )
        created = Procedure.objects.bulk_create(
            [
                Procedure(national_code=code, name=name, sector=sector, status=ProcedureStatus.PUBLISHED)
                for code, name, sector, _commune in rows
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
        by_code = {p.national_code: p for p in Procedure.objects.filter(national_code__startswith="5.")}
        del created
        versions = []
        for code, name, sector, _commune in rows:
            docs = rng.sample(DOCUMENTS, 3)
            versions.append(
                ProcedureVersion(
                    procedure=by_code[code],
                    number=1,
                    decision=decision,
                    change_kind=ChangeKind.NEW,
                    valid_from=date(2025, 7, 1),
                    name=name,
                    sector=sector,
                    online_level=rng.choice(["full", "partial"]),
                    implementing_agency="Ủy ban nhân dân cấp xã" if _commune else "Sở chuyên ngành",
                    result=f"Kết quả: {name.lower()}",
                    applicants=["citizen"],
                    any_boundary=rng.random() < 0.3,
                    search_name=search_column(name),
                    search_text=search_column(" ".join([name, code, sector.name, "Ủy ban nhân dân", *docs])),
                )
            )
        ProcedureVersion.objects.bulk_create(versions, batch_size=1000, ignore_conflicts=True)
        versions = {
            v.procedure_id: v for v in ProcedureVersion.objects.filter(procedure__in=by_code.values())
        }
        through = ProcedureVersion.levels.through
        through.objects.bulk_create(
            [
                through(
                    procedureversion_id=versions[by_code[code].pk].pk,
                    level_id=levels["commune" if commune else "province"].pk,
                )
                for code, _name, _sector, commune in rows
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )
        VersionChannel.objects.bulk_create(
            [
                VersionChannel(
                    version=v,
                    channel="direct",
                    time_limit=rng.choice([1, 3, 5, 10, 15, 20]),
                    time_unit="d",
                    fee=rng.choice([0, 0, 15000, 50000, 100000]),
                )
                for v in versions.values()
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )
        RequiredDocument.objects.bulk_create(
            [RequiredDocument(version=v, position=1, name="Đơn đề nghị") for v in versions.values()],
            batch_size=2000,
        )
        applications = []
        for index, (code, _name, _sector, commune) in enumerate(rows):
            procedure = by_code[code]
            targets = commune_agencies if commune else [departments[index % len(departments)]]
            applications += [
                AgencyProcedure(procedure=procedure, agency=a, local_code=f"{code}.{a.code}") for a in targets
            ]
        AgencyProcedure.objects.bulk_create(applications, batch_size=5000, ignore_conflicts=True)
    return {"procedures": procedures, "applications": AgencyProcedure.objects.count(), "created": procedures}


def _agencies(count: int):
    """90% commune People's Committees, 10% provincial departments, in a synthetic province H98."""
    from motcua.org.models import AdministrativeLevel, AdministrativeUnit, Agency, AgencyKind

    province_level, _ = AdministrativeLevel.objects.get_or_create(
        code="province", defaults={"name": "Tỉnh", "rank": 1}
    )
    commune_level, _ = AdministrativeLevel.objects.get_or_create(
        code="commune", defaults={"name": "Xã", "rank": 3}
    )
    province, _ = AdministrativeUnit.objects.get_or_create(
        code="98", valid_from=None, defaults={"name": "Tỉnh Thử Tải", "level": province_level}
    )
    departments_count = max(1, count // 10)
    communes, departments = [], []
    for n in range(count):
        is_department = n < departments_count
        unit = province
        if not is_department:
            unit, _ = AdministrativeUnit.objects.get_or_create(
                code=f"98{n:03d}",
                valid_from=None,
                defaults={"name": f"Xã Thử {n}", "level": commune_level, "parent": province},
            )
        agency, _ = Agency.objects.get_or_create(
            code=f"{n:03d}.00.00.H98",
            defaults={
                "name": f"{'Sở thử' if is_department else 'UBND xã thử'} {n}",
                "administrative_unit": unit,
                "kind": AgencyKind.DEPARTMENT if is_department else AgencyKind.PEOPLES_COMMITTEE,
            },
        )
        (departments if is_department else communes).append(agency)
    return communes, departments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procedures", type=int, default=2000)
    parser.add_argument("--agencies", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20250701)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    print(generate(procedures=args.procedures, agencies=args.agencies, seed=args.seed))


if __name__ == "__main__":
    main()
