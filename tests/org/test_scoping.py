"""visible_agencies: what each actor may see. These tests fail if scoping is removed or widened."""

from datetime import date

from motcua.org.models import Role
from motcua.org.selectors import visible_agencies, visible_units
from tests.factories import CitizenFactory


def codes(actor):
    return set(visible_agencies(actor).values_list("code", flat=True))


def test_commune_officer_sees_own_commune_and_nothing_of_another(province, make_staff):
    a, b = province.communes["Xã A"], province.communes["Xã B"]
    officer = make_staff(a["centre"], Role.ONE_STOP_OFFICER)

    seen = codes(officer)

    assert seen == {a["committee"].code, a["centre"].code, a["division"].code}
    assert not seen & {agency.code for agency in b.values()}
    assert set(visible_units(officer)) == {province.commune_units["Xã A"]}


def test_provincial_control_officer_sees_both_communes(province, make_staff):
    officer = make_staff(province.office, Role.CONTROL_OFFICER)

    seen = codes(officer)

    for commune in province.communes.values():
        assert {agency.code for agency in commune.values()} <= seen
    assert province.department.code in seen


def test_specialist_sees_own_agency_and_those_below_only(province, make_staff):
    division = province.communes["Xã A"]["division"]
    specialist = make_staff(division, Role.SPECIALIST)

    assert codes(specialist) == {division.code}


def test_department_specialist_does_not_see_communes(province, make_staff):
    specialist = make_staff(province.department, Role.SPECIALIST)

    assert codes(specialist) == {province.department.code}


def test_citizen_and_anonymous_see_nothing(province):
    from django.contrib.auth.models import AnonymousUser

    assert not visible_agencies(CitizenFactory()).exists()
    assert not visible_agencies(AnonymousUser()).exists()


def test_expired_role_gives_no_access(province, make_staff):
    officer = make_staff(province.communes["Xã A"]["centre"], Role.ONE_STOP_OFFICER)
    officer.roles.update(valid_to=date(2020, 1, 1))

    assert not visible_agencies(officer).exists()


def test_inactive_account_sees_nothing(province, make_staff):
    officer = make_staff(province.office, Role.CONTROL_OFFICER, is_active=False)

    assert not visible_agencies(officer).exists()


def test_merged_predecessor_units_stay_visible_to_the_successor(province, make_staff):
    from motcua.org.services import merge_units

    a_unit = province.commune_units["Xã A"]
    a_committee = province.communes["Xã A"]["committee"]
    merged = merge_units(
        actor=None,
        units=[a_unit],
        code="98000",
        name="Xã A mới",
        effective=date(2026, 1, 1),
        parent=province.unit,
        legal_basis="NQ thử",
    )
    from tests.factories import AgencyFactory

    new_centre = AgencyFactory(
        code="001.00.99.H99", kind="commune_service_centre", administrative_unit=merged
    )
    officer = make_staff(new_centre, Role.ONE_STOP_OFFICER)

    # Old dossiers of the former commune remain readable by the successor commune's officers.
    assert a_committee.code in codes(officer)
    assert province.communes["Xã B"]["committee"].code not in codes(officer)
