"""The audited save and delete: validate, write, record old and new values, in one transaction."""

import pytest
from django.core.exceptions import ValidationError

from motcua.core import audit
from motcua.core.audited import audited_delete, audited_save
from motcua.outreach.models import FaqTopic

pytestmark = pytest.mark.django_db


def test_a_new_record_is_validated_saved_and_recorded(officer):
    topic = audited_save(
        FaqTopic(name="Nộp hồ sơ trực tuyến", order=1), actor=officer, action="faq_topic.create"
    )
    event = audit.history(topic).get()
    assert (event.actor, event.action) == (officer, "faq_topic.create")
    assert event.changes["name"] == [None, "Nộp hồ sơ trực tuyến"]


def test_old_values_come_from_the_database_even_when_the_instance_was_changed_first(officer):
    topic = FaqTopic.objects.create(name="Lệ phí", order=1)
    topic.name = "Phí, lệ phí"
    audited_save(topic, actor=officer, action="faq_topic.update", reason="Đổi tên")
    event = audit.history(topic).get()
    assert event.changes == {"name": ["Lệ phí", "Phí, lệ phí"]}
    assert event.reason == "Đổi tên"


def test_fields_limit_what_the_event_holds(officer):
    topic = FaqTopic.objects.create(name="Tra cứu", order=1)
    topic.name, topic.order = "Tra cứu hồ sơ", 2
    audited_save(topic, actor=officer, action="faq_topic.update", fields=["order"])
    assert audit.history(topic).get().changes == {"order": [1, 2]}


def test_extra_facts_join_the_new_values(officer):
    """What came with the record but is no field of it (the files of a contest entry) stays in the event."""
    topic = audited_save(
        FaqTopic(name="Thanh toán", order=4), actor=officer, action="faq_topic.create", extra={"files": 2}
    )
    changes = audit.history(topic).get().changes
    assert changes["files"] == [None, 2]
    assert changes["name"] == [None, "Thanh toán"]


def test_an_invalid_record_is_neither_saved_nor_recorded_and_the_error_passes_unchanged(officer):
    with pytest.raises(ValidationError) as error:
        audited_save(FaqTopic(name=""), actor=officer, action="faq_topic.create")
    assert "name" in error.value.message_dict
    assert not FaqTopic.objects.exists()
    assert not audit.AuditEvent.objects.exists()


def test_a_delete_keeps_the_last_values_in_the_trail(officer):
    topic = FaqTopic.objects.create(name="Khiếu nại", order=3)
    pk = topic.pk
    audited_delete(topic, actor=None, action="faq_topic.delete", reason="Trùng")
    assert not FaqTopic.objects.filter(pk=pk).exists()
    event = audit.AuditEvent.objects.get(action="faq_topic.delete")
    assert (event.actor_label, event.target_id, event.reason) == ("system", str(pk), "Trùng")
    assert event.changes["name"] == ["Khiếu nại", None]


def test_a_delete_can_keep_only_the_fields_the_trail_may_hold(officer):
    topic = FaqTopic.objects.create(name="Hỏi đáp riêng", order=3)
    pk = topic.pk
    audited_delete(topic, actor=officer, action="faq_topic.delete", fields=["order"])
    assert not FaqTopic.objects.filter(pk=pk).exists()
    event = audit.AuditEvent.objects.get(action="faq_topic.delete")
    assert event.changes == {"order": [3, None]}
