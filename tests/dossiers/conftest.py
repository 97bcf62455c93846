import pytest

from tests.dossiers.factories import build_desk


@pytest.fixture
def desk(db):
    return build_desk()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Factories hash a password per user; the production hasher would dominate these tests' time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
