"""schemathesis over the live OpenAPI document (issue 19): generated requests, anonymous and with an officer's
token, must never get a 5xx, and every answer must match the document (status, content type, body).

Bounded for the suite: FUZZ_EXAMPLES examples per operation (default 15) with Hypothesis derandomised, so a
run is the same every time; `make fuzz-api` runs many more. The app is called in-process (WSGI) on the
suite's database, inside each test's transaction.
"""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.dossiers.factories import build_desk, receive

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
# Not yet in the default suite: the first runs (8 examples per operation) still find undocumented content
# types (DRF's browsable/HTML answers), 405s for undeclared methods answered without the schema's shape, and
# server errors in the feedback API; `make fuzz-api` runs it (issue 19, what is left).
pytestmark = pytest.mark.skipif(not os.environ.get("MOTCUA_FUZZ"), reason="make fuzz-api (MOTCUA_FUZZ=1)")

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def officer_token(db):
    desk = build_desk()
    receive(desk)
    return Token.objects.create(user=desk.officer_a).key


def excluded(case) -> list:
    """Wrong credentials are well-formed and refused (400) by design: "valid data accepted" cannot hold."""
    return [positive_data_acceptance] if case.path.endswith("/auth/token/") else []


@schema.parametrize()
@FUZZ
def test_api_anonymously(case, db):
    case.call_and_validate(excluded_checks=excluded(case))


@schema.parametrize()
@FUZZ
def test_api_as_an_officer(case, officer_token):
    case.call_and_validate(
        headers={"Authorization": f"Token {officer_token}"}, excluded_checks=excluded(case)
    )
