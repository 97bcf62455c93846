"""The national portal's forwarded feedback: the local JSON plugin, recorded once each, bad items reported."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from motcua.feedback.imports import import_forwarded
from motcua.feedback.models import Feedback
from motcua.integrations import national_feedback
from motcua.integrations.national_feedback import LocalJsonPlugin

pytestmark = pytest.mark.django_db

ITEM = {
    "MaPAKN": "PAKN-QG-2026-000123",
    "TieuDe": "Thời hạn cấp phiếu lý lịch tư pháp quá dài",
    "NoiDung": "Chờ 20 ngày mới có phiếu.",
    "KienNghi": "Rút ngắn thời hạn.",
    "NgayGui": "2026-12-01T09:00:00+07:00",
    "NguoiGui": {"HoTen": "Phạm Thị Dung", "DienThoai": "0903123456", "LaToChuc": False},
}


def inbox(tmp_path, *files):
    for i, content in enumerate(files):
        (tmp_path / f"{i:02d}.json").write_text(
            content if isinstance(content, str) else json.dumps(content), encoding="utf-8"
        )
    return LocalJsonPlugin(tmp_path)


def test_forwarded_items_are_recorded_once_at_the_default_desk(world, tmp_path):
    plugin = inbox(tmp_path, [ITEM, {**ITEM, "MaPAKN": "PAKN-QG-2026-000124"}])
    result = import_forwarded(plugin)
    assert len(result.recorded) == 2
    item = Feedback.objects.get(external_id="PAKN-QG-2026-000123")
    assert item.channel == "national_portal"
    assert item.receiving_agency == world.office
    assert item.status == "received"
    assert item.events.get().action == "import"
    again = import_forwarded(plugin)
    assert (len(again.recorded), again.skipped) == (0, 2)


def test_a_bad_item_is_reported_and_the_others_recorded(world, tmp_path):
    no_contact = {**ITEM, "MaPAKN": "X-1", "NguoiGui": {"HoTen": "Ẩn danh"}}
    plugin = inbox(tmp_path, [no_contact, ITEM])
    result = import_forwarded(plugin)
    assert [f.external_id for f in result.recorded] == ["PAKN-QG-2026-000123"]
    assert result.failed[0][0] == "X-1"
    assert " / " in result.failed[0][1]


@pytest.mark.parametrize("content", ["{not json", json.dumps([{"TieuDe": "thiếu mã"}]), json.dumps(["x"])])
def test_unreadable_files_and_items_are_refused_in_both_languages(world, tmp_path, content):
    with pytest.raises(ValidationError, match=" / "):
        inbox(tmp_path, content).fetch()


def test_the_command_uses_the_configured_plugin(world, tmp_path, settings):
    settings.MOTCUA_NATIONAL_FEEDBACK_DIR = str(tmp_path)
    inbox(tmp_path, ITEM)
    assert national_feedback.current().name == "local_json"
    call_command("feedback_import")
    assert Feedback.objects.filter(channel="national_portal").count() == 1
