"""schemathesis over the live OpenAPI document (issue 19): generated requests, anonymous and with an officer's
token, must never get a 5xx, every answer must match the document (status, content type, body), a request
the document calls valid must not be refused and one it calls invalid must not be accepted.

Part of the suite on PostgreSQL: FUZZ_EXAMPLES examples per operation (default 5: about 150 s of CPU for
the 71 operations twice, so about a minute and a half on a two-core CI machine under `pytest -n 2`) with
Hypothesis derandomised, so a run is the same every time; `make fuzz-api` runs 300 per operation. The app
is called in-process (WSGI) on the suite's database, inside each test's transaction, so it works under
pytest-xdist as any other test does: each worker has its own database and its own share of the operations.

On SQLite it is skipped (unless MOTCUA_FUZZ=1): SQLite stores what PostgreSQL refuses (NUL, out-of-range
integers), so green there proves nothing about production, and the run takes twice as long (every
generated write commits to a file); the SQLite pass of CI keeps test_hostile_input.py and test_api_answers.py.
"""

import json
import os
import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.dossiers.factories import build_desk, receive

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql" and not os.environ.get("MOTCUA_FUZZ"),
    reason="PostgreSQL only (MOTCUA_FUZZ=1 to force): SQLite accepts what production refuses, and is slower",
)

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
# The document says what core.boundary refuses in paths and queries (no control characters); a NUL in a
# body is refused too (PostgreSQL cannot store it) but JSON Schema has no way to say "no NUL" in every
# string of a body. Credentials are the test's own (a token, or none): a session cookie the fuzzer made up
# would be "generated auth", neither anonymous nor the officer.
schema.config.generation.update(allow_x00=False, with_security_parameters=False)

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)

# Fields that name rows by code or id (a centre, a procedure, a level, a fee item): the document gives the
# shape of a code, not which codes exist, so a 400 naming only these fields is the right answer to a request
# the document calls valid. A 400 about any other field is still "a valid request refused".
REFERENCES = {
    "POST /api/v1/dossiers/": {
        "centre",
        "procedure",
        "competent_agency",
        "applicant_commune",
        "limit_case",
        "fees.*.item",
        "documents.*.required_document",
    },
    "POST /api/v1/feedback/": {"content.procedure"},
    "GET /api/v1/procedures/": {"agency", "level", "sector"},
    "POST /api/v1/decisions/": {"publish", "abolish", "publish.*", "abolish.*"},  # a blank code names none
}
# Rules between fields, which an OpenAPI document cannot state: a 400 from these is expected.
RULES = {
    "GET /api/v1/index/": "ky=range needs tu and den with tu ≤ den (serviceindex.periods.parse)",
    "GET /api/v1/index/agencies/{id}/": "the same period rule",
    "POST /api/v1/drafts/": "a fee has an amount or is exempt; a channel's time limit and unit go together",
    "POST /api/v1/feedback/": "the channel depends on who sends (a desk records letters and visits, a "
    "citizen sends online), and a desk must exist to receive it",
}
# A request the document calls invalid that is accepted on purpose.
LENIENT = {
    # DRF's relational fields read "" as "none", the document (from the model) says a code is non-blank.
    "POST /api/v1/feedback/": "an empty procedure code means no procedure",
    # An empty optional filter is no filter (`?sector=`, `?tu=` outside ky=range), as the pages' forms send.
    "GET /api/v1/procedures/": "an empty filter is no filter",
    "GET /api/v1/index/": "an empty filter is no filter",
    "GET /api/v1/index/agencies/{id}/": "an empty filter is no filter",
}


def label(case) -> str:
    return f"{case.method} {case.path}"


def excluded(case) -> list:
    checks = []
    if case.path.endswith("/auth/token/"):  # wrong credentials are well-formed and refused by design
        checks.append(positive_data_acceptance)
    if label(case) in REFERENCES or label(case) in RULES:
        checks.append(positive_data_acceptance)  # judged below, more narrowly
    if label(case) in LENIENT:
        checks.append(negative_data_rejection)
    return checks


def refused_only_for_unknown_rows(case, response) -> None:
    """In place of positive_data_acceptance where the document cannot say everything (REFERENCES, RULES)."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return
    if label(case) in RULES or label(case) not in REFERENCES:
        return
    body = json.loads(response.content)
    fields = {re.sub(r"\.\d+(?=\.|$)", ".*", name) for name in body.get("errors", {})}
    assert fields, f"valid request refused: {body}"
    assert fields <= REFERENCES[label(case)], f"valid request refused: {body}"


@pytest.fixture(autouse=True)
def one_connection_per_test(db):
    """The app is called as WSGI, which closes "old" connections when a request starts and ends: inside the
    test's transaction that closes the test's own connection, and every later query fails (an outage, 503).
    Django's test client disconnects the same handler for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def officer_token(db):
    desk = build_desk()
    receive(desk)
    return Token.objects.create(user=desk.officer_a).key


@schema.parametrize()
@FUZZ
def test_api_anonymously(case, db):
    response = case.call_and_validate(excluded_checks=excluded(case))
    refused_only_for_unknown_rows(case, response)


@schema.parametrize()
@FUZZ
def test_api_as_an_officer(case, officer_token):
    response = case.call_and_validate(
        headers={"Authorization": f"Token {officer_token}"}, excluded_checks=excluded(case)
    )
    refused_only_for_unknown_rows(case, response)
