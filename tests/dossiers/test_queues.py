"""Work queues: each officer sees what is theirs to do, scoped by visible agencies and role, by due date."""

from datetime import date

from django.utils import timezone

from motcua.dossiers import selectors, services
from motcua.integrations.models import OutboxMessage
from tests.dossiers.factories import receive, submit_online, to_leader, vn
from tests.factories import CitizenFactory


def codes(actor, name, **kwargs):
    return [d.code for d in selectors.queue_queryset(actor, name, **kwargs).order_by("due_at", "id")]


def test_each_queue_holds_what_the_officer_must_do(desk):
    citizen = CitizenFactory()
    online = submit_online(desk, citizen, at=vn(2026, 3, 2, 8, 30))
    at_desk = receive(desk, at=vn(2026, 3, 2, 9))
    at_specialist = services.hand_over(
        actor=desk.officer_a, dossier=receive(desk, at=vn(2026, 3, 2, 10)), expected_version=1
    )
    at_leader = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 11)))
    waiting = services.request_supplement(
        actor=desk.leader_a, dossier=to_leader(desk, receive(desk)), expected_version=3, missing="Tờ khai"
    )
    ready = services.attach_result(
        actor=desk.leader_a,
        dossier=to_leader(desk, receive(desk)),
        expected_version=3,
        number="1",
        signed_on=timezone.localdate(),
    )
    assert codes(desk.officer_a, "to_check") == [online.code]
    assert codes(desk.officer_a, "mine") == [at_desk.code]
    assert codes(desk.specialist_a, "mine") == [at_specialist.code]
    assert codes(desk.leader_a, "mine") == [at_leader.code]
    assert codes(desk.officer_a, "ready_to_return") == [ready.code]
    assert codes(desk.officer_a, "waiting_supplement") == [waiting.code]
    assert set(codes(desk.officer_a, "my_unit")) == {at_desk.code, at_specialist.code, at_leader.code}
    assert codes(desk.officer_b, "my_unit") == codes(desk.officer_b, "to_check") == []


def test_due_soon_and_overdue_are_computed_not_states(desk):
    # Civil Code 2015 Art. 147–148: the reception day is not counted, a period ends at the close of office.
    early = receive(desk, at=vn(2026, 3, 2, 9))  # due Thu 5/3 17:00
    later = receive(desk, at=vn(2026, 3, 4, 9))  # due Mon 9/3 17:00
    assert codes(desk.officer_a, "due_soon", now=vn(2026, 3, 4, 10)) == [early.code]
    assert codes(desk.officer_a, "overdue", now=vn(2026, 3, 5, 17, 30)) == [early.code]
    assert codes(desk.officer_a, "overdue", now=vn(2026, 3, 9, 17, 30)) == [early.code, later.code]
    assert {early.status, later.status} == {"received"}


def test_keyset_pages_cover_the_queue_once_in_due_order(desk):
    made = [receive(desk, at=vn(2026, 3, 2, 8 + i // 4, (i % 4) * 15)).code for i in range(9)]
    seen, cursor = [], ""
    while True:
        page = selectors.queue(desk.officer_a, "mine", cursor=cursor, size=4)
        seen += [d.code for d in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert seen == made
    backwards = selectors.queue(desk.officer_a, "mine", descending=True, size=20)
    assert [d.code for d in backwards.items] == made[::-1]
    assert selectors.queue(desk.officer_a, "mine", cursor="not-base64!").items  # a bad cursor is page one


def test_pages_merged_from_each_agency_and_status_follow_the_single_query_order(desk):
    """On PostgreSQL a page is merged from one indexed query per (agency, status); it must list exactly what
    the queue holds, in the same order, page after page, both ways."""
    for hour in (8, 9, 10, 11):
        receive(desk, at=vn(2026, 3, 2, hour))
        services.hand_over(
            actor=desk.officer_a, dossier=receive(desk, at=vn(2026, 3, 2, hour, 30)), expected_version=1
        )
        to_leader(desk, receive(desk, at=vn(2026, 3, 3, hour)))
    for officer in (desk.officer_a, desk.specialist_a, desk.leader_a):
        for name in selectors.QUEUES:
            for descending in (False, True):
                order = ("-due_at", "-id") if descending else ("due_at", "id")
                expected = list(
                    selectors.queue_queryset(officer, name).order_by(*order).values_list("code", flat=True)
                )
                seen, cursor = [], ""
                while True:
                    page = selectors.queue(officer, name, descending=descending, cursor=cursor, size=2)
                    seen += [d.code for d in page.items]
                    if not page.next_cursor:
                        break
                    cursor = page.next_cursor
                assert seen == expected, (officer.username, name, descending)
    assert len(selectors.queue_queryset(desk.officer_a, "my_unit")) == 12


def test_the_applicant_is_told_of_every_change_they_should_know(desk):
    dossier = to_leader(desk, receive(desk, at=vn(2026, 3, 2, 9)), at=vn(2026, 3, 2, 10))
    dossier = services.request_supplement(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=3,
        missing="Tờ khai có chữ ký",
        at=vn(2026, 3, 2, 11),
    )
    dossier = services.record_supplement(
        actor=desk.officer_a, dossier=dossier, expected_version=4, at=vn(2026, 3, 2, 14)
    )
    dossier = services.extend(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=5,
        new_due_day=date(2026, 3, 13),
        reason="Xác minh",
        at=vn(2026, 3, 3, 9),
    )
    dossier = services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=6,
        number="1",
        signed_on=date(2026, 3, 4),
        at=vn(2026, 3, 4, 9),
    )
    services.return_result(
        actor=desk.officer_a, dossier=dossier, expected_version=7, method="post", at=vn(2026, 3, 4, 15)
    )
    sms = OutboxMessage.objects.filter(channel="sms", reference__startswith=f"dossier:{dossier.pk}:")
    kinds = [r.split(":")[2] for r in sms.order_by("id").values_list("reference", flat=True)]
    assert kinds == ["received", "supplement", "extended", "result_ready", "returned"]
    supplement = sms.get(reference__endswith=":supplement")
    assert "Tờ khai có chữ ký" in supplement.body
    assert "001099012345" not in supplement.body
    assert "13/03/2026" in sms.get(reference__endswith=":extended").body


def test_a_citizen_sees_and_withdraws_their_own_online_dossier_only(desk):
    citizen, stranger = CitizenFactory(), CitizenFactory()
    dossier = submit_online(desk, citizen, at=vn(2026, 3, 2, 9))
    assert list(selectors.dossiers_for(citizen)) == [dossier]
    assert not selectors.dossiers_for(stranger).exists()
    withdrawn = services.withdraw(actor=citizen, dossier=dossier, expected_version=1, reason="Nộp nhầm")
    assert withdrawn.status == "withdrawn"
