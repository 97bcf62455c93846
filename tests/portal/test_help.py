"""Portal home and help: the most used procedures, the centres' hours on the working calendar, the citizen
navigation, and every help page for anonymous visitors in both languages."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse

from motcua.org.models import Role
from motcua.outreach import services as outreach
from motcua.portal import help as portal_help
from motcua.workdays.models import DayOverride, OfficeHours
from tests.catalog.factories import published
from tests.dossiers.factories import receive, vn
from tests.factories import CitizenFactory, StaffFactory

PAGES = ["portal:faq", "portal:help", "portal:centres", "home"]


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """The most used procedures are cached for ten minutes; each test counts its own dossiers."""
    cache.clear()
    yield
    cache.clear()


def test_most_used_procedures_follow_the_dossiers_of_the_last_year(desk):
    for _ in range(2):
        receive(desk, procedure=desk.bound_procedure, at=vn(2026, 10, 5, 9, 0))
    receive(desk, procedure=desk.procedure, at=vn(2026, 10, 6, 9, 0))
    for _ in range(3):  # more than a year before: not counted
        receive(desk, procedure=desk.procedure, at=vn(2025, 10, 1, 9, 0))
    unused = published(name="Chứng thực bản sao từ bản chính")
    rows = portal_help.most_used_procedures(on=date(2026, 11, 20))
    assert [(r.name, r.dossiers) for r in rows] == [
        ("Cấp giấy phép xây dựng nhà ở", 2),
        ("Đăng ký khai sinh", 1),
        ("Chứng thực bản sao từ bản chính", 0),
    ]
    assert rows[2].code == unused.national_code


def test_most_used_procedures_are_counted_from_the_daily_aggregates_never_the_dossiers(desk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    receive(desk, procedure=desk.bound_procedure, at=vn(2026, 10, 5, 9, 0))
    with CaptureQueriesContext(connection) as captured:
        rows = portal_help.most_used_procedures(on=date(2026, 11, 20))
    assert rows[0].dossiers == 1
    statements = [q["sql"] for q in captured.captured_queries]
    assert any("serviceindex_dossierday" in sql for sql in statements)
    assert not any('"dossiers_dossier"' in sql for sql in statements)


def test_most_used_falls_back_to_the_catalog_order_and_skips_drafts(db):
    from motcua.catalog import services as catalog
    from tests.catalog.factories import content

    published(name="Đăng ký kết hôn")
    published(name="Cấp bản sao trích lục hộ tịch")
    catalog.save_draft(actor=None, content=content(name="Thủ tục còn dự thảo"))
    names = [r.name for r in portal_help.most_used_procedures(on=date(2026, 11, 20))]
    assert names == ["Cấp bản sao trích lục hộ tịch", "Đăng ký kết hôn"]


def test_home_shows_the_most_used_procedures_and_a_few_answers(client, province, make_staff):
    procedure = published(name="Đăng ký khai sinh")
    officer = make_staff(province.department, Role.COMMUNICATION_OFFICER)
    topic = outreach.create_faq_topic(actor=officer, name="Theo dõi hồ sơ")
    outreach.create_faq(
        actor=officer,
        topic=topic,
        agency=province.centre,
        question="Tra cứu hồ sơ ở đâu?",
        answer="Ở đây.",
        published=True,
    )
    page = client.get("/").content.decode()
    assert "Thủ tục được sử dụng nhiều" in page
    assert f'href="{reverse("catalog:detail", args=[procedure.national_code])}"' in page
    assert "Tra cứu hồ sơ ở đâu?" in page
    assert f'action="{reverse("dossiers:track")}"' in page
    assert page.index('id="home-q"') < page.index("Thủ tục được sử dụng nhiều")
    assert f'href="{reverse("portal:centres")}"' in page


def test_centres_show_the_office_hours_in_force_per_weekday(client, province):
    OfficeHours.objects.create(
        periods="07:30-11:30,13:30-17:00", valid_from=date(2025, 1, 1), legal_basis="QĐ thử 1/QĐ-UBND"
    )
    province.centre.address, province.centre.phone, province.centre.email = (
        "Số 1 Lê Lợi",
        "0274 3822 222",
        "ttpvhcc@example.vn",
    )
    province.centre.save()
    # Culture Day is a day off only once a row confirms it (issue 13, problem 9).
    DayOverride.objects.create(
        date=date(2026, 11, 24), kind="off", name="Ngày Văn hóa Việt Nam", legal_basis="Xác nhận (thử)"
    )
    page = client.get(reverse("portal:centres"), {"ngay": "2026-11-23"}).content.decode()  # a Monday
    assert "Số 1 Lê Lợi" in page
    assert 'href="tel:02743822222"' in page
    assert "ttpvhcc@example.vn" in page
    assert "07:30–11:30" in page
    assert "13:30–17:00" in page
    assert "23/11/2026: mở cửa" in page
    # The same week holds Vietnam Culture Day (24/11) and the weekend, named as days off.
    assert "Ngày Văn hóa Việt Nam" in page
    assert "Thứ bảy" in page
    assert "Ngày nghỉ hằng tuần" in page
    assert page.count('aria-current="date"') == 3  # one row per centre: the province's and two communes'


def test_centres_are_closed_on_a_holiday(client, province):
    page = client.get(reverse("portal:centres"), {"ngay": "2026-09-02"}).content.decode()
    assert "02/09/2026: đóng cửa" in page
    assert "Quốc khánh" in page
    assert "mở cửa" not in page


def test_a_provincial_day_off_closes_the_centres(client, province):
    DayOverride.objects.create(
        date=date(2026, 11, 25),
        kind="off",
        province=province.unit,
        name="Nghỉ bầu cử thử",
        legal_basis="TB thử",
    )
    items = portal_help.centres_with_hours(on=date(2026, 11, 25))
    assert items
    assert all(not item.open and item.closed_reason == "Nghỉ bầu cử thử" for item in items)


def test_centres_page_today_and_bad_dates(client, province):
    page = client.get(reverse("portal:centres")).content.decode()
    assert "Hôm nay mở cửa" in page or "Hôm nay đóng cửa" in page
    for bad in ("abc", "3000-01-01", "2026-02-30"):
        response = client.get(reverse("portal:centres"), {"ngay": bad})
        assert response.status_code == 200
        assert "Hôm nay" in response.content.decode()


def _reverse(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def test_navigation_shows_citizen_links_to_citizens_only(client, province):
    citizen_links = [_reverse(n) for n in ("portal:my_dossiers", "portal:drafts", "portal:store")]
    citizen_links = [url for url in citizen_links if url]
    anonymous = client.get(reverse("portal:help")).content.decode()
    assert "Dịch vụ công của tôi" not in anonymous
    register = _reverse("accounts:register")
    if register:
        assert f'href="{register}"' in anonymous
    client.force_login(StaffFactory())
    staff = client.get(reverse("portal:help")).content.decode()
    assert "Dịch vụ công của tôi" not in staff
    assert f'href="{reverse("password_change")}"' in staff
    client.force_login(CitizenFactory())
    citizen = client.get(reverse("portal:help")).content.decode()
    assert "Dịch vụ công của tôi" in citizen
    nav = citizen[citizen.index("mc-citizen-nav") : citizen.index("</nav>")]
    for url in citizen_links:
        assert f'href="{url}"' in nav
    profile = _reverse("accounts:profile")
    if profile:
        assert f'class="navbar-text mc-user text-white" href="{profile}"' in citizen
    for page in (anonymous, staff, citizen):
        assert f'href="{reverse("portal:faq")}"' in page
        assert f'href="{reverse("portal:help")}"' in page


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_every_help_page_renders_for_anonymous_visitors(client, province, name, language):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_help_page_sends_the_tracking_form_to_the_tracking_page(client, db):
    page = client.get(reverse("portal:help")).content.decode()
    assert f'action="{reverse("dossiers:track")}"' in page
    assert 'name="code"' in page
    assert 'name="last4"' in page
    assert 'id="thanh-toan"' in page
    assert 'id="danh-gia"' in page


def test_centres_post_the_saturday_session_from_the_dated_row(client, province):
    OfficeHours.objects.create(
        periods="07:30-11:30,13:30-17:00",
        saturday_periods="07:30-11:30",
        valid_from=date(2025, 7, 1),
        legal_basis="QĐ thử 15/2025/QĐ-UBND",
    )
    page = client.get(reverse("portal:centres"), {"ngay": "2026-11-21"}).content.decode()  # a Saturday
    assert "21/11/2026: mở cửa" in page
    saturday_row = page.split("21/11</span>")[1].split("</tr>")[0]
    assert "07:30–11:30" in saturday_row
    assert "Nghỉ" not in saturday_row
    sunday_row = page.split("22/11</span>")[1].split("</tr>")[0]
    assert "Nghỉ" in sunday_row
    # A Saturday that is a day off closes the session.
    DayOverride.objects.create(date=date(2026, 11, 28), kind="off", name="Nghỉ thử", legal_basis="TB thử")
    items = portal_help.centres_with_hours(on=date(2026, 11, 28))
    assert all(not item.open and item.closed_reason == "Nghỉ thử" for item in items)
