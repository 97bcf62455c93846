"""factory_boy factories for the organisation tree."""

from dataclasses import dataclass, field
from datetime import date

import factory

from motcua.org.models import (
    AccountType,
    AdministrativeLevel,
    AdministrativeUnit,
    Agency,
    AgencyKind,
    RoleAssignment,
    User,
)


def level(code: str) -> AdministrativeLevel:
    names = {"province": ("Tỉnh", 1), "district": ("Huyện", 2), "commune": ("Xã", 3)}
    name, rank = names[code]
    return AdministrativeLevel.objects.get_or_create(code=code, defaults={"name": name, "rank": rank})[0]


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{n:05d}")
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    level = factory.LazyFunction(lambda: level("commune"))
    valid_from = date(2025, 7, 1)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"{n % 1000:03d}.{n // 1000 % 100:02d}.00.H99")
    name = factory.Sequence(lambda n: f"Cơ quan thử {n}")
    kind = AgencyKind.DEPARTMENT
    administrative_unit = factory.SubFactory(UnitFactory)


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = "Cán bộ"
    account_type = AccountType.STAFF
    password = factory.django.Password("matkhau-thu-123")


class CitizenFactory(StaffFactory):
    username = factory.Sequence(lambda n: f"congdan{n}")
    account_type = AccountType.CITIZEN


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(StaffFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "specialist"


@dataclass
class Province:
    unit: AdministrativeUnit
    committee: Agency
    office: Agency
    centre: Agency
    department: Agency
    communes: dict[str, dict[str, Agency]] = field(default_factory=dict)
    commune_units: dict[str, AdministrativeUnit] = field(default_factory=dict)


def province_with_communes(names: list[str]) -> Province:
    unit = UnitFactory(code="99", name="Tỉnh Thử", level=level("province"))
    committee = AgencyFactory(
        code="000.00.00.H99",
        name="UBND Tỉnh Thử",
        kind=AgencyKind.PEOPLES_COMMITTEE,
        administrative_unit=unit,
    )
    office = AgencyFactory(
        code="000.01.00.H99",
        name="Văn phòng UBND tỉnh",
        kind=AgencyKind.OFFICE,
        administrative_unit=unit,
        parent=committee,
    )
    centre = AgencyFactory(
        code="000.02.00.H99",
        name="Trung tâm PVHCC tỉnh",
        kind=AgencyKind.PROVINCIAL_SERVICE_CENTRE,
        administrative_unit=unit,
        parent=committee,
    )
    department = AgencyFactory(
        code="000.03.00.H99",
        name="Sở Tư pháp",
        kind=AgencyKind.DEPARTMENT,
        administrative_unit=unit,
        parent=committee,
    )
    result = Province(unit, committee, office, centre, department)
    for i, name in enumerate(names, start=1):
        commune = UnitFactory(code=f"9{i:04d}", name=name, parent=unit)
        ubnd = AgencyFactory(
            code=f"000.00.{i + 10:02d}.H99",
            name=f"UBND {name}",
            kind=AgencyKind.PEOPLES_COMMITTEE,
            administrative_unit=commune,
            parent=committee,
        )
        centre_c = AgencyFactory(
            code=f"001.00.{i + 10:02d}.H99",
            name=f"Trung tâm PVHCC {name}",
            kind=AgencyKind.COMMUNE_SERVICE_CENTRE,
            administrative_unit=commune,
            parent=ubnd,
        )
        division = AgencyFactory(
            code=f"002.00.{i + 10:02d}.H99",
            name=f"Phòng Kinh tế {name}",
            kind=AgencyKind.DIVISION,
            administrative_unit=commune,
            parent=ubnd,
        )
        result.communes[name] = {"committee": ubnd, "centre": centre_c, "division": division}
        result.commune_units[name] = commune
    return result


def valid_pdf() -> bytes:
    """The smallest well-formed PDF (one empty A4 page, a correct cross-reference table): results are
    signed digitally when attached (issue 22), and a PDF without its table cannot carry a signature."""
    bodies = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, table)
    return bytes(out)
