"""A province's first import writes its new procedures in bulk (catalog.bulk): the number of statements does
not grow with the procedures, and what is written is what the one-row services write: drafts, versions by
the file's decision, history rows, audit events, and a refusal row by row."""

import json

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from motcua.catalog.models import FeeItem, Procedure, ProcedureVersion, RequiredDocument, VersionChannel
from motcua.catalog.transfer import Action, import_sheets, read_bytes
from motcua.core.models import AuditEvent
from motcua.org.models import Role
from tests.catalog.factories import SectorFactory, content
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

DECISION = {
    "number": "15/QĐ-UBND",
    "title": "Công bố danh mục thủ tục hành chính",
    "signer": "Chủ tịch UBND tỉnh",
    "legal_documents": "Nghị định 63/2010/NĐ-CP",
    "signed_on": "02/01/2026",
    "effective_from": "15/01/2026",
}


def sheets(procedures, decision=None):
    data = {"procedures": procedures, **({"decision": decision} if decision else {})}
    return read_bytes("catalog.json", json.dumps(data, ensure_ascii=False).encode())


def procedures(count):
    SectorFactory(code="G09-TP01", name="Hộ tịch")
    items = [content(name=f"Đăng ký khai sinh lần {n}") for n in range(count)]
    for item in items:
        item["fee_items"] = [{"kind": "charge", "condition": "Đăng ký quá hạn", "amount": 8000}]
        item["channels"][0]["cases"] = [{"condition": "phải xác minh", "time_limit": "5", "time_unit": "d"}]
    return items


def statements(items, decision=None):
    with CaptureQueriesContext(connection) as queries:
        report = import_sheets(sheets(items, decision), dry_run=True)
    assert not report.problems
    assert {row.action for row in report.rows} == {Action.CREATED}
    return len(queries)


def test_new_procedures_cost_a_fixed_number_of_statements_not_a_number_per_procedure():
    # Both files are written in 20 chunks (of 2 and of 4 procedures); the one-row services sent about 30
    # statements more per procedure.
    few, many = statements(procedures(40), DECISION), statements(procedures(80), DECISION)
    assert many - few <= 10, (few, many)


def test_the_bulk_import_writes_what_the_services_write(make_staff):
    officer = make_staff(AgencyFactory(), Role.CONTROL_OFFICER)
    items = procedures(3)
    report = import_sheets(sheets(items, DECISION), actor=officer)
    assert not report.problems
    assert report.decision == "15/QĐ-UBND"
    for item in items:
        procedure = Procedure.objects.get(national_code=item["national_code"])
        assert procedure.status == "published"
        assert procedure.name == item["name"]
        version = procedure.versions.get()
        assert (version.number, version.change_kind, f"{version.valid_from:%d/%m/%Y}") == (
            1,
            "new",
            "15/01/2026",
        )
        assert [level.code for level in version.levels.all()] == ["commune"]
        assert version.search_name.strip() == "dang ky khai sinh lan " + item["name"].rsplit(" ", 1)[1]
        assert "giay chung sinh" in version.search_text
        channel = version.channels.get(channel="direct")
        assert [(c.condition, c.time_limit) for c in channel.cases.all()] == [("phải xác minh", 5)]
        assert version.fee_items.get().amount == 8000
        assert version.documents.count() == 2
        # History: created, then published (one row each, by the officer).
        assert [h.history_type for h in procedure.history.order_by("history_id")] == ["+", "~"]
        assert {h.history_user for h in version.history.all()} == {officer}
        about = Q(target_type="catalog.procedure", target_id=str(procedure.pk)) | Q(
            target_type="catalog.procedureversion", target_id=str(version.pk)
        )
        actions = set(AuditEvent.objects.filter(about, actor=officer).values_list("action", flat=True))
        assert actions == {"procedure.create", "procedure.draft", "procedure.new"}
    for model in (VersionChannel, FeeItem, RequiredDocument):
        assert model.history.count() == model.objects.count() > 0


def test_a_row_the_bulk_path_cannot_write_is_refused_alone_with_its_reason():
    items = procedures(3)
    items[1]["name"] = "Đăng ký " * 300  # longer than a name may be: the database would refuse it
    report = import_sheets(sheets(items), partial=True)
    assert [row.action for row in report.rows] == [Action.CREATED, Action.REFUSED, Action.CREATED]
    assert any("name" in message for message in report.rows[1].messages)
    assert ProcedureVersion.objects.count() == 2


def test_codes_differing_only_by_case_are_never_both_created():
    items = procedures(2)
    items[0].update(national_code="C08_XPHCDB", code_kind="local")
    items[1].update(national_code="c08_xphcdb", code_kind="local")
    report = import_sheets(sheets(items), partial=True)
    assert [row.action for row in report.rows] == [Action.CREATED, Action.REFUSED]
    assert Procedure.objects.count() == 1
