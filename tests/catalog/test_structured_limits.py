"""Time limits as published (cases, ranges, same day, immediate, "không quá"), fee tables, applicant kinds,
codes and completeness: stored through the real services and read back."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import fees, services
from motcua.catalog.completeness import missing_parts
from motcua.catalog.content import version_content
from motcua.catalog.limit_text import Unreadable, parse
from motcua.catalog.models import FeeItem, LimitCase, Procedure, TimeUnit, VersionChannel
from tests.catalog.factories import content, decide

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 ngày làm việc", [("", "5", "d", None, None, False)]),
        ("Trong ngày; sau 15 giờ thì ngày làm việc tiếp theo", [("", "0", "sd", None, time(15), False)]),
        ("Giải quyết ngay", [("", "0", "im", None, None, False)]),
        ("Từ 3 đến 5 ngày làm việc", [("", "5", "d", "3", None, False)]),
        ("Không quá 10 ngày", [("", "10", "cd", None, None, True)]),
        ("2 tháng", [("", "2", "m", None, None, False)]),
        (
            "10 ngày; trường hợp phải xác minh 20 ngày",
            [("", "10", "cd", None, None, False), ("phải xác minh", "20", "cd", None, None, False)],
        ),
        (
            "03 ngày làm việc; Trường hợp cần xác minh thì không quá 05 ngày làm việc",
            [("", "3", "d", None, None, False), ("cần xác minh", "5", "d", None, None, True)],
        ),
        (
            "7 ngày làm việc; Đối với xã miền núi: 10 ngày",
            [("", "7", "d", None, None, False), ("xã miền núi", "10", "cd", None, None, False)],
        ),
    ],
)
def test_published_wording_is_read_into_cases(text, expected):
    cases = [
        (
            c.condition,
            f"{c.time_limit.normalize():f}",
            c.time_unit,
            None if c.time_limit_min is None else f"{c.time_limit_min:f}",
            c.cutoff,
            c.at_most,
        )
        for c in parse(text)
    ]
    assert cases == expected


@pytest.mark.parametrize("text", ["", "theo quy định", "nhanh nhất có thể"])
def test_wording_without_an_amount_is_refused_not_guessed(text):
    with pytest.raises(Unreadable):
        parse(text)


def structured(**overrides):
    return content(
        channels=[
            {
                "channel": "direct",
                "time_limit": "10",
                "time_unit": "cd",
                "fee": 50000,
                "description": "",
                "time_limit_text": "10 ngày; trường hợp phải xác minh 20 ngày làm việc",
                "cases": [{"condition": "phải xác minh", "time_limit": "20", "time_unit": "d"}],
            },
            {
                "channel": "online",
                "time_limit": "0",
                "time_unit": "sd",
                "cutoff": "15:00",
                "fee": 25000,
                "description": "",
                "time_limit_text": "Trong ngày; sau 15 giờ thì ngày làm việc tiếp theo",
            },
            {
                "channel": "postal",
                "time_limit": "5",
                "time_limit_min": "3",
                "time_unit": "d",
                "at_most": False,
                "fee": 50000,
                "description": "",
                "time_limit_text": "Từ 3 đến 5 ngày làm việc",
            },
        ],
        fee_items=[
            {"kind": "charge", "condition": "Cấp mới", "basis": "dossier", "amount": 50000},
            {"kind": "fee", "condition": "Sao y", "basis": "page", "amount": 2000, "maximum": 200000},
            {"kind": "fee", "condition": "Trước bạ", "basis": "percent", "rate": "0.5", "maximum": 500000000},
            {"kind": "charge", "condition": "Hộ nghèo", "basis": "dossier", "exempt": True},
            {"kind": "charge", "channel": "online", "area": "Phường", "basis": "dossier", "amount": 25000},
        ],
        **overrides,
    )


def test_cases_ranges_cutoffs_and_fee_tables_are_stored_and_read_back_unchanged():
    data = structured()
    draft = services.save_draft(actor=None, content=data)
    direct = draft.channels.get(channel="direct")
    assert direct.time_limit_text.startswith("10 ngày")
    case = LimitCase.objects.get(channel=direct)
    assert (case.condition, case.time_limit, case.time_unit) == ("phải xác minh", Decimal("20"), "d")
    online = draft.channels.get(channel="online")
    assert (online.time_unit, online.cutoff) == (TimeUnit.SAME_DAY, time(15))
    assert draft.channels.get(channel="postal").time_limit_min == Decimal("3")
    assert FeeItem.objects.filter(version=draft).count() == 5
    again = services.save_draft(actor=None, content=version_content(draft))
    assert version_content(again) == version_content(draft)


def test_the_fee_owed_is_the_channel_fee_unless_a_row_of_the_table_is_chosen():
    draft = services.save_draft(actor=None, content=structured())
    direct = draft.channels.get(channel="direct")
    online = draft.channels.get(channel="online")
    rows = {item.condition: item for item in draft.fee_items.all()}
    assert fees.fee_due(direct) == 50000
    assert fees.fee_due(direct, rows["Sao y"], quantity=3) == 6000
    assert fees.fee_due(direct, rows["Sao y"], quantity=500) == 200000
    assert fees.fee_due(direct, rows["Trước bạ"], declared_value=1_000_000_100) == 5_000_001
    assert fees.fee_due(direct, rows["Hộ nghèo"]) == 0
    assert [i.condition for i in fees.fee_choices(direct)] == ["Cấp mới", "Sao y", "Trước bạ", "Hộ nghèo"]
    assert len(fees.fee_choices(online)) == 5
    with pytest.raises(ValidationError):
        fees.fee_due(direct, rows[""])  # the online-only row
    with pytest.raises(ValidationError):
        fees.fee_due(direct, rows["Trước bạ"])  # no value declared
    with pytest.raises(ValidationError):
        fees.fee_due(direct, rows["Cấp mới"], quantity=2)  # a per-dossier amount has no quantity


def test_a_range_below_its_lower_bound_or_a_case_without_a_name_is_refused():
    bad_range = structured()
    bad_range["channels"][2]["time_limit_min"] = "7"
    with pytest.raises(ValidationError):
        services.save_draft(actor=None, content=bad_range)
    unnamed = structured()
    unnamed["channels"][0]["cases"][0]["condition"] = ""
    with pytest.raises(ValidationError):
        services.save_draft(actor=None, content=unnamed)
    assert not VersionChannel.objects.exists()


def test_every_applicant_kind_of_the_national_database_is_accepted():
    kinds = ["citizen", "overseas", "foreigner", "official", "business", "fdi_business"]
    kinds += ["organisation", "foreign_organisation", "cooperative"]
    draft = services.save_draft(actor=None, content=content(applicants=kinds))
    assert draft.applicants == kinds


@pytest.mark.parametrize("code", ["1.00119", "1001193", "C08_XPHCDB", "1.001193 "])
def test_a_code_not_in_the_national_shape_is_refused_unless_marked_local(code):
    with pytest.raises(ValidationError):
        services.save_draft(actor=None, content=content(national_code=code))
    assert not Procedure.objects.exists()


def test_a_local_code_is_accepted_when_marked_local():
    draft = services.save_draft(actor=None, content=content(national_code="C08_XPHCDB", code_kind="local"))
    assert draft.procedure.code_kind == "local"


def test_a_colliding_code_is_reported_and_the_stored_procedure_is_untouched():
    services.save_draft(actor=None, content=content(national_code="C08_XPHCDB", code_kind="local", name="A"))
    with pytest.raises(ValidationError, match="C08_XPHCDB"):
        services.save_draft(actor=None, content=content(national_code="c08_xphcdb", code_kind="local"))
    services.save_draft(actor=None, content=content(national_code="2.002345", name="B"))
    with pytest.raises(ValidationError, match=r"2\.002345"):
        services.save_draft(actor=None, content=content(national_code="2.002345", code_kind="local"))
    assert sorted(Procedure.objects.values_list("national_code", "name")) == [
        ("2.002345", "B"),
        ("C08_XPHCDB", "A"),
    ]


def test_missing_parts_follow_the_decree():
    assert missing_parts(content()) == []
    lacking = content(sequence="", applicants=[], legal_basis="", channels=[])
    assert [p.code for p in missing_parts(lacking)] == [
        "sequence",
        "channels",
        "time_limit",
        "applicants",
        "legal_basis",
    ]
    uncounted = content()
    uncounted["documents"][0].update(originals=0, copies=0)
    assert [p.code for p in missing_parts(uncounted)] == ["documents"]


def test_an_incomplete_procedure_cannot_be_published():
    draft = services.save_draft(actor=None, content=content(sequence="", result=""))
    with pytest.raises(ValidationError, match="trình tự thực hiện; kết quả thực hiện"):
        decide(publish=[draft.procedure], effective_from=date(2025, 7, 1))
    assert not draft.procedure.versions.filter(decision__isnull=False).exists()


def test_the_index_counts_versions_in_force_that_lack_parts():
    from motcua.catalog.completeness import incomplete_in_force
    from motcua.catalog.models import ProcedureVersion
    from tests.catalog.factories import published

    complete = published(name="Đủ")
    older = published(name="Công bố trước khi có kiểm tra")
    # A version published before the check existed: its sequence was never filled.
    ProcedureVersion.objects.filter(procedure=older).update(sequence="")
    found = incomplete_in_force(date(2025, 8, 1))
    assert [(v.procedure, [p.code for p in parts]) for v, parts in found] == [(older, ["sequence"])]
    assert complete not in [v.procedure for v, _parts in found]
