"""Time-limit cases and fee tables in the catalog API (issue 18): read with the ids a reception names,
written in drafts as the import writes them, bad rows refused with a message."""

import pytest

from motcua.catalog.content import version_content
from motcua.catalog.models import FeeItem, LimitCase, Procedure
from motcua.org.models import Role
from tests.catalog.factories import content, published
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

CHANNELS = [
    {
        "channel": "direct",
        "time_limit": "5",
        "time_limit_min": "3",
        "time_unit": "d",
        "fee": 50000,
        "time_limit_text": "Từ 03 đến 05 ngày làm việc; trường hợp phải xác minh không quá 20 ngày",
        "cases": [
            {"condition": "Trường hợp phải xác minh", "time_limit": "20", "time_unit": "cd", "at_most": True}
        ],
    },
    {"channel": "online", "time_limit": "0", "time_unit": "sd", "cutoff": "15:00", "fee": 0},
]
FEES = [
    {"kind": "charge", "channel": "direct", "condition": "Cấp mới", "area": "Phường", "amount": 50000},
    {"kind": "fee", "basis": "percent", "rate": "0.5", "maximum": 10_000_000, "note": "trên giá trị"},
    {"condition": "Hộ nghèo", "exempt": True},
]


def test_a_procedure_reads_with_its_cases_and_fee_rows_and_their_ids(client):
    procedure = published(channels=CHANNELS, fee_items=FEES)
    body = client.get(f"/api/v1/procedures/{procedure.national_code}/").json()
    direct, online = body["channels"]
    case = LimitCase.objects.get(channel__version__procedure=procedure)
    assert direct["cases"] == [
        {
            "id": case.pk,
            "condition": "Trường hợp phải xác minh",
            "time_limit": "20.00",
            "time_unit": "cd",
            "time_limit_min": None,
            "cutoff": None,
            "at_most": True,
        }
    ]
    assert (direct["time_limit_min"], direct["time_limit_text"][:15]) == ("3.00", "Từ 03 đến 05 ng")
    assert (online["time_unit"], online["cutoff"], online["cases"]) == ("sd", "15:00", [])
    ids = list(
        FeeItem.objects.filter(version__procedure=procedure).order_by("position").values_list("pk", flat=True)
    )
    assert [row["id"] for row in body["fee_items"]] == ids
    assert body["fee_items"][1] | {"id": 0} == {
        "id": 0,
        "kind": "fee",
        "channel": "",
        "condition": "",
        "area": "",
        "basis": "percent",
        "amount": None,
        "rate": "0.5000",
        "maximum": 10_000_000,
        "exempt": False,
        "note": "trên giá trị",
    }
    assert body["fee_items"][2]["exempt"] is True


def test_a_draft_written_through_the_api_keeps_its_cases_and_fee_table(client, make_staff):
    client.force_login(make_staff(AgencyFactory(), Role.CONTROL_OFFICER))
    draft = content(name="Đăng ký kết hôn", channels=CHANNELS, fee_items=FEES)
    response = client.post("/api/v1/drafts/", draft, content_type="application/json")
    assert response.status_code == 201, response.content
    version = Procedure.objects.get(national_code=draft["national_code"]).versions.get()
    stored = version_content(version)
    assert stored["channels"][0]["cases"][0]["time_limit"] == "20"
    assert stored["channels"][1]["cutoff"] == "15:00"
    assert [(f["basis"], f["amount"], f["rate"], f["exempt"]) for f in stored["fee_items"]] == [
        ("dossier", 50000, None, False),
        ("percent", None, "0.5", False),
        ("dossier", None, None, True),
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"fee_items": [{"basis": "percent"}]}, "rate"),
        ({"fee_items": [{"basis": "page"}]}, "amount"),
        ({"fee_items": [{"amount": -1}]}, "amount"),
        ({"fee_items": [{"rate": "101", "basis": "percent"}]}, "rate"),
        ({"fee_items": [{"amount": 10**20}]}, "amount"),
        ({"fee_items": [{"kind": "bribe", "amount": 1}]}, "kind"),
        ({"channels": [{**CHANNELS[0], "time_limit_min": "9"}]}, "time_limit_min"),
        (
            {
                "channels": [
                    {**CHANNELS[0], "cases": [{"condition": "", "time_limit": "2", "time_unit": "d"}]}
                ]
            },
            "condition",
        ),
        ({"channels": [{**CHANNELS[1], "cutoff": "25:99"}]}, "cutoff"),
    ],
)
def test_a_bad_case_or_fee_row_is_a_400_naming_the_field(client, make_staff, change, field):
    client.force_login(make_staff(AgencyFactory(), Role.CONTROL_OFFICER))
    draft = content(**change)
    response = client.post("/api/v1/drafts/", draft, content_type="application/json")
    assert response.status_code == 400, response.content
    assert field in response.content.decode()
    assert not Procedure.objects.filter(national_code=draft["national_code"]).exists()
