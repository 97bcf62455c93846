"""The demo province "Minh Sơn" (fictional, code H99) in the two-level model in force since 1/7/2025, from
data/org.json: levels, administrative units, agencies, and the demo accounts with their roles.

History is included: before 1/7/2025 the province had districts; their communes were merged into the
eight present communes and wards, and the old units and agencies point to their successors. Agencies and
roles go through the organisation's services; units, levels and accounts (no service writes them) through
`records`. Running it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from motcua.core.audited import audited_save
from motcua.org import services
from motcua.org.models import (
    AccountType,
    AdministrativeLevel,
    AdministrativeUnit,
    Agency,
    Role,
    RoleAssignment,
    User,
)
from motcua.workdays.models import OfficeHours

from . import records

DATA = records.read("org.json")
DEMO_PASSWORD: str = DATA["password"]


@dataclass(frozen=True)
class DemoUser:
    """A demo login as `motcua demo_logins` prints it."""

    username: str
    full_name: str
    role: Role | None
    agency_code: str | None
    account_type: str = AccountType.STAFF
    superuser: bool = False


USERS = [
    DemoUser(
        username=row["username"],
        full_name=row["full_name"],
        role=Role(row["role"]) if row.get("role") else None,
        agency_code=row.get("agency"),
        account_type=row.get("account_type", AccountType.STAFF),
        superuser=row.get("superuser", False),
    )
    for row in DATA["users"]
]


def load() -> dict[str, int]:
    """Create or update the demo organisation; running it again changes nothing."""
    levels = {
        row["code"]: records.upsert(
            AdministrativeLevel,
            lookup={"code": row["code"]},
            values={"name": row["name"], "rank": row["rank"]},
            action="level",
        )
        for row in DATA["levels"]
    }
    units: dict[str, AdministrativeUnit] = {}
    for row in DATA["units"]:  # parents and successors come first in the file
        units[row["code"]] = records.upsert(
            AdministrativeUnit,
            lookup={"code": row["code"], "valid_from": row.get("valid_from")},
            values={
                "name": row["name"],
                "level": levels[row["level"]],
                "parent": units.get(row.get("parent", "")),
                "valid_to": row.get("valid_to"),
                "successor": units.get(row.get("successor", "")),
                "legal_basis": row.get("legal_basis", ""),
            },
            action="unit",
        )
    agencies: dict[str, Agency] = {}
    for row in DATA["agencies"]:
        agencies[row["code"]] = _agency(row, units, agencies)
    for spec in USERS:
        _user(spec, agencies)
    for row in DATA["office_hours"]:
        _office_hours(row)
    return {
        "units": AdministrativeUnit.objects.count(),
        "agencies": Agency.objects.count(),
        "users": User.objects.count(),
    }


def _office_hours(row: dict[str, Any]) -> OfficeHours:
    """The hours the centres post, as the row the clock counts with (Saturday morning: reception only).

    The row is the installation's (no province): the demo installation serves Minh Sơn alone, and only a
    row without a province is counted by the clock when MOTCUA_PROVINCE_CODE is unset (`make run`), so the
    contacts page and every appointment read the same hours whatever the setting."""
    return records.upsert(
        OfficeHours,
        lookup={"province": None, "valid_from": row["valid_from"]},
        values={k: row[k] for k in ("periods", "saturday_periods", "legal_basis")},
        action="office_hours",
    )


def _agency(row: dict[str, Any], units: dict[str, AdministrativeUnit], agencies: dict[str, Agency]) -> Agency:
    values = records.typed(
        Agency,
        {
            "name": row["name"],
            "kind": row["kind"],
            "administrative_unit": units[row["unit"]],
            "parent": agencies.get(row.get("parent", "")),
            "address": row.get("address", ""),
            "phone": row.get("phone", ""),
            "office_hours_note": row.get("office_hours_note", ""),
            "valid_to": row.get("valid_to"),
            "successor": agencies.get(row.get("successor", "")),
        },
    )
    agency = Agency.objects.filter(code=row["code"]).first()
    if agency is None:
        return services.create_agency(actor=None, code=row["code"], **values)
    changed = records.changes(agency, values)
    return services.update_agency(actor=None, agency=agency, **changed) if changed else agency


def _user(spec: DemoUser, agencies: dict[str, Agency]) -> None:
    """The demo account, with its password and access flags set when it is created (an administrator may
    change them afterwards); its role is added when missing."""
    values = {
        "full_name": spec.full_name,
        "account_type": spec.account_type,
        "email": f"{spec.username}@example.invalid",
    }
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = User(
            username=spec.username,
            is_staff=spec.account_type == AccountType.STAFF and spec.role == Role.ADMINISTRATOR,
            is_superuser=spec.superuser,
            **values,
        )
        user.set_password(DEMO_PASSWORD)
        audited_save(user, actor=None, action="user.create")
    else:
        records.update(user, values, action="user.update")
    if spec.role and spec.agency_code:
        agency = agencies[spec.agency_code]
        if not RoleAssignment.objects.filter(user=user, agency=agency, role=spec.role).exists():
            services.assign_role(actor=None, user=user, agency=agency, role=spec.role)
