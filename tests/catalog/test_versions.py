"""A procedure changes only through publication decisions; published versions never change."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import selectors, services
from motcua.catalog.content import differences, version_content
from motcua.catalog.models import ChangeKind, ProcedureStatus, ProcedureVersion
from motcua.core.models import AuditEvent
from tests.catalog.factories import content, decide, published

pytestmark = pytest.mark.django_db


def test_a_decision_turns_the_draft_into_version_1_in_force_from_its_effective_date():
    draft = services.save_draft(actor=None, content=content(name="Đăng ký kết hôn"))
    decision = decide(publish=[draft.procedure], effective_from=date(2025, 7, 1))
    version = ProcedureVersion.objects.get(pk=draft.pk)
    assert (version.number, version.decision, version.change_kind) == (1, decision, ChangeKind.NEW)
    assert version.procedure.status == ProcedureStatus.PUBLISHED
    assert selectors.version_in_force(version.procedure, date(2025, 6, 30)) is None
    assert selectors.version_in_force(version.procedure, date(2025, 7, 1)) == version
    assert AuditEvent.objects.filter(action="decision.issue", target_id=str(decision.pk)).exists()


def test_an_amendment_leaves_the_old_version_as_it_was():
    procedure = published(effective_from=date(2025, 7, 1), name="Đăng ký khai tử")
    old = selectors.version_in_force(procedure, date(2025, 8, 1))
    old_content = version_content(old)
    services.save_draft(
        actor=None,
        content={
            **old_content,
            "name": "Đăng ký khai tử (sửa đổi)",
            "channels": [{"channel": "direct", "time_limit": "0.5", "time_unit": "d", "fee": 0}],
        },
    )
    decide(publish=[procedure], effective_from=date(2025, 9, 1))

    old.refresh_from_db()
    assert version_content(old) == old_content
    assert old.valid_to == date(2025, 8, 31)
    new = selectors.version_in_force(procedure, date(2025, 9, 1))
    assert (new.number, new.change_kind, new.name) == (2, ChangeKind.AMENDED, "Đăng ký khai tử (sửa đổi)")
    assert selectors.version_in_force(procedure, date(2025, 8, 31)) == old
    procedure.refresh_from_db()
    assert procedure.status == ProcedureStatus.AMENDED
    fields = [field for field, _old, _new in differences(version_content(old), version_content(new))]
    assert fields == ["name", "channels"]


def test_a_published_version_refuses_changes():
    procedure = published()
    version = selectors.latest_version(procedure)
    version.name = "Tên khác"
    with pytest.raises(ValidationError, match="Phiên bản đã công bố không được sửa"):
        version.save()
    with pytest.raises(ValidationError):
        version.channels.first().delete()


def test_abolition_ends_the_procedure_from_its_effective_date():
    procedure = published(effective_from=date(2025, 7, 1))
    decide(abolish=[procedure], effective_from=date(2026, 1, 1))
    assert selectors.version_in_force(procedure, date(2025, 12, 31)) is not None
    assert selectors.version_in_force(procedure, date(2026, 1, 1)) is None
    procedure.refresh_from_db()
    assert procedure.status == ProcedureStatus.ABOLISHED


def test_replacement_ends_the_old_procedure_and_publishes_the_new_one():
    old = published(effective_from=date(2025, 7, 1), name="Cấp bản sao trích lục hộ tịch")
    new_draft = services.save_draft(actor=None, content=content(name="Cấp bản sao trích lục hộ tịch điện tử"))
    decide(replace=[(old, new_draft.procedure)], effective_from=date(2026, 1, 1))
    ending = selectors.latest_version(old)
    assert (ending.change_kind, ending.replaced_by) == (ChangeKind.REPLACED, new_draft.procedure)
    assert selectors.version_in_force(old, date(2026, 1, 2)) is None
    assert selectors.version_in_force(new_draft.procedure, date(2026, 1, 2)).name.endswith("điện tử")


def test_an_effective_date_not_after_the_previous_version_is_refused():
    procedure = published(effective_from=date(2025, 7, 1))
    services.save_draft(actor=None, content=version_content(selectors.latest_version(procedure)))
    with pytest.raises(ValidationError, match="phải sau ngày hiệu lực"):
        decide(publish=[procedure], effective_from=date(2025, 7, 1))


def test_publishing_without_a_draft_is_refused():
    procedure = published()
    with pytest.raises(ValidationError, match="không có dự thảo"):
        decide(publish=[procedure], effective_from=date(2026, 1, 1))
