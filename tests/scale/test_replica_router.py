"""Reads on a streaming replica, writes on the primary (core.replica), checked as users see it over HTTP.

A real primary and hot standby (tests/scale/replication.py) and a gunicorn process configured with
DATABASE_URL and REPLICA_DATABASE_URL. The replica's replay is paused to make it visibly behind: what a
visitor reads then tells which database answered."""

import time

import pytest
import requests

from motcua.core.replica import STICKY_COOKIE
from motcua.org.models import Role
from motcua.outreach import services
from tests.factories import RoleAssignmentFactory, StaffFactory

from .processes import app_process, csrf_token, log_in, process_env
from .replication import replicated_copy

PASSWORD = "mat-khau-dung-123"
STICKY_SECONDS = 6  # long enough for a login and a form on a loaded machine
FAQ_PAGE = "/dich-vu-cong/hoi-dap/"
PUBLISHED = "Đăng ký tài khoản dịch vụ công như thế nào?"
NEW = "Lệ phí cấp bản sao trích lục hộ tịch là bao nhiêu?"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def communicator(settings, province):
    """The province's communication officer, who writes the public Q&A, with one published entry."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the process uses
    user = StaffFactory(username="tuyentruyen", password=PASSWORD)
    RoleAssignmentFactory(user=user, agency=province.department, role=Role.COMMUNICATION_OFFICER)
    topic = services.create_faq_topic(actor=user, name="Nộp hồ sơ trực tuyến", order=1)
    services.create_faq(
        actor=user,
        topic=topic,
        agency=province.centre,
        question=PUBLISHED,
        answer="Bấm Đăng ký.",
        published=True,
    )
    return user, topic


@pytest.fixture
def site(tmp_path, communicator):
    """The primary, its replica and one application process reading both."""
    with replicated_copy() as clusters:
        env = process_env(
            tmp_path,
            DATABASE_URL=clusters.primary.url,
            REPLICA_DATABASE_URL=clusters.replica.url,
            MOTCUA_REPLICA_STICKY_SECONDS=str(STICKY_SECONDS),
        )
        with app_process(tmp_path / "app", env) as base:
            yield base, clusters


def add_faq(base: str, browser: requests.Session, topic_id: int, agency_id: int) -> None:
    form_url = f"{base}/tuyen-truyen/hoi-dap/moi/"
    token = csrf_token(browser.get(form_url, timeout=30).text)
    answer = browser.post(
        form_url,
        data={
            "csrfmiddlewaretoken": token,
            "topic": topic_id,
            "agency": agency_id,
            "question": NEW,
            "answer": "Theo biểu phí hiện hành.",
            "order": 2,
            "published": "on",
        },
        headers={"Referer": form_url},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:2000]


def faq_page(base: str, browser: requests.Session | None = None) -> str:
    answer = (browser or requests).get(f"{base}{FAQ_PAGE}", timeout=30)
    assert answer.status_code == 200
    return answer.text


def wait_for(check, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.2)


def test_public_pages_read_the_replica_and_a_writer_reads_his_own_write(site, communicator, province):
    base, clusters = site
    user, topic = communicator
    clusters.pause_replay()  # the replica now stays where it is, as a lagging one would

    # A change made straight on the primary is not on the public page: the page reads the replica.
    clusters.primary.sql("update outreach_faq set answer = 'Bấm nút Đăng ký ở góc trên.'")
    assert "Bấm Đăng ký." in faq_page(base)
    assert "Bấm nút Đăng ký ở góc trên." not in faq_page(base)

    # The officer writes a new entry through the site; the same user's next read is on the primary.
    officer = log_in(base, user.username, PASSWORD)
    add_faq(base, officer, topic.pk, province.centre.pk)
    assert STICKY_COOKIE in officer.cookies
    assert NEW in faq_page(base, officer)
    # A visitor who wrote nothing still reads the replica, which has not replayed it yet.
    assert NEW not in faq_page(base)

    # The replica catches up and the visitor sees the new entry too.
    clusters.resume_replay()
    wait_for(lambda: NEW in faq_page(base))

    # The writer's window is short: once it is over he reads the replica like everyone.
    time.sleep(STICKY_SECONDS + 0.5)
    clusters.pause_replay()
    clusters.primary.sql(
        f"update outreach_faq set question = 'Đã sửa trên máy chính?' where question = '{NEW}'"
    )
    page = faq_page(base, officer)
    assert NEW in page
    assert "Đã sửa trên máy chính?" not in page
    clusters.resume_replay()


def test_pages_not_listed_and_every_write_use_the_primary(site, communicator):
    """The officer's own pages (not in MOTCUA_REPLICA_ROUTES) show the primary even with the replica behind,
    and the replica itself was never written: it is read-only, so a write sent there would have failed."""
    base, clusters = site
    user, _topic = communicator
    clusters.pause_replay()
    clusters.primary.sql("update outreach_faq set question = 'Chỉ có trên máy chính?'")
    officer = log_in(base, user.username, PASSWORD)
    time.sleep(STICKY_SECONDS + 0.5)  # past the login's window: only the route decides now
    staff_list = officer.get(f"{base}/tuyen-truyen/hoi-dap/", timeout=30)
    assert staff_list.status_code == 200
    assert "Chỉ có trên máy chính?" in staff_list.text
    assert "Chỉ có trên máy chính?" not in faq_page(base, officer)
    assert clusters.replica.sql("select pg_is_in_recovery()") == [(True,)]


def test_without_a_replica_nothing_changes(client, settings):
    """The default installation: one database, no router, no cookie."""
    assert "replica" not in settings.DATABASES
    assert not getattr(settings, "DATABASE_ROUTERS", [])
    assert "motcua.core.replica.ReplicaMiddleware" not in settings.MIDDLEWARE
    assert STICKY_COOKIE not in client.post("/dang-nhap/", {"username": "x", "password": "y"}).cookies
