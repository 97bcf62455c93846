"""One mapping of service errors: onto forms and messages in pages, into one shape in the API."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from motcua.core.errors import apply_to_form, service_errors
from motcua.core.workflow import TransitionRefused
from tests.core.urls import NameForm

pytestmark = pytest.mark.urls("tests.core.urls")


def test_field_errors_go_to_fields_the_form_has_and_the_rest_to_the_form():
    form = NameForm({"name": "An"})
    assert form.is_valid()
    apply_to_form(
        form, ValidationError({"name": "Tên đã có.", "agency": "Cơ quan sai.", "__all__": "Chung."})
    )
    assert form.errors["name"] == ["Tên đã có."]
    assert form.non_field_errors() == ["Cơ quan sai.", "Chung."]


def test_a_one_input_page_puts_what_names_no_field_of_its_form_on_that_input():
    form = NameForm({"name": "An"})
    form.is_valid()
    with service_errors(form, field="name") as outcome:
        raise ValidationError("Mã đã hết hạn. / The code has expired.")
    assert not outcome.ok
    assert form.errors["name"] == ["Mã đã hết hạn. / The code has expired."]
    assert form.non_field_errors() == []
    apply_to_form(form, ValidationError({"password": "Quá ngắn. / Too short."}), field="name")
    assert form.errors["name"][-1] == "Quá ngắn. / Too short."
    assert 'aria-describedby="id_name_error"' in str(form["name"])


def test_a_refused_transition_lands_on_the_form_like_any_service_error():
    form = NameForm({"name": "An"})
    form.is_valid()
    with service_errors(form) as outcome:
        raise TransitionRefused("Không thể. / Not possible.", permission=False)
    assert not outcome.ok
    assert form.non_field_errors() == ["Không thể. / Not possible."]


def test_an_unexpected_error_is_not_swallowed():
    form = NameForm({"name": "An"})
    with pytest.raises(KeyError), service_errors(form):
        raise KeyError("bug")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("trung", 'aria-invalid="true" aria-describedby="id_name_error" class="form-control is-invalid"'),
        ("khoa", "Hồ sơ đang bị khóa. / The record is locked."),
        ("cam", "Không được đổi. / Not allowed."),
    ],
)
def test_a_page_shows_the_services_refusal_on_its_form(client, name, shown):
    response = client.post("/t/rename/", {"name": name})
    assert response.status_code == 200
    form = response.context["form"]
    assert shown in response.content.decode() + str(form["name"])


@pytest.mark.django_db
def test_a_page_without_a_form_shows_the_refusal_as_a_message_and_success_too(client):
    assert client.get("/t/rename-message/", {"name": "khoa"}).content.decode() == (
        "Hồ sơ đang bị khóa. / The record is locked.#None"
    )
    assert client.get("/t/rename-message/", {"name": "an"}).content.decode() == "Xong / Done#AN"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("what", "status", "body"),
    [
        (
            "django-invalid",
            400,
            {"detail": "Chung. / General.", "code": "invalid", "errors": {"name": ["Tên sai. / Bad name."]}},
        ),
        ("django-invalid-plain", 400, {"detail": "Ngày không hợp lệ. / Invalid date.", "code": "invalid"}),
        ("catalog-style", 400, {"detail": "Unknown sector / Lĩnh vực không có", "code": "invalid"}),
        ("denied", 403, {"detail": "Không có quyền. / Not allowed.", "code": "permission_denied"}),
        ("missing", 404, {"detail": "Không tìm thấy. / Not found.", "code": "not_found"}),
        ("conflict", 409, {"detail": "Đã bị sửa. / Changed by someone else.", "code": "conflict"}),
    ],
)
def test_the_api_answers_every_error_in_one_shape(what, status, body):
    response = APIClient().get(f"/t/api/{what}/")
    assert response.status_code == status
    assert response.json() == body


@pytest.mark.django_db
def test_serializer_errors_are_listed_per_field_and_nested_items_by_index():
    response = APIClient().post("/t/api/x/", {"name": "quá dài", "items": [1, "a"]}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["detail"] == "Dữ liệu không hợp lệ. / Invalid input."
    assert set(body["errors"]) == {"name", "items.1"}


@pytest.mark.django_db
def test_throttling_says_when_to_come_back_and_keeps_retry_after():
    response = APIClient().get("/t/api/throttled/")
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "detail": "Quá nhiều yêu cầu, vui lòng thử lại sau. / Too many requests, try again later. (30 s)",
        "code": "throttled",
    }


@pytest.mark.django_db
def test_any_exception_with_status_code_409_is_a_conflict_and_drf_stock_messages_become_bilingual():
    response = APIClient().get("/t/api/duck/")
    assert (response.status_code, response.json()["code"]) == (409, "conflict")
    wrong_method = APIClient().delete("/t/api/duck/")
    assert wrong_method.status_code == 405
    assert wrong_method.json() == {
        "detail": "Phương thức không được hỗ trợ. / Method not allowed.",
        "code": "method_not_allowed",
    }
    anonymous_write = APIClient().post("/api/v1/dossiers/", {}, format="json")
    assert anonymous_write.status_code in (401, 403)
    assert anonymous_write.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_the_error_shape_is_a_component_of_the_openapi_document():
    schema = APIClient().get("/api/schema/?format=json").json()
    responses = schema["paths"]["/t/api/{what}/"]["get"]["responses"]
    assert {"400", "403", "404", "409", "429"} <= set(responses)
    ref = responses["409"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/ApiError"
    component = schema["components"]["schemas"]["ApiError"]
    assert set(component["properties"]) == {"detail", "code", "errors"}
    assert set(component["required"]) == {"detail", "code"}
