"""The demo province "Minh Sơn" (fictional, code H99) in the two-level model in force since 1/7/2025.

History is included: before 1/7/2025 the province had districts; their communes were merged into the
eight present communes and wards, and the old units and agencies point to their successors.
"""

from dataclasses import dataclass
from datetime import date

from motcua.org.models import (
    AccountType,
    AdministrativeLevel,
    AdministrativeUnit,
    Agency,
    AgencyKind,
    Role,
    RoleAssignment,
    User,
)

REFORM_DAY = date(2025, 7, 1)
LAST_DAY_BEFORE = date(2025, 6, 30)
LEGAL_BASIS_2025 = "Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã năm 2025 (dữ liệu mẫu)"
DEMO_PASSWORD = "demo1234"

LEVELS = [
    ("province", "Tỉnh, thành phố", 1),
    ("district", "Huyện, quận, thị xã", 2),
    ("commune", "Xã, phường, đặc khu", 3),
]

# code, name, former district, former communes merged into it (code, name)
COMMUNES = [
    ("99001", "Phường Minh Sơn", "990", [("99101", "Phường Quang Trung"), ("99102", "Phường Lê Lợi")]),
    ("99002", "Phường Hòa Bình", "990", [("99103", "Phường Hòa Bình"), ("99104", "Xã Hòa Lạc")]),
    ("99003", "Phường Tân An", "990", [("99105", "Xã Tân An"), ("99106", "Xã Tân Phú")]),
    ("99004", "Xã Đông Hưng", "991", [("99201", "Xã Đông Hòa"), ("99202", "Xã Đông Lạc")]),
    ("99005", "Xã Tây Sơn", "991", [("99203", "Xã Tây Sơn"), ("99204", "Thị trấn Đông Hưng")]),
    ("99006", "Xã Phú Lộc", "992", [("99301", "Thị trấn Phú Lộc"), ("99302", "Xã Phú Xuân")]),
    ("99007", "Xã Yên Thành", "992", [("99303", "Xã Yên Thành"), ("99304", "Xã Yên Mỹ")]),
    ("99008", "Xã Hồng Phong", "992", [("99305", "Xã Hồng Phong")]),
]
DISTRICTS = [("990", "Thành phố Minh Sơn"), ("991", "Huyện Đông Hưng"), ("992", "Huyện Phú Lộc")]

PROVINCE_ADDRESS = "Số 1 Quảng trường Trung tâm, Phường Minh Sơn, Tỉnh Minh Sơn"
OFFICE_HOURS = "Sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu; sáng thứ Bảy"

# code, name, kind, parent code (None = People's Committee of the province)
PROVINCIAL_AGENCIES = [
    ("000.00.01.H99", "Văn phòng UBND tỉnh Minh Sơn", AgencyKind.OFFICE),
    (
        "000.00.02.H99",
        "Trung tâm Phục vụ hành chính công tỉnh Minh Sơn",
        AgencyKind.PROVINCIAL_SERVICE_CENTRE,
    ),
    ("000.00.03.H99", "Sở Tư pháp tỉnh Minh Sơn", AgencyKind.DEPARTMENT),
    ("000.00.04.H99", "Sở Xây dựng tỉnh Minh Sơn", AgencyKind.DEPARTMENT),
    ("000.00.05.H99", "Sở Nông nghiệp và Môi trường tỉnh Minh Sơn", AgencyKind.DEPARTMENT),
    ("000.00.06.H99", "Sở Nội vụ tỉnh Minh Sơn", AgencyKind.DEPARTMENT),
    ("000.00.07.H99", "Sở Y tế tỉnh Minh Sơn", AgencyKind.DEPARTMENT),
    ("000.00.08.H99", "Công an tỉnh Minh Sơn", AgencyKind.VERTICAL_SECTOR),
    ("000.00.09.H99", "Bảo hiểm xã hội tỉnh Minh Sơn", AgencyKind.VERTICAL_SECTOR),
]
DIVISIONS = [
    ("000.01.03.H99", "Phòng Hành chính tư pháp", "000.00.03.H99"),
    ("000.01.04.H99", "Phòng Quản lý xây dựng", "000.00.04.H99"),
    ("000.01.05.H99", "Phòng Đất đai", "000.00.05.H99"),
]
COMMUNE_DIVISIONS = [
    ("000.01", "Trung tâm Phục vụ hành chính công", AgencyKind.COMMUNE_SERVICE_CENTRE),
    ("000.02", "Phòng Kinh tế", AgencyKind.DIVISION),
    ("000.03", "Phòng Văn hóa - Xã hội", AgencyKind.DIVISION),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str | None
    agency_code: str | None
    account_type: str = AccountType.STAFF
    superuser: bool = False


USERS = [
    DemoUser("quantri", "Lê Văn Quản", Role.ADMINISTRATOR, "000.00.00.H99", superuser=True),
    DemoUser("kiemsoat", "Phạm Thị Kiểm", Role.CONTROL_OFFICER, "000.00.01.H99"),
    DemoUser("tuyentruyen", "Hoàng Văn Tuyên", Role.COMMUNICATION_OFFICER, "000.00.06.H99"),
    DemoUser("motcua.tinh", "Đỗ Thị Mai", Role.ONE_STOP_OFFICER, "000.00.02.H99"),
    DemoUser("chuyenvien.tuphap", "Ngô Văn Chuyên", Role.SPECIALIST, "000.01.03.H99"),
    DemoUser("truongphong.tuphap", "Vũ Thị Trưởng", Role.DIVISION_HEAD, "000.01.03.H99"),
    DemoUser("lanhdao.tuphap", "Trịnh Văn Lãnh", Role.AGENCY_LEADER, "000.00.03.H99"),
    DemoUser("motcua.minhson", "Bùi Thị Hoa", Role.ONE_STOP_OFFICER, "000.01.41.H99"),
    DemoUser("chuyenvien.minhson", "Đặng Văn Sơn", Role.SPECIALIST, "000.03.41.H99"),
    DemoUser("lanhdao.minhson", "Mai Văn Đạo", Role.AGENCY_LEADER, "000.00.41.H99"),
    DemoUser("motcua.donghung", "Lý Thị Hưng", Role.ONE_STOP_OFFICER, "000.01.44.H99"),
    DemoUser("kiemsoat.donghung", "Tạ Văn Soát", Role.CONTROL_OFFICER, "000.00.44.H99"),
    DemoUser("congdan1", "Nguyễn Văn An", None, None, account_type=AccountType.CITIZEN),
    DemoUser("congdan2", "Trần Thị Bình", None, None, account_type=AccountType.CITIZEN),
]


def load() -> dict[str, int]:
    """Create or update the demo organisation; running it again changes nothing."""
    levels = {
        code: AdministrativeLevel.objects.update_or_create(code=code, defaults={"name": name, "rank": rank})[
            0
        ]
        for code, name, rank in LEVELS
    }
    province = _unit("99", "Tỉnh Minh Sơn", levels["province"], None, valid_from=None)
    committee = _agency(
        "000.00.00.H99",
        "Ủy ban nhân dân tỉnh Minh Sơn",
        AgencyKind.PEOPLES_COMMITTEE,
        province,
        None,
        address=PROVINCE_ADDRESS,
    )
    agencies = {committee.code: committee}
    for code, name, kind in PROVINCIAL_AGENCIES:
        agencies[code] = _agency(code, name, kind, province, committee, address=PROVINCE_ADDRESS)
    for code, name, parent_code in DIVISIONS:
        agencies[code] = _agency(code, name, AgencyKind.DIVISION, province, agencies[parent_code])
    districts = {
        code: _unit(code, name, levels["district"], province, valid_from=None, valid_to=LAST_DAY_BEFORE)
        for code, name in DISTRICTS
    }
    for index, (code, name, district_code, former) in enumerate(COMMUNES, start=41):
        commune = _unit(code, name, levels["commune"], province, valid_from=REFORM_DAY)
        ubnd = _agency(
            f"000.00.{index}.H99",
            f"Ủy ban nhân dân {name}",
            AgencyKind.PEOPLES_COMMITTEE,
            commune,
            committee,
            address=f"Trụ sở UBND {name}",
        )
        agencies[ubnd.code] = ubnd
        for prefix, div_name, kind in COMMUNE_DIVISIONS:
            division = _agency(
                f"{prefix}.{index}.H99",
                f"{div_name} {name}",
                kind,
                commune,
                ubnd,
                address=f"Trụ sở UBND {name}",
            )
            agencies[division.code] = division
        for old_code, old_name in former:
            _unit(
                old_code,
                old_name,
                levels["commune"],
                districts[district_code],
                valid_from=None,
                valid_to=LAST_DAY_BEFORE,
                successor=commune,
            )
    _former_district_committees(districts, agencies, committee)
    _users(agencies)
    return {
        "units": AdministrativeUnit.objects.count(),
        "agencies": Agency.objects.count(),
        "users": User.objects.count(),
    }


def _former_district_committees(districts, agencies, committee):
    """District People's Committees ended on 30/6/2025; their work went to the commune of the seat."""
    seats = {"990": "000.00.41.H99", "991": "000.00.44.H99", "992": "000.00.46.H99"}
    for number, (code, unit) in enumerate(districts.items(), start=21):
        _agency(
            f"000.00.{number}.H99",
            f"Ủy ban nhân dân {unit.name} (trước 1/7/2025)",
            AgencyKind.PEOPLES_COMMITTEE,
            unit,
            committee,
            valid_to=LAST_DAY_BEFORE,
            successor=agencies[seats[code]],
        )


def _unit(code, name, level, parent, *, valid_from, valid_to=None, successor=None) -> AdministrativeUnit:
    unit, _ = AdministrativeUnit.objects.update_or_create(
        code=code,
        valid_from=valid_from,
        defaults={
            "name": name,
            "level": level,
            "parent": parent,
            "valid_to": valid_to,
            "successor": successor,
            "legal_basis": LEGAL_BASIS_2025 if (valid_to or valid_from == REFORM_DAY) else "",
        },
    )
    return unit


def _agency(code, name, kind, unit, parent, *, address="", valid_to=None, successor=None) -> Agency:
    centre = kind in (AgencyKind.PROVINCIAL_SERVICE_CENTRE, AgencyKind.COMMUNE_SERVICE_CENTRE)
    agency, _ = Agency.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "kind": kind,
            "administrative_unit": unit,
            "parent": parent,
            "address": address,
            "phone": "0299 3" + code[4:6] + code[7:9] + "00" if centre else "",
            "office_hours_note": OFFICE_HOURS if centre else "",
            "valid_to": valid_to,
            "successor": successor,
        },
    )
    return agency


def _users(agencies) -> None:
    for spec in USERS:
        last, _, first = spec.full_name.rpartition(" ")
        user, created = User.objects.update_or_create(
            username=spec.username,
            defaults={
                "first_name": first,
                "last_name": last,
                "account_type": spec.account_type,
                "is_staff": spec.account_type == AccountType.STAFF and spec.role == Role.ADMINISTRATOR,
                "is_superuser": spec.superuser,
                "email": f"{spec.username}@example.invalid",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if spec.role:
            RoleAssignment.objects.get_or_create(user=user, agency=agencies[spec.agency_code], role=spec.role)
