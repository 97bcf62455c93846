"""Online forms as data: the field list is checked with bilingual messages, the control officer edits it in
the admin, and the renderer validates answers on the server by type."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from motcua.org.models import Role
from motcua.portal.fields import DEFAULT_FIELDS, build_form, display, validate_spec
from motcua.portal.models import OnlineForm
from tests.catalog.factories import published
from tests.factories import CitizenFactory, StaffFactory
from tests.portal.factories import BIRTH_FIELDS, online_form


def messages_of(fields) -> list[str]:
    with pytest.raises(ValidationError) as error:
        validate_spec(fields)
    return error.value.messages


def test_a_good_field_list_passes():
    validate_spec(BIRTH_FIELDS)
    validate_spec(DEFAULT_FIELDS)


@pytest.mark.parametrize(
    ("fields", "vietnamese", "english"),
    [
        ([{"name": "a", "type": "colour", "label": "Màu"}], "không hợp lệ", "unknown type"),
        (
            [{"name": "a", "type": "text", "label": "A"}, {"name": "a", "type": "date", "label": "B"}],
            "Tên trường bị trùng: a",
            "Duplicate field names: a",
        ),
        ([{"name": "a", "type": "text"}], "thiếu nhãn tiếng Việt", "the label is missing"),
        ([{"name": "a", "type": "text", "label": " "}], "thiếu nhãn tiếng Việt", "the label is missing"),
        ([{"name": "Họ tên", "type": "text", "label": "A"}], "chữ thường không dấu", "lower-case"),
        ([{"name": "a", "type": "select", "label": "A"}], "ít nhất một mục", "at least one item"),
        (
            [{"name": "a", "type": "number", "label": "A", "min": 5, "max": 1}],
            "min lớn hơn max",
            "min is above",
        ),
        ([{"name": "a", "type": "date", "label": "A", "max": "mai"}], "YYYY-MM-DD", "YYYY-MM-DD"),
        ([{"name": "a", "type": "text", "label": "A", "colour": 1}], "khóa không hợp lệ", "unknown keys"),
        (
            [{"name": "a", "type": "text", "label": "A", "pattern": "("}],
            "pattern không hợp lệ",
            "not a valid",
        ),
        ({"name": "a"}, "mảng JSON", "JSON array"),
        ([], "ít nhất một trường", "at least one field"),
    ],
)
def test_each_mistake_is_named_in_both_languages(fields, vietnamese, english):
    text = " ".join(messages_of(fields))
    assert vietnamese in text
    assert english in text
    assert " / " in text


def test_every_mistake_is_reported_at_once():
    found = messages_of(
        [
            {"name": "a", "type": "x", "label": "A"},
            {"name": "b", "type": "text"},
            {"name": "a", "type": "text"},
        ]
    )
    assert len(found) >= 4  # type of a, label of b, label of the second a, duplicate a


def test_the_model_refuses_a_bad_list_on_full_clean(db):
    procedure = published()
    form = OnlineForm(procedure=procedure, valid_from=timezone.localdate(), fields=[{"name": "a"}])
    with pytest.raises(ValidationError) as error:
        form.full_clean()
    assert "fields" in error.value.message_dict


# ------------------------------------------------------------------------------------------ admin


@pytest.fixture
def control_officer(province, make_staff):
    user = make_staff(province.office, Role.CONTROL_OFFICER, is_staff=True)
    return user


def test_control_officers_may_edit_online_forms_and_others_may_not(control_officer):
    assert control_officer.has_perm("portal.change_onlineform")
    assert control_officer.has_perm("portal.add_onlineform")
    assert not CitizenFactory().has_perm("portal.change_onlineform")
    assert not StaffFactory(is_staff=True).has_perm("portal.change_onlineform")


def test_the_admin_form_shows_bilingual_errors_and_saves_nothing(client, control_officer):
    procedure = published()
    client.force_login(control_officer)
    data = {
        "procedure": procedure.pk,
        "title": "Tờ khai",
        "valid_from": "2025-07-01",
        "legal_basis": "",
        "note": "",
        "in_person_note": "",
        "fields": '[{"name": "a", "type": "colour", "label": "A"}]',
    }
    response = client.post("/quan-tri/portal/onlineform/add/", data)
    assert response.status_code == 200
    assert "unknown type" in response.content.decode()
    assert not OnlineForm.objects.exists()
    data["fields"] = "[{not json"
    response = client.post("/quan-tri/portal/onlineform/add/", data)
    assert "Invalid JSON" in response.content.decode()
    data["fields"] = '[{"name": "a", "type": "text", "label": "Họ tên"}]'
    response = client.post("/quan-tri/portal/onlineform/add/", data)
    assert response.status_code == 200  # a form template cites the text that prescribes it
    assert not OnlineForm.objects.exists()
    data["legal_basis"] = "Thông tư 04/2020/TT-BTP"
    response = client.post("/quan-tri/portal/onlineform/add/", data)
    assert response.status_code == 302
    saved = OnlineForm.objects.get()
    assert saved.fields[0]["label"] == "Họ tên"
    assert saved.history.count() == 1


def test_the_admin_list_opens_for_the_control_officer(client, control_officer):
    online_form(published())
    client.force_login(control_officer)
    assert client.get("/quan-tri/portal/onlineform/").status_code == 200


# ------------------------------------------------------------------------------------------ renderer


def bound(fields, **data):
    return build_form(fields)(dict(data))


@pytest.mark.parametrize(
    ("spec", "good", "bad", "message"),
    [
        ({"type": "text", "max_length": 5}, "abc", "abcdefgh", "Tối đa 5 ký tự"),
        ({"type": "text", "pattern": r"^\d{4}$"}, "2025", "25", "sai định dạng"),
        ({"type": "textarea"}, "dòng 1\ndòng 2", None, None),
        ({"type": "number", "min": 1, "max": 10}, "3", "11", "Giá trị lớn nhất là 10"),
        ({"type": "number"}, "2.5", "hai", "không hợp lệ"),
        ({"type": "date", "min": "2020-01-01"}, "2021-05-06", "2019-12-31", "không được trước 01/01/2020"),
        ({"type": "date"}, "06/05/2021", "31/02/2021", "không hợp lệ"),
        ({"type": "email"}, "an@example.vn", "an@", "thư điện tử không hợp lệ"),
        ({"type": "phone"}, "0912 345 678", "12345", "Số điện thoại không hợp lệ"),
        ({"type": "id_number"}, "001099012345", "0010990", "12 chữ số"),
        ({"type": "select", "choices": ["a", "b"]}, "a", "c", "Hãy chọn một giá trị"),
    ],
)
def test_each_type_is_validated_on_the_server(spec, good, bad, message):
    fields = [{"name": "x", "label": "Trường", "required": True, **spec}]
    assert bound(fields, x=good).is_valid()
    if bad is not None:
        form = bound(fields, x=bad)
        assert not form.is_valid()
        assert message in " ".join(form.errors["x"])
        assert " / " in " ".join(form.errors["x"])


def test_required_fields_and_checkboxes_say_so_in_both_languages():
    fields = [
        {"name": "x", "type": "text", "label": "Họ tên", "required": True},
        {"name": "ok", "type": "checkbox", "label": "Cam đoan", "required": True},
    ]
    form = bound(fields)
    assert not form.is_valid()
    assert form.errors["x"] == ["Cần nhập “Họ tên”. / “Họ tên” is required."]
    assert "Cam đoan" in form.errors["ok"][0]
    assert bound(fields, x="An", ok="on").is_valid()


def test_a_date_of_birth_cannot_be_in_the_future():
    fields = [{"name": "d", "type": "date", "label": "Ngày sinh", "max": "today"}]
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert not bound(fields, d=tomorrow.isoformat()).is_valid()
    assert bound(fields, d=timezone.localdate().isoformat()).is_valid()


def test_invalid_inputs_point_to_their_messages():
    form = bound([{"name": "x", "type": "text", "label": "A", "help": "Gợi ý", "required": True}])
    form.is_valid()
    html = str(form["x"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_x_helptext id_x_error"' in html


def test_labels_and_choices_follow_the_language():
    with translation.override("en"):
        english = build_form(BIRTH_FIELDS)()
    assert english.fields["gioi_tinh"].label == "Sex"
    assert ("nam", "Male") in english.fields["gioi_tinh"].choices
    assert english.fields["noi_sinh"].label == "Nơi sinh"  # no English label: the Vietnamese one
    assert build_form(BIRTH_FIELDS)().fields["gioi_tinh"].label == "Giới tính"


def test_answers_are_shown_with_their_labels():
    rows = dict(display(BIRTH_FIELDS, {"gioi_tinh": "nu", "ngay_sinh": "2026-01-05", "cam_doan": "on"}))
    assert rows["Giới tính"] == "Nữ"
    assert rows["Ngày, tháng, năm sinh"] == "05/01/2026"
    assert rows["Tôi cam đoan nội dung khai là đúng"] == "Có"
    assert rows["Nơi sinh"] == "—"
