"""axe-core on every citizen page, in Vietnamese and in English, at phone and desktop width.

The journey test checks the pages it walks through in Vietnamese; this one visits each citizen page directly,
including the states a journey passes quickly (a dossier waiting for a supplement, a result to rate, a
form with errors), in both languages.
"""

import json

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from motcua.dossiers import reference, services
from tests.dossiers.factories import build_desk, submit_online, to_leader
from tests.e2e.helpers import log_in, open_menu
from tests.e2e.test_accessibility import blocking_violations
from tests.factories import CitizenFactory
from tests.portal.factories import online_form

pytestmark = pytest.mark.e2e

PUBLIC = [
    "/dich-vu-cong/huong-dan/",
    "/dich-vu-cong/hoi-dap/?q=ho+so",
    "/dich-vu-cong/trung-tam/",
    "/tai-khoan/dang-ky/",
    "/tai-khoan/quen-mat-khau/",
    "/thu-tuc/?q=dang+ky+khai+sinh",
]


@pytest.fixture
def citizen_with_dossiers(transactional_db):
    """A citizen with one dossier waiting for a supplement and one with a result to rate."""
    reference.clear()
    desk = build_desk()
    online_form(desk.procedure)
    citizen = CitizenFactory(username="congdan.e2e", full_name="Lê Hoa")
    waiting = submit_online(desk, citizen)
    waiting = services.receive(actor=desk.officer_a, dossier=waiting, expected_version=waiting.version)
    services.request_supplement(
        actor=desk.officer_a, dossier=waiting, expected_version=waiting.version, missing="Bản chụp rõ hơn"
    )
    done = submit_online(desk, citizen)
    done = services.receive(actor=desk.officer_a, dossier=done, expected_version=done.version)
    done = to_leader(desk, done)
    services.attach_result(
        actor=desk.leader_a,
        dossier=done,
        expected_version=done.version,
        number="3/TLKS",
        signed_on=timezone.localdate(done.submitted_at),
    )
    return desk, citizen, waiting, done


def check(page: Page, url: str) -> None:
    page.goto(url)
    assert page.locator("main h1").count() == 1, f"{url}: one h1"
    violations = blocking_violations(page)
    assert not violations, url + "\n" + json.dumps(violations, ensure_ascii=False, indent=2)


def in_english(page: Page) -> None:
    open_menu(page)
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")


@pytest.mark.parametrize("english", [False, True], ids=["vi", "en"])
def test_public_citizen_pages(page: Page, live_server, centres_with_contacts, english):
    page.goto(live_server.url)
    if english:
        in_english(page)
    for path in PUBLIC:
        check(page, f"{live_server.url}{path}")


@pytest.mark.parametrize("english", [False, True], ids=["vi", "en"])
def test_signed_in_citizen_pages(new_context, viewport, live_server, citizen_with_dossiers, english):
    desk, citizen, waiting, done = citizen_with_dossiers
    page = log_in(new_context, viewport, live_server, citizen.username)
    if english:
        in_english(page)
    base = live_server.url
    for path in [
        "/dich-vu-cong/ho-so-cua-toi/",
        f"/dich-vu-cong/ho-so-cua-toi/{waiting.pk}/",
        f"/dich-vu-cong/ho-so-cua-toi/{waiting.pk}/bo-sung/",
        f"/dich-vu-cong/ho-so-cua-toi/{done.pk}/",
        f"/danh-gia/{done.pk}/",
        "/dich-vu-cong/kho-du-lieu/",
        "/dich-vu-cong/ho-so-nhap/",
        "/tai-khoan/ho-so-ca-nhan/",
        f"/dich-vu-cong/nop/{desk.procedure.pk}/",
    ]:
        check(page, f"{base}{path}")
    # A draft's first page, sent empty: every error must be announced and linked to its field.
    page.goto(f"{base}/dich-vu-cong/nop/{desk.procedure.pk}/")
    page.locator("main form button[type=submit]").last.click()
    page.locator("#id_applicant_id_number").fill("")
    page.locator("main form button[name=action][value=next]").click()
    assert page.locator(".is-invalid").count() >= 1
    violations = blocking_violations(page)
    assert not violations, json.dumps(violations, ensure_ascii=False, indent=2)
