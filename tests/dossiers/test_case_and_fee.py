"""Reception picks the time-limit case and the fee rows of the procedure (issue 18): the due date and the
fee follow the choice, the receipt prints them, and the page, the API and online submissions all take it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import services as catalog_services
from motcua.catalog.fees import FeeChoice
from motcua.catalog.models import FeeItem, LimitCase
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from tests.catalog.factories import published
from tests.dossiers.factories import STEPS, applicant, checklist, receive, vn
from tests.dossiers.test_api import client_for, reception_body
from tests.dossiers.test_papers import printed, words
from tests.factories import CitizenFactory

VERIFY = "Trường hợp phải xác minh"


def _channel(channel: str) -> dict:
    return {
        "channel": channel,
        "time_limit": "3",
        "time_unit": "d",
        "fee": 20000,
        "description": "",
        "time_limit_text": "03 ngày làm việc; trường hợp phải xác minh thì không quá 10 ngày làm việc",
        "cases": [{"condition": VERIFY, "time_limit": "10", "time_unit": "d", "at_most": True}],
    }


FEE_ITEMS = [
    {"kind": "charge", "condition": "Cấp bản sao trích lục", "basis": "copy", "amount": 8000},
    {"kind": "fee", "condition": "Thẩm định", "basis": "percent", "rate": "0.15", "maximum": 5_000_000},
    {"kind": "charge", "condition": "Người có công với cách mạng", "exempt": True},
]


@pytest.fixture
def tabled(desk):
    """A procedure of the desk's communes whose direct and online channels have a case and a fee table."""
    procedure = published(
        name="Đăng ký lại khai sinh",
        any_boundary=True,
        channels=[_channel("direct"), _channel("online"), _channel("postal")],
        fee_items=FEE_ITEMS,
    )
    for commune in desk.province.communes.values():
        catalog_services.apply_procedure(actor=None, procedure=procedure, agency=commune["committee"])
    catalog_services.save_process(actor=None, procedure=procedure, name="Quy trình", steps=STEPS)
    return procedure


def _case(procedure, channel="direct") -> LimitCase:
    return LimitCase.objects.get(channel__version__procedure=procedure, channel__channel=channel)


def _item(procedure, condition: str) -> FeeItem:
    return FeeItem.objects.get(version__procedure=procedure, condition=condition)


def test_without_a_choice_the_dossier_keeps_the_channel_limit_and_fee(desk, tabled):
    dossier = receive(desk, procedure=tabled, at=vn(2026, 3, 2, 9, 0))  # a Monday
    assert dossier.due_at == vn(2026, 3, 5, 17, 0)
    assert (dossier.limit_case, dossier.fee_due, dossier.fee_lines.count()) == (None, 20000, 0)


def test_the_chosen_case_sets_the_due_date_and_the_chosen_rows_the_fee(client, desk, tabled):
    dossier = receive(
        desk,
        procedure=tabled,
        at=vn(2026, 3, 2, 9, 0),
        limit_case=_case(tabled),
        fees=[
            FeeChoice(_item(tabled, "Cấp bản sao trích lục"), quantity=3),
            FeeChoice(_item(tabled, "Thẩm định"), declared_value=1_000_000_000),
        ],
    )
    dossier.refresh_from_db()
    assert dossier.limit_case == _case(tabled)
    assert dossier.due_at == vn(2026, 3, 16, 17, 0)  # 10 working days after Monday 2 March
    assert dossier.fee_due == 3 * 8000 + 1_500_000  # 0.15 % of 1 billion, under the 5 million cap
    assert [(line.quantity, line.amount) for line in dossier.fee_lines.all()] == [(3, 24000), (1, 1_500_000)]
    client.force_login(desk.officer_a)
    text = words(printed(client, dossier, "receipt"))
    assert f"Thời gian giải quyết theo quy định: Trực tiếp, {VERIFY}: không quá 10 ngày làm việc" in text
    assert "16/03/2026" in text
    assert "Phí, lệ phí: 1.524.000 đồng (Lệ phí, Cấp bản sao trích lục: 8.000 đồng mỗi bản × 3;" in text
    assert "Phí, Thẩm định: 0,15% giá trị, tối đa 5.000.000 đồng trên 1.000.000.000 đồng)" in text


def test_an_exemption_owes_nothing_and_the_receipt_prints_no_fee(client, desk, tabled):
    exempt = _item(tabled, "Người có công với cách mạng")
    dossier = receive(desk, procedure=tabled, fees=[FeeChoice(exempt)])
    assert dossier.fee_due == 0
    assert dossier.fee_lines.get().wording == "Lệ phí, Người có công với cách mạng: miễn"
    client.force_login(desk.officer_a)
    assert "Phí, lệ phí" not in printed(client, dossier, "receipt")


def test_a_case_or_a_fee_row_of_another_procedure_is_refused_and_nothing_is_written(desk, tabled):
    other = published(name="Thủ tục khác", channels=[_channel("direct")], fee_items=FEE_ITEMS[:1])
    with pytest.raises(ValidationError) as refused:
        receive(desk, procedure=tabled, limit_case=_case(other))
    assert "limit_case" in refused.value.message_dict
    with pytest.raises(ValidationError, match="không thuộc thủ tục"):
        receive(desk, procedure=tabled, fees=[FeeChoice(_item(other, "Cấp bản sao trích lục"))])
    with pytest.raises(ValidationError) as refused:
        receive(desk, procedure=tabled, fees=[FeeChoice(_item(tabled, "Thẩm định"))])  # no declared value
    assert "declared_value" in refused.value.message_dict
    assert not Dossier.objects.exists()


def test_an_online_submission_carries_its_case_to_the_acceptance(desk, tabled):
    citizen = CitizenFactory()
    dossier = services.submit(
        actor=citizen,
        centre=desk.centre(),
        procedure=tabled,
        applicant=applicant(commune=desk.commune()),
        documents=checklist(tabled),
        channel=2,
        at=vn(2026, 3, 2, 8, 0),
        limit_case=_case(tabled, "online"),
        fees=[FeeChoice(_item(tabled, "Cấp bản sao trích lục"), quantity=2)],
    )
    assert dossier.fee_due == 16000
    accepted = services.receive(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=vn(2026, 3, 3, 9, 0)
    )
    assert accepted.due_at == vn(2026, 3, 17, 17, 0)  # the case's 10 days from the acceptance (Tuesday)


def test_the_counter_page_offers_the_cases_and_the_fee_table(client, desk, tabled):
    client.force_login(desk.officer_a)
    page = client.get(f"/ho-so/tiep-nhan/?procedure={tabled.pk}").content.decode()
    assert "Thông thường: 3 ngày làm việc" in page
    assert f"{VERIFY}: không quá 10 ngày làm việc" in page
    assert "Thẩm định: 0,15% giá trị, tối đa 5.000.000 đồng" in page
    form = {
        "procedure": tabled.pk,
        "centre": desk.centre().pk,
        "applicant_name": "Lê Văn Cường",
        "applicant_id_number": "001099012399",
        "applicant_phone": "0912000111",
        "applicant_commune": desk.commune().pk,
        **{f"doc_{line.required_document.pk}_originals": 1 for line in checklist(tabled)},
        "limit_case": _case(tabled).pk,
        f"fee_{_item(tabled, 'Cấp bản sao trích lục').pk}": "on",
        f"fee_{_item(tabled, 'Cấp bản sao trích lục').pk}_quantity": "2",
    }
    # A percentage ticked without the value it is counted on: a message, no dossier.
    refused = client.post("/ho-so/tiep-nhan/", {**form, f"fee_{_item(tabled, 'Thẩm định').pk}": "on"})
    assert refused.status_code == 200
    assert "Cần giá trị tính phí theo tỷ lệ" in refused.content.decode()
    assert not Dossier.objects.exists()
    response = client.post("/ho-so/tiep-nhan/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    assert (dossier.limit_case, dossier.fee_due) == (_case(tabled), 16000)


def test_the_api_takes_the_case_and_fee_rows_and_reads_them_back(desk, tabled):
    api = client_for(desk.officer_a)
    copy = _item(tabled, "Cấp bản sao trích lục")
    body = reception_body(desk, procedure=tabled.national_code)
    body["documents"] = [
        {"required_document": d.required_document.pk, "name": d.name, "originals": 1}
        for d in checklist(tabled)
    ]
    response = api.post(
        "/api/v1/dossiers/",
        {**body, "limit_case": _case(tabled).pk, "fees": [{"item": copy.pk, "quantity": 4}]},
        format="json",
    )
    assert response.status_code == 201, response.content
    detail = api.get(f"/api/v1/dossiers/{response.json()['id']}/").json()
    assert detail["limit_case"] == _case(tabled).pk
    assert detail["fee_due"] == 32000
    assert detail["fee_lines"] == [
        {
            "item": copy.pk,
            "quantity": 4,
            "declared_value": None,
            "amount": 32000,
            "wording": "Lệ phí, Cấp bản sao trích lục: 8.000 đồng mỗi bản × 4",
        }
    ]
    for wrong in ({"fees": [{"item": 10**9}]}, {"fees": [{"item": "x"}]}, {"limit_case": -1}):
        refused = api.post("/api/v1/dossiers/", {**body, **wrong}, format="json")
        assert refused.status_code == 400, refused.content
    twice = api.post(
        "/api/v1/dossiers/", {**body, "fees": [{"item": copy.pk}, {"item": copy.pk}]}, format="json"
    )
    assert twice.status_code == 400
    assert "hai lần" in twice.content.decode()
    assert Dossier.objects.count() == 1
