"""Security headers: a strict CSP, HTTPS behind settings, `check --deploy` clean (issue 19)."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.test import Client

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_carry_a_strict_content_security_policy(client, db):
    directives = policy(client.get("/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["default-src"]


@pytest.mark.parametrize(
    "url", ["/", "/thu-tuc/", "/dang-nhap/", "/lich-lam-viec/", "/to-chuc/", "/ho-so/tra-cuu/"]
)
def test_public_pages_have_no_inline_script_or_style_element(client, db, url):
    html = client.get(url).content.decode()
    assert not INLINE_SCRIPT.findall(html)
    assert not STYLE_ELEMENT.findall(html)


def test_the_control_dashboard_loads_its_chart_code_from_a_file(officer):
    client = Client()
    client.force_login(officer)
    response = client.get("/kiem-soat/tong-quan/")
    assert response.status_code == 200
    html = response.content.decode()
    assert not INLINE_SCRIPT.findall(html)
    assert "control/dashboard.js" in html


def test_https_redirect_and_hsts_follow_the_settings(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/thu-tuc/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200  # the load balancer's probe stays on HTTP
    secure = client.get("/thu-tuc/", secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_deployment_checks_are_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "motcua.example.vn",
        "SECURE_COOKIES": "1",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
        "MOTCUA_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # The browser journeys set this for their own process (tests/e2e/conftest.py); production never has it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "motcua.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
