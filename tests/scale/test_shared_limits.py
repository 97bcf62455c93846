"""Two application processes sharing one Redis (CACHE_URL=redis://…): the tracking limit, the login limit
and sessions hold across processes, as they must when a province runs several web processes or nodes.

Real processes: a redis-server of the test's own and two gunicorn processes on the test database."""

import re

import pytest
import redis
import requests

from tests.factories import StaffFactory

from .processes import app_process, database_url, free_port, process_env, redis_server

PASSWORD = "mat-khau-dung-123"
LOGIN_LIMIT = 4
TRACKING_LIMIT = 20  # dossiers.tracking.DEFAULT_LIMIT: lookups per address per 10 minutes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def officer(settings):
    """Written before the processes start (on SQLite they get a copy of the test database)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the processes use
    return StaffFactory(username="canbo-hai-may", password=PASSWORD)


@pytest.fixture
def two_processes(tmp_path, officer):
    """Redis, then two gunicorn processes A and B configured alike, as two nodes behind a proxy would be."""
    with redis_server(tmp_path / "redis") as cache_url:
        env = process_env(
            tmp_path,
            DATABASE_URL=database_url(tmp_path),
            CACHE_URL=cache_url,
            AXES_FAILURE_LIMIT=str(LOGIN_LIMIT),
        )
        with app_process(tmp_path / "a", env) as a, app_process(tmp_path / "b", env) as b:
            yield a, b, redis.Redis.from_url(cache_url)


def test_redis_out_of_reach_is_a_503_with_retry_after_not_a_500(tmp_path, officer):
    """The cache down (a Redis restart, a network cut) answers like the database down: try again soon."""
    env = process_env(
        tmp_path, DATABASE_URL=database_url(tmp_path), CACHE_URL=f"redis://127.0.0.1:{free_port()}/0"
    )
    with app_process(tmp_path / "a", env) as a:
        api = requests.post(f"{a}/api/v1/dossiers/track/", json={"code": "X", "last4": "1234"}, timeout=30)
        assert api.status_code == 503
        assert api.json()["code"] == "service_unavailable"
        assert api.headers["Retry-After"] == "30"
        page = requests.get(f"{a}/", cookies={"sessionid": "x" * 32}, timeout=30)
        assert page.status_code == 503
        assert "tạm thời gián đoạn" in page.text


def track(base: str) -> int:
    answer = requests.post(
        f"{base}/api/v1/dossiers/track/", json={"code": "KHONG-CO-HO-SO", "last4": "1234"}, timeout=30
    )
    return answer.status_code


def test_the_tracking_limit_is_counted_once_for_both_processes(two_processes):
    a, b, store = two_processes
    # Half the allowance on each process: every lookup is answered (no such dossier) ...
    statuses = [track(a if n % 2 else b) for n in range(TRACKING_LIMIT)]
    assert statuses == [404] * TRACKING_LIMIT
    # ... and the next one is refused by either: one count in Redis, not one per process.
    assert track(a) == 429
    assert track(b) == 429
    counters = [key for key in store.keys("*") if b"dossiers:track:" in key]
    assert len(counters) == 1
    assert int(store.get(counters[0])) == TRACKING_LIMIT + 2


def token(base: str, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{base}/api/v1/auth/token/", json={"username": username, "password": password}, timeout=30
    )


def test_the_login_limit_holds_across_processes(two_processes, officer):
    a, b, _ = two_processes
    user = officer
    assert token(b, user.username, PASSWORD).status_code == 200
    # Wrong passwords sent to A and B by turns: the LIMIT-th, on whichever process, locks the account out.
    statuses = [token(a if n % 2 else b, user.username, "sai").status_code for n in range(LOGIN_LIMIT)]
    assert statuses == [400] * (LOGIN_LIMIT - 1) + [429]
    for base in (a, b):  # even the right password, on either process
        refused = token(base, user.username, PASSWORD)
        assert refused.status_code == 429
        assert refused.json()["code"] == "throttled"


def test_a_session_opened_on_one_process_is_known_to_the_other_and_cached_in_redis(two_processes, officer):
    a, b, store = two_processes
    user = officer
    browser = requests.Session()
    form = browser.get(f"{a}/dang-nhap/", timeout=30).text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    logged_in = browser.post(
        f"{a}/dang-nhap/",
        data={"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf},
        headers={"Referer": f"{a}/dang-nhap/"},
        allow_redirects=False,
        timeout=30,
    )
    assert logged_in.status_code == 302
    session_key = browser.cookies["sessionid"]
    assert any(key.endswith(session_key.encode()) for key in store.keys("*sessions*"))
    # The API on B answers this user's session (anonymous visitors get 401/403 there).
    assert requests.get(f"{b}/api/v1/dossiers/queues/", timeout=30).status_code in (401, 403)
    assert browser.get(f"{b}/api/v1/dossiers/queues/", timeout=30).status_code == 200
