"""Site-wide pages through Django's test client: home, language switch, login, health, error pages."""

import re
import unicodedata

from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import StaffFactory

PASSWORD = "matkhau-thu-123"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_home_is_vietnamese_by_default(client, province):
    response = client.get("/")
    assert response.status_code == 200
    assert html_lang(response) == "vi"
    assert response.headers["Content-Language"] == "vi"
    page = response.content.decode()
    assert "<title>Trang chủ · MộtCửa</title>" in page
    assert "Một nơi tiếp nhận và giải quyết thủ tục hành chính" in page
    assert f'href="{reverse("workdays:year")}"' in page
    assert f'href="{reverse("org:tree")}"' in page
    assert f'href="{reverse("catalog:list")}"' in page
    assert unicodedata.is_normalized("NFC", page), "Vietnamese text must be precomposed (TCVN 6909)"


def test_home_lists_service_centres_with_the_provincial_one_first(client, province):
    centre = province.communes["Xã A"]["centre"]
    centre.address, centre.phone, centre.office_hours_note = "Số 1 đường Lê Lợi", "0274 3822 222", "Sáng 7h30"
    centre.save()
    page = client.get("/").content.decode()
    positions = [page.index(f"Trung tâm PVHCC {name}") for name in ("tỉnh", "Xã A", "Xã B")]
    assert positions == sorted(positions)
    assert "Số 1 đường Lê Lợi" in page
    assert 'href="tel:02743822222"' in page
    assert "Sáng 7h30" in page
    assert "Sở Tư pháp" not in page  # a department is not a place to file


def test_home_without_centres_says_so(client, db):
    page = client.get("/").content.decode()
    assert "Chưa có thông tin về Trung tâm Phục vụ hành chính công" in page


def test_english_browser_still_gets_vietnamese(client, db):
    """Many Vietnamese citizens run English-language browsers; only the language switch changes language."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert html_lang(response) == "vi"
    assert "Lịch làm việc" in response.content.decode()


def test_unknown_language_cookie_falls_back_to_vietnamese(client, db):
    client.cookies["django_language"] = "fr"
    assert html_lang(client.get("/")) == "vi"


def test_language_switch_shows_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    response = client.get("/")
    assert html_lang(response) == "en"
    page = response.content.decode()
    assert "Working calendar" in page
    assert "Lịch làm việc" not in page
    assert 'lang="vi">Tiếng Việt</button>' in page  # and the way back
    assert unicodedata.is_normalized("NFC", page)


def test_login_page_is_accessible_form(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Đăng nhập · MộtCửa</title>" in page
    label = "Số điện thoại, thư điện tử hoặc tên đăng nhập"
    assert f'<label class="form-label" for="id_username">{label} <span aria-hidden="true">*</span>' in page
    assert '<label class="form-label" for="id_password">Mật khẩu <span aria-hidden="true">*</span>' in page
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page


def test_wrong_password_gives_vietnamese_error_and_no_trace(client, db):
    StaffFactory(username="canbo-a")
    response = client.post(reverse("login"), {"username": "canbo-a", "password": "sai-mat-khau"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page
    assert 'role="alert"' in page
    assert "Traceback" not in page
    assert 'value="canbo-a"' in page  # the visitor does not retype the user name
    assert not response.wsgi_request.user.is_authenticated


def test_empty_login_marks_fields_invalid_in_vietnamese(client, db):
    page = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()
    assert 'aria-describedby="id_username_error"' in page
    assert 'aria-describedby="id_password_error"' in page
    assert "Trường này là bắt buộc." in page


def test_login_shows_name_and_logout_signs_out(client, db):
    StaffFactory(username="canbo-b", full_name="Nguyễn Thị Lan")
    response = client.post(reverse("login"), {"username": "canbo-b", "password": PASSWORD}, follow=True)
    page = response.content.decode()
    assert "Nguyễn Thị Lan" in page
    assert "Đăng xuất" in page
    assert f'href="{reverse("admin:index")}"' not in page  # not an admin
    response = client.post(reverse("logout"), follow=True)
    assert not response.wsgi_request.user.is_authenticated
    assert f'href="{reverse("login")}"' in response.content.decode()


def test_admin_link_only_for_admin_staff(client, db):
    client.force_login(StaffFactory(is_staff=True))
    assert f'href="{reverse("admin:index")}"' in client.get("/").content.decode()


def test_messages_are_announced(rf: RequestFactory, db):
    request = rf.get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    messages.error(request, "Không lưu được hồ sơ.")
    messages.success(request, "Đã lưu.")
    page = render_to_string("base.html", request=request)
    assert '<div class="alert alert-danger"\n         role="alert">Không lưu được hồ sơ.</div>' in page
    assert '<div class="alert alert-success"\n         role="status">Đã lưu.</div>' in page


def test_health(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_unknown_url_gives_friendly_404(client, db):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<title>Không tìm thấy trang · MộtCửa</title>" in page
    assert 'href="/"' in page
    assert '<main id="main"' in page


def test_500_page_needs_no_database_or_context(rf, db, django_assert_num_queries):
    with translation.override("vi"), django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in page
    assert '<html lang="vi">' in page


def test_staff_changes_password_and_the_old_one_stops_working(client, db):
    from tests.factories import StaffFactory

    user = StaffFactory(username="doimatkhau")
    client.force_login(user)

    page = client.get("/doi-mat-khau/")
    assert "Đổi mật khẩu" in page.content.decode()
    response = client.post(
        "/doi-mat-khau/",
        {
            "old_password": "matkhau-thu-123",
            "new_password1": "Mot-Cua-2026!x",
            "new_password2": "Mot-Cua-2026!x",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mot-Cua-2026!x")
    assert not user.check_password("matkhau-thu-123")


def test_password_change_with_wrong_old_password_explains_in_vietnamese(client, db):
    from tests.factories import StaffFactory

    client.force_login(StaffFactory(username="doimatkhau2"))
    response = client.post(
        "/doi-mat-khau/",
        {"old_password": "sai", "new_password1": "Mot-Cua-2026!x", "new_password2": "Mot-Cua-2026!x"},
    )

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_home_search_box_finds_a_procedure_typed_without_diacritics(client, db):
    from tests.catalog.factories import published

    published(name="Đăng ký khai sinh")
    home = client.get("/").content.decode()
    assert 'role="search"' in home
    assert 'name="q"' in home

    results = client.get("/thu-tuc/", {"q": "dang ky khai sinh"}).content.decode()

    assert "Đăng ký khai sinh" in results
