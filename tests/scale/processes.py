"""Real processes for the multi-process tests: a throwaway redis-server and application (gunicorn) or worker
processes on the test database. Each starts on a free port in the test's own folder and is stopped by it."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def need_redis() -> None:
    if not os.access(REDIS_SERVER, os.X_OK):
        pytest.fail("redis-server is missing: tools/system-deps install (Debian's redis-server)")


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A redis-server of its own (no persistence, no system service), as CACHE_URL."""
    need_redis()
    import redis

    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", ""],
        stdout=(folder / "redis.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_until(lambda: redis.Redis.from_url(url).ping(), what="redis-server", process=process)
        yield url
    finally:
        stop(process)


def database_url(folder: Path) -> str:
    """The test database as a DATABASE_URL other processes can open. PostgreSQL: the test database itself
    (the test must be transactional so that they see its rows); SQLite's in-memory test database is copied
    to a file with SQLite's backup API."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(settings["USER"] or "")
        password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    connection.ensure_connection()
    path = folder / "copy.sqlite3"
    target = sqlite3.connect(path)
    with target:
        connection.connection.backup(target)
    target.close()
    return f"sqlite:///{path}"


def process_env(folder: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "MOTCUA_VAR_DIR": str(folder),
        "MEDIA_ROOT": str(folder / "media"),
        "SECRET_KEY": "multi-process-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        **extra,
    }
    return env


@contextmanager
def app_process(folder: Path, env: dict[str, str]) -> Iterator[str]:
    """One gunicorn process (one sync worker) serving motcua.wsgi; yields its base URL."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "motcua.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}", "-t", "60"],
        env=env,
        cwd=folder,
        stdout=(folder / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: requests.get(f"{base}/healthz", timeout=5).ok, what="gunicorn", process=process)
        yield base
    finally:
        stop(process)


def wait_until(ready, *, what: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if ready():
                return
        except Exception:  # not listening yet
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def log_in(base: str, username: str, password: str) -> requests.Session:
    """A browser-like session logged in through the login form of the process at `base`."""
    browser = requests.Session()
    token = csrf_token(browser.get(f"{base}/dang-nhap/", timeout=30).text)
    answer = browser.post(
        f"{base}/dang-nhap/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/dang-nhap/"},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:500]
    return browser
