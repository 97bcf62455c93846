"""The suite runs on the database DATABASE_URL names: CI proves both PostgreSQL and SQLite runs are real."""

import os

from django.db import connection


def test_database_is_the_configured_one():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_time_zone_and_language_defaults(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
