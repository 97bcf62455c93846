"""Who may open a page: one pair of decorators, one refusal page, one CSRF failure page, over real HTTP."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from motcua.core.access import require, require_citizen
from tests.factories import CitizenFactory, StaffFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls")]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", ["/t/staff/", "/t/manager/", "/t/citizen/"])
def test_an_anonymous_visitor_is_sent_to_the_login_page_and_back(client, url):
    response = client.get(url + "?a=1")
    assert response.status_code == 302
    assert response["Location"] == f"/dang-nhap/?next={url}%3Fa%3D1"


def test_an_officer_opens_a_staff_page_and_a_citizen_gets_the_refusal_page_saying_why():
    assert client_for(StaffFactory()).get("/t/staff/").content == b"staff page"
    response = client_for(CitizenFactory()).get("/t/staff/", HTTP_REFERER="http://testserver/dich-vu-cong/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Trang dành cho cán bộ, công chức. / For officers only." in page
    assert 'href="http://testserver/dich-vu-cong/"' in page  # the way back
    assert 'href="/"' in page
    assert response.templates[0].name == "403.html"


def test_an_officer_without_the_permission_is_refused_and_one_with_it_enters(plan, officer, staff_a):
    refused = client_for(staff_a).get("/t/manager/")
    assert refused.status_code == 403
    assert "You are not allowed to do this." in refused.content.decode()
    # control.manage_plan without an object is held by superusers only (rules predicates need the plan).
    assert client_for(StaffFactory(is_superuser=True)).get("/t/manager/").content == b"manager page"


def test_a_citizen_opens_a_citizen_page_and_an_officer_is_told_it_is_for_citizens():
    assert client_for(CitizenFactory()).get("/t/citizen/").content == b"citizen page"
    response = client_for(StaffFactory()).get("/t/citizen/")
    assert response.status_code == 403
    assert "Trang dành cho công dân, tổ chức. / For citizens and organisations." in response.content.decode()


def test_a_referer_from_another_site_is_not_offered_as_the_way_back():
    response = client_for(CitizenFactory()).get("/t/staff/", HTTP_REFERER="https://evil.example/phish")
    assert "evil.example" not in response.content.decode()


def test_the_refusal_page_is_in_english_when_the_visitor_chose_english():
    client = client_for(CitizenFactory())
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/t/staff/")
    assert response.status_code == 403
    assert '<html lang="en"' in response.content.decode()


def test_a_form_sent_from_an_expired_page_gets_a_page_with_the_way_back():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/dang-nhap/", {"username": "x", "password": "y"}, HTTP_REFERER="http://testserver/"
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page
    assert "Go back, reload the page and send it again." in page
    assert 'href="http://testserver/"' in page


def test_require_refuses_with_a_bilingual_message_and_lets_the_system_act(plan, officer, staff_a):
    require(officer, "control.manage_plan", plan)
    require(None, "control.manage_plan", plan)
    with pytest.raises(PermissionDenied, match=r"Bạn không có quyền .* / You are not allowed"):
        require(staff_a, "control.manage_plan", plan)


def test_a_citizens_own_service_refuses_officers_and_anonymous_visitors_and_says_why():
    from django.contrib.auth.models import AnonymousUser

    require_citizen(CitizenFactory())
    for who in (StaffFactory(), AnonymousUser(), None):
        with pytest.raises(PermissionDenied, match=r"For citizens and organisations\."):
            require_citizen(who)
    with pytest.raises(PermissionDenied, match=r"Chỉ nộp trực tuyến\. / Online only\."):
        require_citizen(StaffFactory(), "Chỉ nộp trực tuyến. / Online only.")
