import pytest

from motcua.dossiers import reference
from tests.dossiers.factories import build_desk


@pytest.fixture
def desk(db):
    return build_desk()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_reference_data():
    reference.clear()
    yield
    reference.clear()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
