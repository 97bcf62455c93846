"""Portal fixtures: a citizen account, signed in through the test client."""

import pytest

from tests.factories import CitizenFactory


@pytest.fixture
def citizen(db):
    return CitizenFactory(full_name="Nguyễn Văn An", email="an@example.vn")


@pytest.fixture
def logged_in(client, citizen):
    client.force_login(citizen)
    return client
