"""Dossier sync to the National Public Service Portal (issue 22) against its simulator over real HTTP:
the outbox row is written with the change, the worker sends it, failures are retried with back-off, a
change is recorded once however often it is sent, failures are visible and resendable, reconciliation
finds what the portal lost, and the sync rate per agency is what indicator 1.4 reads."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from motcua.core.models import AuditEvent
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.integrations.models import PortalSync, SyncState
from motcua.integrations.portal import sync
from motcua.integrations.portal.simulator import PortalSimulator
from tests.dossiers.factories import receive, to_leader
from tests.integrations.portal_server import serving

TOKEN = "lgsp-test-token"


@pytest.fixture
def portal(settings):
    simulator = PortalSimulator(token=TOKEN)
    with serving(simulator) as url:
        settings.MOTCUA_NATIONAL_PORTAL_PLUGIN = "http"
        settings.MOTCUA_NATIONAL_PORTAL = {"base_url": url, "token": TOKEN, "timeout": 0.5}
        yield simulator


def rows_of(dossier):
    return list(PortalSync.objects.filter(dossier_code=dossier.code).order_by("sequence"))


def test_a_reception_and_each_change_queue_their_row_in_the_same_transaction(desk):
    dossier = to_leader(desk, receive(desk))
    rows = rows_of(dossier)
    assert [(r.sequence, r.event, r.state) for r in rows] == [
        (1, "receive_at_counter", "pending"),
        (2, "hand_over", "pending"),
        (3, "hand_over", "pending"),
    ]
    first = rows[0].payload
    assert first["MaHoSo"] == dossier.code
    assert first["TrangThaiHoSo"] == 2  # Được tiếp nhận
    assert first["MaTTHC"] == desk.procedure.national_code
    assert first["MaCoQuan"] == desk.province.communes["Xã A"]["committee"].code
    assert rows[1].payload["TrangThaiHoSo"] == 4  # Đang xử lý
    assert rows[0].agency == dossier.competent_agency

    # A refused action writes nothing: its transaction, outbox row included, is rolled back.
    with pytest.raises(PermissionDenied):
        services.hand_over(actor=desk.officer_b, dossier=dossier, expected_version=3)
    assert len(rows_of(dossier)) == 3


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_sends_the_change_after_commit(desk, portal, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    dossier = receive(desk)
    (row,) = rows_of(dossier)
    assert row.state == SyncState.SENT
    assert row.receipt == portal.events[row.key]["receipt"]
    assert portal.latest(dossier.code)["TrangThaiHoSo"] == 2


def test_5xx_answers_are_retried_with_growing_delays_and_recorded_once(desk, portal):
    dossier = receive(desk)
    (row,) = rows_of(dossier)
    start = timezone.now()
    portal.fail_next(times=2, status=503)

    assert sync.push_due(now=start) == 0
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == ("pending", 1, "HTTP 503")
    assert row.next_attempt_at == start + timedelta(minutes=1)
    assert sync.push_due(now=start + timedelta(seconds=30)) == 0  # not due yet: nothing sent
    assert portal.deliveries == 1

    assert sync.push_due(now=start + timedelta(minutes=1)) == 0
    row.refresh_from_db()
    assert row.next_attempt_at == start + timedelta(minutes=3)  # 1 minute, then 2

    assert sync.push_due(now=start + timedelta(minutes=3)) == 1
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("sent", 3)
    assert list(portal.events) == [row.key]


def test_a_timeout_after_the_portal_recorded_is_resent_as_a_duplicate_and_counted_once(desk, portal):
    dossier = receive(desk)
    (row,) = rows_of(dossier)
    portal.stall_next(times=1, seconds=1.5)  # the portal records, the answer comes after the 0.5 s timeout
    assert sync.push(row.pk) is False
    row.refresh_from_db()
    assert row.state == "pending"
    assert "Timeout" in row.last_error
    assert sync.push(row.pk) is True  # retried: the portal says it already has it
    row.refresh_from_db()
    assert (row.state, row.last_error) == ("sent", "duplicate")
    assert row.receipt == portal.events[row.key]["receipt"]
    assert len(portal.events) == 1
    assert portal.deliveries == 2


def test_out_of_order_acknowledgements_leave_the_portal_on_the_latest_change(desk, portal):
    dossier = to_leader(desk, receive(desk))
    first, second, third = rows_of(dossier)
    assert sync.push(first.pk)
    portal.fail_next()
    assert not sync.push(second.pk)
    assert sync.push(third.pk)  # acknowledged before the second
    assert sync.push(second.pk)
    assert portal.latest(dossier.code)["SoThuTu"] == 3
    assert {r.state for r in rows_of(dossier)} == {"sent"}
    assert sync.push(second.pk) is False  # already acknowledged: never sent twice
    assert portal.deliveries == 4


def test_a_rejected_change_fails_at_once_is_shown_to_the_administrator_and_resent(
    desk, portal, settings, client, admin_user
):
    dossier = receive(desk)
    (row,) = rows_of(dossier)
    settings.MOTCUA_NATIONAL_PORTAL = {**settings.MOTCUA_NATIONAL_PORTAL, "token": "expired"}
    assert sync.push(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("failed", 1)
    assert "HTTP 401" in row.last_error
    assert AuditEvent.objects.filter(action="portal_sync.failed", target_id=str(row.pk)).exists()

    client.force_login(admin_user)
    page = client.get("/tich-hop/trang-thai/").content.decode()
    assert dossier.code in page
    assert "HTTP 401" in page

    settings.MOTCUA_NATIONAL_PORTAL = {**settings.MOTCUA_NATIONAL_PORTAL, "token": TOKEN}
    response = client.post("/tich-hop/trang-thai/gui-lai/")
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("pending", 0)
    assert AuditEvent.objects.filter(action="portal_sync.resend", actor=admin_user).count() == 1
    assert sync.push_due() == 1
    assert portal.latest(dossier.code)["MaHoSo"] == dossier.code


def test_after_the_last_attempt_a_change_is_failed_not_retried_for_ever(desk, portal):
    dossier = receive(desk)
    (row,) = rows_of(dossier)
    portal.fail_next(times=sync.MAX_ATTEMPTS, status=502)
    moment = timezone.now()
    for _ in range(sync.MAX_ATTEMPTS):
        sync.push(row.pk, now=moment)
    row.refresh_from_db()
    assert (row.state, row.attempts, row.next_attempt_at) == ("failed", sync.MAX_ATTEMPTS, None)
    assert sync.push_due(now=moment + timedelta(days=1)) == 0


def test_the_status_page_is_for_administrators_only(desk, client):
    client.force_login(desk.officer_a)
    assert client.get("/tich-hop/trang-thai/").status_code == 403
    client.logout()
    assert client.get("/tich-hop/trang-thai/").status_code == 302


def test_reconciliation_finds_a_change_the_portal_lost_and_resends_it(desk, portal, capsys):
    dossier = to_leader(desk, receive(desk))
    assert sync.push_due() == 3
    lost = rows_of(dossier)[1]
    portal.forget(lost.key)
    start, end = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(hours=1)

    report = sync.reconcile(start, end)
    assert [r.key for r in report.missing_on_portal] == [lost.key]
    assert (report.matched, report.waiting, report.unknown_here) == (2, 0, [])

    day = f"{timezone.localdate():%Y-%m-%d}"
    call_command("portal_reconcile", "--from", day, "--to", day, "--resend")
    out = capsys.readouterr().out
    assert lost.key in out
    assert sync.push_due() == 1
    assert sync.reconcile(start, end).clean


def test_the_sync_rate_per_agency_counts_dossiers_whose_every_change_is_acknowledged(desk, portal):
    synced = receive(desk)
    half = to_leader(desk, receive(desk))
    for row in rows_of(synced) + rows_of(half)[:2]:
        assert sync.push(row.pk)
    other = receive(desk, centre=desk.centre("Xã B"), officer=desk.officer_b, procedure=desk.procedure)
    start, end = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(hours=1)

    rates = sync.sync_rates(start, end)
    committee = desk.province.communes["Xã A"]["committee"]
    assert rates[committee.pk].synced == 1
    assert rates[committee.pk].total == 3  # `other` is decided by the same committee
    assert rates[committee.pk].percent == pytest.approx(33.3)
    assert Dossier.objects.get(pk=other.pk).competent_agency == committee
    assert sync.sync_rates(start - timedelta(days=2), start) == {}


@pytest.mark.django_db(transaction=True)
def test_a_change_rolled_back_after_the_row_was_queued_is_never_sent(desk, portal, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    def receive_then_fail():
        with transaction.atomic():
            receive(desk)
            raise RuntimeError("the caller's transaction fails after the reception")

    with pytest.raises(RuntimeError):
        receive_then_fail()
    assert not PortalSync.objects.exists()
    assert portal.deliveries == 0


def test_the_demo_sends_its_dossiers_through_the_simulator_and_shows_rates(db, client, admin_user):
    call_command("load_demo", stdout=None)
    states = set(PortalSync.objects.values_list("state", flat=True))
    assert states == {"sent", "pending"}  # three changes wait for their retry
    assert PortalSync.objects.filter(state="pending").count() == 3
    client.force_login(admin_user)
    page = client.get("/tich-hop/trang-thai/").content.decode()
    assert 'data-testid="portal-rates"' in page
    # The national database's decision is in the catalog, one portal submission is in Minh Sơn's checking
    # queue and the other, whose file does not match its hash, waits on the status page with the reason.
    from motcua.catalog.models import Procedure
    from motcua.integrations.models import PortalIntake

    assert Procedure.objects.get(national_code="1.013250").name == "Đăng ký khai sinh lưu động"
    intake = dict(PortalIntake.objects.values_list("national_code", "state"))
    assert intake == {"G22.42-DEMO-0001": "received", "G22.42-DEMO-0002": "failed"}
    taken = PortalIntake.objects.get(national_code="G22.42-DEMO-0001").dossier_code
    assert Dossier.objects.get(code=taken).receiving_agency.code == "000.01.41.H99"
    assert "G22.42-DEMO-0002" in page
    assert "không khớp kích thước hoặc mã băm" in page
    from motcua.integrations import health

    assert health.of(health.NATIONAL_CATALOG).last_success_at is not None  # the last pull worked
    # Minh Sơn's counter certified an electronic copy: numbered, signed by its officer.
    from motcua.dossiers.models import CertifiedCopy
    from motcua.integrations import signatures

    (copy,) = CertifiedCopy.objects.all()
    assert (copy.number, copy.certified_by.username) == (1, "motcua.minhson")
    assert signatures.verify(copy.file.read())[0].valid
    call_command("load_demo", stdout=None)  # again: nothing new, nothing lost
    assert Procedure.objects.filter(national_code="1.013250").count() == 1
    assert PortalIntake.objects.get(national_code="G22.42-DEMO-0001").dossier_code == taken
    assert PortalIntake.objects.count() == 2
    assert CertifiedCopy.objects.count() == 1
