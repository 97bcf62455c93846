import pytest

from motcua.dossiers import reference
from tests.dossiers.factories import build_desk


@pytest.fixture
def desk(db):
    return build_desk()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Factories hash a password per user; the production hasher would dominate these tests' time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_reference_data():
    """Reference data is memoised per process for a minute; each test builds its own catalog."""
    reference.clear()
    yield
    reference.clear()
