import pytest

from tests.dossiers.factories import build_desk


@pytest.fixture
def desk(db):
    return build_desk()
