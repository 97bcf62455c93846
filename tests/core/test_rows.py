"""core.rows: keys reserved ahead, rows of several tables inserted in one round trip (PostgreSQL) or one
bulk_create per table (SQLite), with the same signals and errors as save()."""

import os

import pytest
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save, pre_save

from motcua.core import rows
from motcua.core.models import AuditEvent
from motcua.integrations.models import Channel, OutboxMessage
from motcua.org.models import User


def audit_event(action: str = "test.row", **fields) -> AuditEvent:
    return AuditEvent(action=action, target_type="tests.row", target_id="1", **fields)


def outbox_message(user=None) -> OutboxMessage:
    return OutboxMessage(channel=Channel.SMS, recipient="0912345678", subject="s", body="b 100%", user=user)


@pytest.mark.django_db
def test_reserved_keys_are_fresh_and_never_given_again():
    keys = rows.reserve_keys({AuditEvent: 3, OutboxMessage: 2})
    assert len(set(keys[AuditEvent])) == 3
    assert len(set(keys[OutboxMessage])) == 2
    later = AuditEvent.objects.create(action="later", target_type="t", target_id="1")
    assert later.pk > max(keys[AuditEvent])
    assert rows.reserve_keys({AuditEvent: 0}) == {}


@pytest.mark.django_db
def test_insert_writes_every_row_and_gives_keys_to_keyless_ones():
    (keyed,) = rows.reserve_keys({AuditEvent: 1})[AuditEvent]
    first = audit_event("one", pk=keyed, changes={"code": ["", "X-1"]})
    second, third = audit_event("two"), audit_event("three", reason="lý do")
    message = outbox_message()

    rows.insert([first, message, second, third])

    assert first.pk == keyed
    assert second.pk
    assert third.pk
    assert message.pk
    stored = {event.pk: event for event in AuditEvent.objects.filter(target_type="tests.row")}
    assert stored[keyed].changes == {"code": ["", "X-1"]}
    assert stored[second.pk].action == "two"
    assert stored[third.pk].reason == "lý do"
    assert OutboxMessage.objects.get(pk=message.pk).body == "b 100%"  # a literal % survives
    assert not first._state.adding
    assert first._state.db == "default"


@pytest.mark.django_db
def test_insert_sends_the_signals_save_sends():
    seen = []

    def before(sender, instance, **kwargs):
        seen.append(("pre", instance.action, instance.pk is None))

    def after(sender, instance, created, **kwargs):
        seen.append(("post", instance.action, created and instance.pk is not None))

    pre_save.connect(before, sender=AuditEvent)
    post_save.connect(after, sender=AuditEvent)
    try:
        rows.insert([audit_event("signalled")])
    finally:
        pre_save.disconnect(before, sender=AuditEvent)
        post_save.disconnect(after, sender=AuditEvent)
    assert seen == [("pre", "signalled", True), ("post", "signalled", True)]


@pytest.mark.django_db
def test_one_run_mixes_no_keyed_and_keyless_rows():
    (keyed,) = rows.reserve_keys({AuditEvent: 1})[AuditEvent]
    with pytest.raises(ValueError, match="all keyed or all keyless"):
        rows.insert([audit_event(pk=keyed), audit_event()])


@pytest.mark.django_db
def test_a_taken_key_is_a_django_integrity_error_and_nothing_of_the_batch_stays():
    existing = AuditEvent.objects.create(action="existing", target_type="t", target_id="1")
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.insert([audit_event("new"), outbox_message(), audit_event("clash", pk=existing.pk)])
    assert not AuditEvent.objects.filter(action__in=["new", "clash"]).exists()
    assert not OutboxMessage.objects.exists()
    assert AuditEvent.objects.get(pk=existing.pk).action == "existing"


@pytest.mark.django_db(transaction=True)
def test_a_row_may_name_a_row_that_comes_later_in_the_batch():
    (key,) = rows.reserve_keys({User: 1})[User]
    user = User(pk=key, username="rows.later")
    message = outbox_message(user=user)
    with transaction.atomic():  # foreign keys are checked here, at commit
        rows.insert([message, user])
    assert OutboxMessage.objects.get(pk=message.pk).user_id == key


@pytest.mark.django_db(transaction=True)
def test_a_row_naming_a_missing_row_fails_at_commit_and_leaves_nothing():
    (key,) = rows.reserve_keys({User: 1})[User]
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.insert([audit_event("orphan's sibling"), outbox_message(user=User(pk=key))])
    assert not OutboxMessage.objects.exists()
    assert not AuditEvent.objects.filter(action="orphan's sibling").exists()


@pytest.mark.django_db
def test_a_batch_inserts_what_was_added_early_and_late_in_order():
    batch = rows.Batch()
    early = audit_event("early")
    batch.add(early)
    late = [audit_event("late 1"), audit_event("late 2")]
    batch.add(*late, outbox_message())
    batch.insert()
    stored = list(
        AuditEvent.objects.filter(target_type="tests.row").order_by("pk").values_list("action", flat=True)
    )
    assert stored == ["early", "late 1", "late 2"]
    assert early.pk < late[0].pk < late[1].pk


@pytest.mark.django_db
def test_keys_taken_ahead_are_handed_out_once_each():
    rows.clear_pool()
    handed = [
        key for _ in range(rows.KEY_BLOCK // 3 + 5) for key in rows.reserve_keys({AuditEvent: 3})[AuditEvent]
    ]
    assert len(handed) == len(set(handed))  # more than one block, no key twice
    created = AuditEvent.objects.create(action="after", target_type="t", target_id="1")
    assert created.pk not in handed


@pytest.mark.django_db
def test_a_forked_process_does_not_hand_out_its_parents_keys():
    rows.clear_pool()
    rows.reserve_keys({AuditEvent: 1})  # the parent now holds a block
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child only looks at its pool: no database work in a forked test process
        os.write(write, b"empty" if not rows._pool else b"inherited")
        os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 20) == b"empty"


@pytest.mark.django_db
def test_a_statement_sent_after_the_rows_returns_its_rows_and_sees_them():
    batch = rows.Batch()
    batch.add(audit_event("counted"))
    result = batch.insert(then=("SELECT count(*) FROM core_auditevent WHERE action = %s", ["counted"]))
    assert result == [(1,)]
    assert batch.insert() == []  # nothing left to send
