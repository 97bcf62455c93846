"""Answers to feedback the national PAKN system forwarded go back to it (issue 22) through the national
connections' one outbox (integrations.PortalSync, target "feedback"), against its simulator over real HTTP:
written with the publication, sent by the worker, retried after a 5xx, recorded once however often sent,
failures listed on the administrators' page and resent; feedback from other channels sends nothing, and
the dossier sync's figures do not count answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua.feedback import services
from motcua.feedback.imports import import_forwarded
from motcua.integrations.models import PortalSync, SyncState
from motcua.integrations.portal import sync
from motcua.integrations.portal.simulator import PortalSimulator
from tests.feedback.conftest import published, world  # noqa: F401 (the fixture)
from tests.feedback.test_import import ITEM, inbox
from tests.integrations.portal_server import serving

TOKEN = "pakn-test-token"


@pytest.fixture
def pakn(settings):
    simulator = PortalSimulator(token=TOKEN, events_path="/pakn-answers", code_field="MaPAKN")
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_FEEDBACK_ANSWERS_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_FEEDBACK_SYSTEM = {"base_url": url, "token": TOKEN, "timeout": 2}
        yield simulator


def answered(world, tmp_path):  # noqa: F811
    """The forwarded item walked to publication by the province."""
    (item,) = import_forwarded(inbox(tmp_path, ITEM)).recorded
    item = services.accept(
        actor=world.receiver,
        feedback=item,
        expected_version=item.version,
        category="regulation",
        sector=world.sector,
    )
    item = services.route(
        actor=world.receiver, feedback=item, expected_version=item.version, agency=world.justice
    )
    item = services.draft_answer(
        actor=world.specialist,
        feedback=item,
        expected_version=item.version,
        answer="Sở Tư pháp đã rút ngắn thời hạn cấp phiếu xuống 10 ngày.",
    )
    item = services.approve(actor=world.leader, feedback=item, expected_version=item.version)
    return services.publish(actor=world.receiver, feedback=item, expected_version=item.version)


def test_a_published_answer_goes_back_to_the_national_system_once(world, pakn, tmp_path):  # noqa: F811
    item = answered(world, tmp_path)
    (row,) = PortalSync.objects.filter(target="feedback")
    assert (row.dossier_code, row.sequence, row.event, row.state) == (
        "PAKN-QG-2026-000123",
        item.version,
        "publish",
        "pending",
    )
    assert row.agency == world.justice

    start = timezone.now()
    pakn.fail_next(times=1, status=503)
    assert sync.push_due(now=start) == 0
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == ("pending", 1, "HTTP 503")
    assert sync.push_due(now=start + timedelta(minutes=1)) == 1

    answer = pakn.latest("PAKN-QG-2026-000123")
    assert answer["NoiDungTraLoi"] == "Sở Tư pháp đã rút ngắn thời hạn cấp phiếu xuống 10 ngày."
    assert answer["CoQuanTraLoi"] == world.justice.code
    assert answer["DuongDanCongKhai"] == f"/phan-anh/ket-qua/{item.pk}/"
    row.refresh_from_db()
    assert row.state == SyncState.SENT
    assert sync.push(row.pk) is False  # acknowledged: never sent again
    assert len(pakn.events) == 1
    # The dossier sync's indicator does not count answers.
    assert sync.sync_rates(start - timedelta(days=1), start + timedelta(days=1)) == {}


def test_a_refused_answer_is_listed_for_the_administrator_and_resent(
    world,  # noqa: F811
    pakn,
    tmp_path,
    settings,
    client,
    admin_user,
):
    answered(world, tmp_path)
    (row,) = PortalSync.objects.filter(target="feedback")
    settings.MOTCUA_NATIONAL_FEEDBACK_SYSTEM = {**settings.MOTCUA_NATIONAL_FEEDBACK_SYSTEM, "token": "old"}
    assert sync.push(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.last_error[:8]) == ("failed", "HTTP 401")

    client.force_login(admin_user)
    page = client.get("/tich-hop/trang-thai/").content.decode()
    assert "PAKN-QG-2026-000123" in page
    settings.MOTCUA_NATIONAL_FEEDBACK_SYSTEM = {**settings.MOTCUA_NATIONAL_FEEDBACK_SYSTEM, "token": TOKEN}
    assert client.post("/tich-hop/trang-thai/gui-lai/").status_code == 302
    assert sync.push_due() == 1
    assert pakn.latest("PAKN-QG-2026-000123")["MaPAKN"] == "PAKN-QG-2026-000123"


def test_feedback_sent_on_the_province_portal_sends_nothing_to_the_national_system(world, pakn):  # noqa: F811
    published(world)
    assert not PortalSync.objects.filter(target="feedback").exists()
