"""Files on S3-compatible object storage (S3_BUCKET, django-storages), as several application nodes keep them.

A real S3 API on a local port (moto's server, the S3-compatible server the registries offer) and a gunicorn
process configured with S3_BUCKET: a citizen's paper goes through the store page into the bucket, never to
the local folder, comes back through the ownership-checking download, and leaves the bucket when deleted."""

import re
from collections.abc import Iterator

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

from tests.factories import CitizenFactory
from tests.portal.factories import PDF

from .processes import app_process, csrf_token, database_url, log_in, process_env

PASSWORD = "mat-khau-dung-123"
BUCKET = "motcua-tep"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "motcua-test", "AWS_SECRET_ACCESS_KEY": "motcua-test-secret"}
STORE = "/dich-vu-cong/kho-du-lieu/"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def s3() -> Iterator[tuple[str, object]]:
    """An S3 server of the test's own with one empty bucket; yields its address and a client."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    try:
        yield endpoint, client
    finally:
        server.stop()


@pytest.fixture
def citizen(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the process uses
    return CitizenFactory(username="congdan-s3", password=PASSWORD)


def objects(client, prefix: str = "") -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return {item["Key"]: client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read() for item in listed}


def test_a_citizens_paper_lives_in_the_bucket_and_only_its_owner_gets_it(s3, citizen, tmp_path):
    endpoint, client = s3
    env = process_env(
        tmp_path,
        DATABASE_URL=database_url(tmp_path),
        S3_BUCKET=BUCKET,
        S3_ENDPOINT_URL=endpoint,
        S3_REGION="us-east-1",
        **CREDENTIALS,
    )
    with app_process(tmp_path / "app", env) as base:
        browser = log_in(base, citizen.username, PASSWORD)
        token = csrf_token(browser.get(f"{base}{STORE}", timeout=30).text)
        uploaded = browser.post(
            f"{base}{STORE}",
            data={"title": "CCCD mặt trước", "csrfmiddlewaretoken": token},
            files={"file": ("giay-to.pdf", PDF, "application/pdf")},
            headers={"Referer": f"{base}{STORE}"},
            allow_redirects=False,
            timeout=30,
        )
        assert uploaded.status_code == 302, uploaded.text[:2000]

        # In the bucket, under the private prefix, byte for byte; nothing on the node's disk.
        stored = objects(client)
        assert list(stored.values()) == [PDF]
        (key,) = stored
        assert key.startswith("private/portal/store/")
        assert not (tmp_path / "private").exists() or not any((tmp_path / "private").rglob("*.pdf"))
        assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.pdf"))

        # The list links the paper to the checking view, never to the bucket.
        page = browser.get(f"{base}{STORE}", timeout=30).text
        assert endpoint not in page
        assert BUCKET not in page
        (download,) = set(re.findall(r'href="(/dich-vu-cong/kho-du-lieu/\d+/tai-ve/)"', page))
        got = browser.get(f"{base}{download}", timeout=30)
        assert got.status_code == 200
        assert got.content == PDF
        assert got.headers["Cache-Control"] == "private, no-store"
        # Another visitor, logged out, does not get it.
        assert requests.get(f"{base}{download}", allow_redirects=False, timeout=30).status_code == 302

        delete = download.replace("/tai-ve/", "/xoa/")
        token = csrf_token(page)
        gone = browser.post(
            f"{base}{delete}",
            data={"csrfmiddlewaretoken": token},
            headers={"Referer": f"{base}{STORE}"},
            allow_redirects=False,
            timeout=30,
        )
        assert gone.status_code == 302
        assert objects(client) == {}
