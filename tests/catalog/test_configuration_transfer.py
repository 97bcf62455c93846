"""Applicability and processes travel in the catalog file (issue 18): a province moves its configuration
between installations by export and import; bad rows are reported by sheet, row and column."""

import json

import pytest

from motcua.catalog import services
from motcua.catalog.models import AgencyProcedure, Process
from motcua.core.models import AuditEvent
from motcua.org.models import AgencyKind, Role
from tests.catalog.factories import published
from tests.catalog.test_transfer import run
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

STEPS = [
    {
        "name": "Tiếp nhận",
        "agency_kind": AgencyKind.COMMUNE_SERVICE_CENTRE,
        "role": Role.ONE_STOP_OFFICER,
        "duration": "1",
        "duration_unit": "h",
    },
    {
        "name": "Thẩm định",
        "agency_kind": AgencyKind.DIVISION,
        "role": Role.SPECIALIST,
        "duration": "3.5",
        "duration_unit": "h",
    },
    {
        "name": "Ký duyệt",
        "agency_kind": AgencyKind.PEOPLES_COMMITTEE,
        "role": Role.AGENCY_LEADER,
        "duration": "2",
        "duration_unit": "h",
    },
]


@pytest.fixture
def configured():
    procedure = published(name="Đăng ký khai sinh")
    a, b = AgencyFactory(code="000.00.41.H99"), AgencyFactory(code="000.00.42.H99")
    services.apply_procedure(actor=None, procedure=procedure, agency=a)
    services.apply_procedure(
        actor=None, procedure=procedure, agency=b, fee=5000, online_level="partial", note="Thu tại quầy"
    )
    services.save_process(actor=None, procedure=procedure, name="Quy trình chung", steps=STEPS)
    own = [{**STEPS[0]}, {**STEPS[1], "agency_kind": "", "agency": b}, STEPS[2]]
    services.save_process(
        actor=None, procedure=procedure, name="Quy trình riêng", steps=own, agency=b, channel="direct"
    )
    return procedure, a, b


def _state(procedure):
    applications = sorted(
        AgencyProcedure.objects.filter(procedure=procedure).values_list(
            "agency__code", "local_code", "fee", "online_level", "note"
        )
    )
    processes = sorted(
        (
            p.name,
            p.agency_id,
            p.channel,
            [
                (s.position, s.name, s.agency_kind, s.agency_id, s.role, s.duration, s.signs_result)
                for s in p.steps.order_by("position")
            ],
        )
        for p in Process.objects.filter(procedure=procedure)
    )
    return applications, processes


@pytest.mark.parametrize("suffix", ["json", "xlsx"])
def test_applicability_and_processes_go_out_and_come_back(tmp_path, configured, suffix):
    procedure, _a, _b = configured
    before = _state(procedure)
    path = tmp_path / f"catalog.{suffix}"
    assert run("export", path)[0] == 0
    if suffix == "json":
        item = json.loads(path.read_text())["procedures"][0]
        assert [x["agency"] for x in item["applications"]] == ["000.00.41.H99", "000.00.42.H99"]
        assert [(p["agency"], p["channel"], len(p["steps"])) for p in item["processes"]] == [
            ("", "", 3),
            ("000.00.42.H99", "direct", 3),
        ]
    # The same installation: nothing to write, not one audit event.
    events = AuditEvent.objects.count()
    code, out, err = run("import", path)
    assert code == 0, out + err
    assert "cơ quan áp dụng 0, quy trình 0" in out
    assert AuditEvent.objects.count() == events
    # Another installation (the configuration gone, the agencies there): the import rebuilds it as it was.
    Process.objects.all().delete()
    AgencyProcedure.objects.all().delete()
    code, out, err = run("import", path)
    assert code == 0, out + err
    assert "cơ quan áp dụng 2, quy trình 2" in out
    assert _state(procedure) == before


def test_bad_configuration_rows_are_refused_with_their_place_and_nothing_is_written(tmp_path, configured):
    _procedure, _a, _b = configured
    path = tmp_path / "catalog.json"
    run("export", path)
    data = json.loads(path.read_text())
    item = data["procedures"][0]
    item["applications"].append({"agency": "999.99.99.H99"})
    item["applications"].append({"agency": "000.00.41.H99", "online_level": "hết"})
    item["processes"][0]["steps"][1]["role"] = "giam_doc"
    item["processes"][0]["steps"][2]["agency"] = "000.00.41.H99"  # and its kind: only one of them
    item["processes"].append(
        {
            "name": "",
            "channel": "online",
            "steps": [{"name": "Bước", "agency_kind": "division", "role": "specialist", "duration": "-1"}],
        }
    )
    path.write_text(json.dumps(data, ensure_ascii=False))
    Process.objects.all().delete()
    code, out, err = run("import", path)
    text = out + err
    assert code != 0
    for expected in (
        "applications:1:agency: không có cơ quan mã '999.99.99.H99'",
        "applications:1:online_level",
        "applications:1:agency: trùng với dòng 1",
        "processes:1:role",
        "processes:1:agency_kind: ghi loại cơ quan hoặc mã cơ quan thực hiện",
        "processes:1:duration",
        "processes:1:process_name",
    ):
        assert expected in text, (expected, text)
    assert not Process.objects.exists()


def test_a_process_longer_than_the_legal_limit_is_the_service_s_refusal(tmp_path, configured):
    _procedure, _a, _b = configured
    path = tmp_path / "catalog.json"
    run("export", path)
    data = json.loads(path.read_text())
    data["procedures"][0]["processes"][0]["steps"][1]["duration"] = "40"  # the limit is one working day
    path.write_text(json.dumps(data, ensure_ascii=False))
    code, out, err = run("import", path)
    assert code != 0
    assert "vượt thời hạn giải quyết" in out + err
    assert Process.objects.get(agency=None).steps.get(position=2).duration == 3.5
