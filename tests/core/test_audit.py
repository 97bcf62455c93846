import pytest
from django.db import transaction

from motcua.core import audit
from motcua.core.text import fold
from tests.factories import StaffFactory


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    user = StaffFactory()
    with pytest.raises(RuntimeError):
        audit.record(actor=user, action="x", target=user)


@pytest.mark.django_db
def test_snapshot_never_holds_the_password():
    user = StaffFactory()
    assert "password" not in audit.snapshot(user)
    with transaction.atomic():
        event = audit.record(actor=None, action="user.touch", target=user, before={"password": "x"})
    assert "password" not in event.changes


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đăng ký khai sinh", "dang ky khai sinh"), ("Thủ tục  ĐẤT đai", "thu tuc dat dai"), ("", "")],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(fold(text)) == fold(text)
